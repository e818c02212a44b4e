// `serve --handler-threads N`: requests that may wait (here the POSTs; on
// PostgreSQL every request) are handled on a worker pool and answered on
// their connection's I/O thread. One I/O thread and four workers, so every
// write's response has crossed between the two, interleaved with GETs
// answered on the I/O thread itself.
//
// That a waiting handler no longer holds up other connections on its I/O
// thread is shown by waiting_off_io_threads_test.cpp, by order rather than
// by timing.

#include <signal.h>

#include <latch>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "api/api_fixture.hpp"
#include "api/booking_bodies.hpp"
#include "api/json_paths.hpp"

namespace maitred::test {
namespace {

constexpr int kClients = 8;
constexpr int kRoundsPerClient = 5;

// Stops the server and reads its log: one of its own per test.
class HandlerThreadsTest : public ApiTest {
 protected:
  bool own_server() const override { return true; }
  std::vector<std::string> server_args() const override {
    return {"--threads", "1", "--handler-threads", "4", "--rate-limit", "100000"};
  }

  Headers with_key() const { return {{"Authorization", basic_auth(key())}, {"Content-Type", "application/json"}}; }
};

// What one client thread saw; checked on the test thread, since gtest
// assertions from other threads are not reliable to report.
struct ClientRun {
  std::vector<std::string> failures;
  std::vector<std::string> created;
};

TEST_F(HandlerThreadsTest, ConcurrentClientsOnKeepAliveConnectionsAreAllAnsweredCorrectly) {
  std::vector<HttpClient> clients;
  for (int i = 0; i < kClients; ++i) clients.push_back(client());
  std::vector<ClientRun> runs(kClients);
  std::latch start(kClients);
  std::vector<std::thread> threads;
  for (int i = 0; i < kClients; ++i) {
    threads.emplace_back([&, i] {
      auto& run = runs[static_cast<std::size_t>(i)];
      auto& c = clients[static_cast<std::size_t>(i)];
      start.arrive_and_wait();
      try {
        // Every request of a client on its one connection: the client never
        // reconnects, so a closed connection would throw.
        for (int round = 0; round < kRoundsPerClient; ++round) {
          const std::string guest = "Guest " + std::to_string(i) + "-" + std::to_string(round);
          Reply created = c.request("POST", "/v1/bookings", with_key(),
                                    overbooking_body("2026-11-20", "19:00", 2, {}, R"({"name":")" + guest + R"("})"));
          auto id = parse(created.body);
          if (created.status != 200 || !id.IsString() || !created.keep_alive) {
            run.failures.push_back("POST -> " + std::to_string(created.status) + " " + created.body);
            continue;
          }
          run.created.push_back(id.GetString());
          Reply read = c.request("GET", "/v1/bookings/" + run.created.back(), with_key());
          auto doc = parse(read.body);
          if (read.status != 200 || at(doc, "guest.name") != "\"" + guest + "\"" || !read.keep_alive) {
            run.failures.push_back("GET -> " + std::to_string(read.status) + " " + read.body);
          }
          Reply heart = c.request("GET", "/heart");
          if (heart.status != 200 || !heart.keep_alive) {
            run.failures.push_back("GET /heart -> " + std::to_string(heart.status) + " " + heart.body);
          }
        }
      } catch (const std::exception& e) {
        run.failures.push_back(std::string("client threw: ") + e.what());
      }
    });
  }
  for (auto& t : threads) t.join();

  std::set<std::string> ids;
  for (const auto& run : runs) {
    for (const auto& failure : run.failures) ADD_FAILURE() << failure;
    ids.insert(run.created.begin(), run.created.end());
  }
  EXPECT_EQ(ids.size(), static_cast<std::size_t>(kClients * kRoundsPerClient));

  auto c = client();
  Reply list = c.request("GET", "/v1/bookings?fromDateTime=2026-11-20&toDateTime=2026-11-20&limit=100", with_key());
  ASSERT_EQ(list.status, 200u) << list.body;
  auto doc = parse(list.body);
  ASSERT_TRUE(doc.IsArray()) << list.body;
  EXPECT_EQ(doc.Size(), static_cast<rapidjson::SizeType>(kClients * kRoundsPerClient));
}

TEST_F(HandlerThreadsTest, ErrorResponsesComeBackTheSameWay) {
  auto c = client();
  Reply unknown = c.request("GET", "/no/such/endpoint");
  EXPECT_EQ(unknown.status, 404u);
  EXPECT_EQ(string_at(unknown.body, "code"), "not_found") << unknown.body;
  Reply unauthenticated = c.request("GET", "/v1/bookings", {{"Authorization", basic_auth("short")}});
  EXPECT_EQ(unauthenticated.status, 401u);
  EXPECT_EQ(string_at(unauthenticated.body, "code"), "invalid_api_key") << unauthenticated.body;
  Reply invalid = c.request("POST", "/v1/bookings", with_key(), "{not json");
  EXPECT_GE(invalid.status, 400u);
  EXPECT_LT(invalid.status, 500u) << invalid.body;
  EXPECT_FALSE(string_at(invalid.body, "code").empty()) << invalid.body;
  // Still the same connection after three errors.
  EXPECT_EQ(c.request("GET", "/heart").status, 200u);
}

TEST_F(HandlerThreadsTest, SigtermWithOpenKeepAliveConnectionsStopsCleanly) {
  std::vector<HttpClient> idle;
  for (int i = 0; i < 3; ++i) {
    idle.push_back(client());
    ASSERT_EQ(idle.back().request("GET", "/v1/tables", with_key()).status, 200u);
  }
  EXPECT_EQ(server().stop(SIGTERM), 0);
  const std::string log = server().log();
  EXPECT_NE(log.find("4 worker thread(s)"), std::string::npos) << log;
  EXPECT_NE(log.find("stopped cleanly"), std::string::npos) << log;
  EXPECT_EQ(log.find("still running after the grace period"), std::string::npos) << log;
}

TEST(HandlerThreadsOption, IsDocumentedAndBounded) {
  auto help = run_maitred({"serve", "--help"});
  EXPECT_NE(help.out.find("--handler-threads"), std::string::npos) << help.out;
  TempDir data;
  auto too_many = run_maitred({"serve", "--data", data.path().string(), "--handler-threads", "1025"});
  EXPECT_NE(too_many.exit_code, 0);
  EXPECT_NE((too_many.out + too_many.err).find("handler-threads"), std::string::npos) << too_many.err;
}

}  // namespace
}  // namespace maitred::test
