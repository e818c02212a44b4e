// Fixed-window rate limiting, end to end.

#include "api/api_fixture.hpp"

namespace maitred::test {
namespace {

// Moves the pinned clock and counts requests: a server of its own per test.
class RateLimitTest : public ApiTest {
 protected:
  bool own_server() const override { return true; }
  bool keep_alive() const override { return false; }
  std::vector<std::string> server_args() const override { return {"--rate-limit", "5"}; }

  // Moves the server's clock into a window of its own, so earlier requests
  // count for nothing (a burst may still straddle the next boundary: the
  // pinned clock runs on at the machine's pace).
  void start_a_new_window() { clock().advance(std::chrono::seconds(1)); }
};

TEST_F(RateLimitTest, OverBudgetIs429UntilTheWindowResets) {
  auto c = client();
  const Headers auth = {{"Authorization", basic_auth(key())}};
  // A key's budget is its own: spending the address's budget on /heart
  // (above) does not count against it.
  start_a_new_window();
  int ok = 0;
  Reply limited;
  for (int i = 0; i < 8; ++i) {
    Reply r = c.request("GET", "/v1/restaurant", auth);
    if (r.status == 200)
      ++ok;
    else
      limited = r;
  }
  // The burst may straddle a boundary on a slow machine; at least one window
  // must have filled up and refused.
  EXPECT_GE(ok, 5);
  EXPECT_LE(ok, 7);
  ASSERT_EQ(limited.status, 429u) << limited.body;
  EXPECT_EQ(string_at(limited.body, "code"), "rate_limited");
  int wait_ms = std::stoi(limited.header("retry-after"));
  EXPECT_GE(wait_ms, 1);
  EXPECT_LE(wait_ms, 1000);

  clock().advance(std::chrono::seconds(1));
  EXPECT_EQ(c.request("GET", "/v1/restaurant", auth).status, 200u);
}

TEST_F(RateLimitTest, UnauthenticatedEndpointsAreLimitedPerAddress) {
  auto c = client();
  start_a_new_window();
  int limited = 0;
  for (int i = 0; i < 8; ++i) {
    if (c.request("GET", "/heart").status == 429) ++limited;
  }
  EXPECT_GE(limited, 1);
}

TEST_F(RateLimitTest, FailedLoginsSpendTheAddressBudget) {
  auto c = client();
  start_a_new_window();
  std::set<unsigned> statuses;
  for (int i = 0; i < 8; ++i) {
    statuses.insert(c.request("GET", "/v1/restaurant", {{"Authorization", basic_auth("wrong")}}).status);
  }
  EXPECT_TRUE(statuses.contains(401));
  EXPECT_TRUE(statuses.contains(429));
}

}  // namespace
}  // namespace maitred::test
