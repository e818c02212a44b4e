// Two maitred processes on one PostgreSQL database, as behind a load
// balancer: a race for the last tables split across both books each table
// once; a key revoked or a staff session ended through one is refused by the
// other from the next request; PostgreSQL going away gives 503s, not hangs,
// and both recover by themselves when it is back.
//
// These tests bring their own throwaway cluster (support/pg_cluster.hpp), so
// they run, and can fail, in the embedded-store run of the suite as well.

#include <algorithm>
#include <atomic>
#include <chrono>
#include <map>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "api/booking_bodies.hpp"
#include "api/setup_fixture.hpp"
#include "support/pg_cluster.hpp"
#include "support/test_database.hpp"

namespace maitred::test {
namespace {

using namespace std::chrono_literals;

constexpr const char* kFriday = "2027-01-08";

// Runs a further server on its store and stops PostgreSQL: a server of its
// own per test.
class TwoProcessTest : public SetupApiBase {
 protected:
  bool own_server() const override { return true; }
  std::vector<std::string> server_args() const override {
    return {"--rate-limit", "100000", "--busy-timeout-ms", "1000"};
  }

  void SetUp() override {
    // One cluster for the suite (initdb is the slow part), a database per test.
    if (!cluster().running()) cluster().start();  // after a failed outage test
    database_ = cluster().create_database();
    use_database_for(data(), database_);
    use_database_for(second_dir_.path(), database_);
    SetupApiBase::SetUp();  // the demo, a restaurant and its key, and server A
    if (HasFatalFailure()) return;
    second_ = std::make_unique<ServerProcess>(second_dir_.path(), server_args());
  }

  void TearDown() override {
    // Both servers go before their database does.
    second_.reset();
    server_.reset();
  }

  HttpClient client_b() { return HttpClient(second_->port(), second_dir_.path() / "tls-cert.pem"); }

  Reply call_on(bool on_b, const std::string& method, const std::string& target, const std::string& api_key,
                const std::string& body = {}) {
    Headers headers{{"Authorization", basic_auth(api_key)}};
    if (!body.empty()) headers.emplace_back("Content-Type", "application/json");
    auto c = on_b ? client_b() : client();
    return c.request(method, target, headers, body);
  }

  static PgCluster& cluster() { return PgCluster::shared(); }

