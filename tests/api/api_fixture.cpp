#include "api/api_fixture.hpp"

#include <thread>

#include "app/admin.hpp"
#include "app/demo_setup.hpp"
#include "core/pinned_clock.hpp"
#include "store/store.hpp"
#include "support/test_database.hpp"

namespace maitred::test {

// The data folder and server the tests of one suite share.
struct ApiTest::SharedServer {
  std::string suite;
  std::vector<std::string> args;
  TempDir dir;
  std::unique_ptr<store::Store> store;  // opened by the first new_tenant()
  std::unique_ptr<ServerProcess> server;
};

std::unique_ptr<ApiTest::SharedServer>& ApiTest::shared() {
  static std::unique_ptr<SharedServer> instance;
  return instance;
}

void ApiTest::SetUp() {
  test_thread_ = std::this_thread::get_id();
  if (own_server()) {
    set_up_own_server();
  } else {
    set_up_shared_server();
  }
}

void ApiTest::set_up_own_server() {
  // The demo setup without its sample bookings: tests book what they need.
  auto demo = run_maitred({"demo", "--no-bookings", "--data", data().string()});
  ASSERT_EQ(demo.exit_code, 0) << demo.err;
  key_ = demo.last_line();
  ASSERT_FALSE(key_.empty());
  // "Created the demo restaurant "NAME" (ID, TIME ZONE)."
  const auto open = demo.out.rfind(" (");
  const auto comma = demo.out.find(',', open);
  ASSERT_TRUE(open != std::string::npos && comma != std::string::npos) << demo.out;
  restaurant_id_ = demo.out.substr(open + 2, comma - open - 2);
  server_ = std::make_unique<ServerProcess>(data(), server_args());
}

void ApiTest::set_up_shared_server() {
  const std::string suite = ::testing::UnitTest::GetInstance()->current_test_info()->test_suite_name();
  const auto args = server_args();
  auto& s = shared();
  if (s && (s->suite != suite || s->args != args)) s.reset();
  if (!s) {
    s = std::make_unique<SharedServer>();
    s->suite = suite;
    s->args = args;
  }
  // Started again when an earlier test of the suite stopped it.
  if (!s->server || !s->server->running()) {
    s->server.reset();
    s->server = std::make_unique<ServerProcess>(data(), args);
  }
  // "Now" is kTestNow again, as for a server started for this test.
  clock().restart();
  // The demo restaurant's setup, in a restaurant of this test's own.
  auto tenant = new_tenant("Bistro Maitred (demo)", "Europe/Copenhagen", /*demo_setup=*/true);
  key_ = tenant.key;
  restaurant_id_ = tenant.restaurant_id;
  std::error_code no_log_yet;
  const auto log_size = std::filesystem::file_size(data() / "server.log", no_log_yet);
  log_start_ = no_log_yet ? 0 : static_cast<std::size_t>(log_size);
}

void ApiTest::TearDown() {
  connection_.reset();
  if (own_server() || !shared() || !shared()->server) return;
  // What a test may not do to a server it shares (see api_fixture.hpp).
  if (clock().pinned() != test_now()) {
    ADD_FAILURE() << "this test moved the pinned clock of the suite's shared server: give its fixture own_server()";
  }
  if (!shared()->server->running()) {
    ADD_FAILURE() << "the suite's shared server stopped during this test (give a test that stops it a fixture with "
                     "own_server()); its log:\n"
                  << server_log();
  }
}

void ApiTest::TearDownTestSuite() {
  shared().reset();
}

const std::filesystem::path& ApiTest::data() const {
  if (!own_server()) return shared()->dir.path();
  // Made on first use: a fixture may name it before SetUp.
  if (!dir_) dir_ = std::make_unique<TempDir>();
  return dir_->path();
}

ServerProcess& ApiTest::server() {
  return own_server() ? *server_ : *shared()->server;
}

std::string ApiTest::server_log() {
  return server().log(log_start_);
}

std::string ApiTest::restaurant_with_key(const std::string& name, const std::string& timezone) {
  auto made = run_maitred({"restaurant", "create", "--name", name, "--timezone", timezone, "--data", data().string()});
  EXPECT_EQ(made.exit_code, 0) << made.err;
  auto key = run_maitred({"key", "create", "--restaurant", string_at(made.out, "_id"), "--data", data().string()});
  EXPECT_EQ(key.exit_code, 0) << key.err;
  return key.last_line();
}

Tenant ApiTest::new_tenant(const std::string& name, const std::string& timezone, bool demo_setup) {
  // The suite keeps its store open; a test with its own server opens it for
  // the moment (it may stop the server and write to the store itself).
  std::unique_ptr<store::Store> opened;
  store::Store* store = nullptr;
  if (own_server()) {
    opened = open_test_store(data());
    store = opened.get();
  } else {
    auto& s = *shared();
    if (!s.store) s.store = open_test_store(data());
    store = s.store.get();
  }
  // On the folder's pinned clock, like the server and the CLI.
  const core::PinnedClock clock(TestClock(data()).pin());
  Tenant tenant;
  // One transaction: one commit to wait for instead of one per document.
  store->atomically([&] {
    const auto restaurant = app::create_restaurant(*store, clock, name, timezone);
    if (demo_setup) app::ensure_demo_setup(*store, clock, restaurant.id);
    tenant = {restaurant.id, app::create_api_key(*store, clock, restaurant.id, "test")};
  });
  return tenant;
}

Reply ApiTest::call(const std::string& method, const std::string& target, const std::string& body,
                    const Headers& extra) {
  Headers headers{{"Authorization", basic_auth(key())}};
  if (!body.empty()) headers.emplace_back("Content-Type", "application/json");
  headers.insert(headers.end(), extra.begin(), extra.end());
  return send(method, target, headers, body);
}

Reply ApiTest::send(const std::string& method, const std::string& target, const Headers& headers,
                    const std::string& body) {
  // Each thread but the test's own on a connection of its own, as before.
  if (!keep_alive() || std::this_thread::get_id() != test_thread_) {
    auto c = client();
    return c.request(method, target, headers, body);
  }
  if (connection_ && !connection_->idle_and_open()) connection_.reset();
  if (!connection_) connection_.emplace(client());
  try {
    Reply reply = connection_->request(method, target, headers, body);
    if (!reply.keep_alive) connection_.reset();
    return reply;
  } catch (...) {
    connection_.reset();
    throw;
  }
}

}  // namespace maitred::test