  std::string database_;
  TempDir second_dir_;
  std::unique_ptr<ServerProcess> second_;
};

// Three tables for four at the last time of a Friday; 60 guests want them,
// half through each process. Exactly three bookings are made, each table once.
TEST_F(TwoProcessTest, GuestsRacingThroughBothProcessesGetEachTableOnce) {
  for (const char* name : {"T1", "T2", "T3"})
    create("/v1/tables", std::string(R"({"name":")") + name + R"(","seatsMin":2,"seatsMax":4})");
  create("/v1/openingHours", R"({"name":"Dinner","day":5,"open":1800,"close":2200,"seating":{"interval":30}})");

  auto times = read(std::string("/v1/bookingFlow/times?date=") + kFriday + "&people=4&onlyBookableOnline=false");
  ASSERT_TRUE(times.IsArray() && times.Size() == 1u);
  const auto& available = times[0]["availableTimes"];
  ASSERT_GT(available.Size(), 0u);
  const std::string last = available[available.Size() - 1].GetString();

  constexpr int kGuests = 60;
  std::vector<Reply> replies(kGuests);
  std::vector<std::thread> guests;
  for (int i = 0; i < kGuests; ++i) {
    guests.emplace_back([&, i] {
      replies[static_cast<std::size_t>(i)] =
          call_on(i % 2 == 1, "POST", "/v1/bookings", key(),
                  booking_body(kFriday, last, 4, {}, R"({"name":"Guest )" + std::to_string(i) + R"("})"));
    });
  }
  for (auto& g : guests) g.join();

  int accepted_a = 0;
  int accepted_b = 0;
  for (int i = 0; i < kGuests; ++i) {
    const auto& r = replies[static_cast<std::size_t>(i)];
    if (r.status == 200) {
      ++(i % 2 == 1 ? accepted_b : accepted_a);
    } else {
      EXPECT_EQ(r.status, 422u) << r.body;
      EXPECT_EQ(string_at(r.body, "code"), "no_table") << r.body;
    }
  }
  EXPECT_EQ(accepted_a + accepted_b, 3);

  // Both processes see the same three bookings, each on a table of its own.
  for (bool on_b : {false, true}) {
    Reply day =
        call_on(on_b, "GET", std::string("/v1/bookings?fromDateTime=") + kFriday + "&toDateTime=" + kFriday, key());
    ASSERT_EQ(day.status, 200u) << day.body;
    auto doc = parse(day.body);
    ASSERT_TRUE(doc.IsArray());
    EXPECT_EQ(doc.Size(), 3u);
    std::map<std::string, int> uses;
    for (const auto& b : doc.GetArray()) {
      for (const auto& t : b["tables"].GetArray()) ++uses[t["_id"].GetString()];
    }
    EXPECT_EQ(uses.size(), 3u);
    for (const auto& [table, count] : uses) EXPECT_EQ(count, 1) << table;
  }
}

// One new guest books 24 different days at once, half through each process:
// the bookings of different days are written side by side, yet exactly one
// customer is made for the guest, and its booking count is right.
TEST_F(TwoProcessTest, OneGuestBookingManyDaysAtOnceBecomesOneCustomer) {
  constexpr int kDays = 24;
  std::vector<Reply> replies(kDays);
  std::vector<std::thread> requests;
  for (int i = 0; i < kDays; ++i) {
    requests.emplace_back([&, i] {
      const std::string day = "2027-02-" + std::string(i + 1 < 10 ? "0" : "") + std::to_string(i + 1);
      replies[static_cast<std::size_t>(i)] =
          call_on(i % 2 == 1, "POST", "/v1/bookings", key(),
                  overbooking_body(day, "19:00", 2, {}, R"({"name":"Ada","email":"Ada@Example.com"})"));
    });
  }
  for (auto& r : requests) r.join();
  for (const auto& r : replies) EXPECT_EQ(r.status, 200u) << r.body;

  Reply customers = call_on(true, "GET", "/v1/customers", key());
  ASSERT_EQ(customers.status, 200u) << customers.body;
  const auto listed = parse(customers.body);
  ASSERT_TRUE(listed.IsArray());
  ASSERT_EQ(listed.Size(), 1u) << customers.body;
  EXPECT_EQ(listed[0]["bookingCount"].GetInt(), kDays) << customers.body;
}

TEST_F(TwoProcessTest, AKeyRevokedElsewhereIsRefusedByBothFromTheNextRequest) {
  auto made =
      run_maitred({"key", "create", "--restaurant", restaurant_id_, "--name", "pos", "--data", data().string()});
  ASSERT_EQ(made.exit_code, 0) << made.err;
  const std::string pos_key = made.last_line();
  // Both processes have the key in their caches.
  EXPECT_EQ(call_on(false, "GET", "/v1/restaurant", pos_key).status, 200u);
  EXPECT_EQ(call_on(true, "GET", "/v1/restaurant", pos_key).status, 200u);

  auto listed = run_maitred({"key", "list", "--restaurant", restaurant_id_, "--data", data().string()});
  ASSERT_EQ(listed.exit_code, 0) << listed.err;
  std::string key_id;
  const auto keys = parse(listed.out);
  for (const auto& k : keys.GetArray()) {
    if (std::string(k["name"].GetString()) == "pos") key_id = k["_id"].GetString();
  }
  ASSERT_FALSE(key_id.empty()) << listed.out;
  // Revoked by a third process (the CLI, through --database).
  auto revoked = run_maitred({"key", "revoke", key_id, "--data", data().string()});
  ASSERT_EQ(revoked.exit_code, 0) << revoked.err;

  for (bool on_b : {false, true}) {
    Reply refused = call_on(on_b, "GET", "/v1/restaurant", pos_key);
    EXPECT_EQ(refused.status, 401u) << refused.body;
  }
  // The restaurant's other key is untouched.
  EXPECT_EQ(call_on(true, "GET", "/v1/restaurant", key()).status, 200u);
}

TEST_F(TwoProcessTest, AStaffSessionEndedThroughOneProcessIsRefusedByTheOther) {
  auto made = run_maitred({"user", "create", "--restaurant", restaurant_id_, "--username", "anna", "--role", "host",
                           "--data", data().string()},
                          "Tr4mpoline-Saturday\n");
  ASSERT_EQ(made.exit_code, 0) << made.err;
  auto c = client();
  Reply login = c.request("POST", "/api/v3/auth", {{"Content-Type", "application/json"}},
                          R"({"username":"anna","password":"Tr4mpoline-Saturday"})");
  ASSERT_EQ(login.status, 200u) << login.body;
  const std::string token = string_at(login.body, "token");
  const Headers bearer{{"Authorization", "Bearer " + token}};

  auto b = client_b();
  EXPECT_EQ(b.request("GET", "/api/v3/restaurant", bearer).status, 200u);
  auto a = client();
  EXPECT_EQ(a.request("POST", "/api/v3/auth/logout", bearer).status, 204u);
  auto b_again = client_b();
  Reply refused = b_again.request("GET", "/api/v3/restaurant", bearer);
  EXPECT_EQ(refused.status, 401u) << refused.body;
  EXPECT_EQ(string_at(refused.body, "code"), "token_revoked") << refused.body;
}

// PostgreSQL stops (as in a crash) while both processes serve: requests are
// answered 503 + Retry-After within a bounded time, and once it is back both
// processes serve again without a restart.
TEST_F(TwoProcessTest, PostgresGoingAwayGives503sThenBothRecover) {
  ASSERT_EQ(call_on(false, "GET", "/v1/areas", key()).status, 200u);
  ASSERT_EQ(call_on(true, "GET", "/v1/areas", key()).status, 200u);

  // Load on both processes the whole time: bookings written and read.
  std::atomic<bool> stop_load{false};
  std::atomic<int> ok{0};
  std::atomic<int> unavailable{0};
  std::atomic<int> other{0};
  std::vector<std::thread> load;
  for (int i = 0; i < 4; ++i) {
    load.emplace_back([&, i] {
      for (int n = 0; !stop_load; ++n) {
        Reply r = n % 2 == 0 ? call_on(i % 2 == 1, "POST", "/v1/bookings", key(),
                                       overbooking_body("2027-03-0" + std::to_string(1 + n % 9), "19:00", 2))
                             : call_on(i % 2 == 1, "GET", "/v1/bookings?fromDateTime=2027-03-01", key());
        if (r.status == 200)
          ++ok;
        else if (r.status == 503 && string_at(r.body, "code") == "store_unavailable")
          ++unavailable;
        else
          ++other;
      }
    });
  }
  auto wait_for = [](const std::atomic<int>& counter, int at_least) {
    for (int i = 0; i < 300 && counter < at_least; ++i) std::this_thread::sleep_for(100ms);
  };
  wait_for(ok, 20);

  cluster().stop();
  wait_for(unavailable, 20);
  EXPECT_GE(unavailable.load(), 20) << "requests under load while PostgreSQL is down are answered 503";

  for (bool on_b : {false, true}) {
    for (const char* method : {"GET", "POST"}) {
      const auto started = std::chrono::steady_clock::now();
      Reply r = std::string(method) == "GET" ? call_on(on_b, "GET", "/v1/areas", key())
                                             : call_on(on_b, "POST", "/v1/areas", key(), R"({"name":"Terrace"})");
      const auto waited = std::chrono::steady_clock::now() - started;
      EXPECT_EQ(r.status, 503u) << method << " " << r.body;
      EXPECT_EQ(string_at(r.body, "code"), "store_unavailable") << r.body;
      EXPECT_FALSE(r.header("retry-after").empty());
      EXPECT_EQ(r.body.find("postgresql"), std::string::npos) << r.body;
      // A hang would be the server waiting on a dead socket; the bound is the
      // connect timeout (3 s) with slack for a loaded machine.
      EXPECT_LT(waited, 15s) << method;
    }
  }

  cluster().start();
  const int ok_before_restart = ok;
  wait_for(ok, ok_before_restart + 20);
  stop_load = true;
  for (auto& t : load) t.join();
  EXPECT_GE(ok.load(), ok_before_restart + 20) << "the load is served again without a restart";
  EXPECT_EQ(other.load(), 0) << "only 200 or 503 store_unavailable: no 500, no dropped connection";

  for (bool on_b : {false, true}) {
    Reply r;
    for (int attempt = 0; attempt < 50; ++attempt) {
      r = call_on(on_b, "POST", "/v1/areas", key(), R"({"name":"Garden"})");
      if (r.status == 200) break;
      std::this_thread::sleep_for(200ms);
    }
    EXPECT_EQ(r.status, 200u) << r.body;
  }
  Reply areas = call_on(true, "GET", "/v1/areas", key());
  ASSERT_EQ(areas.status, 200u);
  const auto listed = parse(areas.body);
  EXPECT_EQ(std::ranges::count(listed.GetArray(), std::string_view("Garden"),
                               [](const auto& a) { return std::string_view(a["name"].GetString()); }),
            2);
}

}  // namespace
}  // namespace maitred::test
