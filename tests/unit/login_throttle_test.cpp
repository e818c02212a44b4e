#include "app/login_throttle.hpp"

#include <gtest/gtest.h>

namespace maitred::app {
namespace {

using namespace std::chrono_literals;

class LoginThrottleTest : public ::testing::Test {
 protected:
  core::ManualClock clock_{core::SystemTime{std::chrono::milliseconds{1'795'687'200'000}}};
  ThrottleSettings settings_{/*slow_after=*/3, /*delay=*/1000ms, /*lock_after=*/5, /*lock_for=*/60'000ms,
                             /*address_factor=*/4};
  LoginThrottle throttle_{settings_, clock_};

  std::chrono::milliseconds wait(std::string_view user = "anna", std::string_view address = "10.0.0.1") {
    return throttle_.wait_before_attempt(user, address);
  }
};

TEST_F(LoginThrottleTest, FirstFailuresCostNothing) {
  throttle_.record_failure("anna", "10.0.0.1");
  throttle_.record_failure("anna", "10.0.0.1");
  EXPECT_EQ(wait(), 0ms);
}

TEST_F(LoginThrottleTest, ThenAttemptsAreSpacedOutWithDoublingDelays) {
  for (int i = 0; i < 3; ++i) throttle_.record_failure("anna", "10.0.0.1");
  EXPECT_EQ(wait(), 1000ms);
  clock_.advance(400ms);
  EXPECT_EQ(wait(), 600ms);
  clock_.advance(600ms);
  EXPECT_EQ(wait(), 0ms);
  throttle_.record_failure("anna", "10.0.0.1");  // 4th
  EXPECT_EQ(wait(), 2000ms);
  EXPECT_EQ(wait("bob"), 0ms) << "another username from the same address is not slowed yet";
}

TEST_F(LoginThrottleTest, ThenTheUsernameIsLockedForAWhileAndThenForgiven) {
  for (int i = 0; i < 5; ++i) throttle_.record_failure("anna", "10.0.0.1");
  EXPECT_EQ(wait(), 60'000ms);
  EXPECT_EQ(wait("anna", "192.0.2.7"), 60'000ms) << "the lock is on the name, from any address";
  clock_.advance(59'999ms);
  EXPECT_EQ(wait(), 1ms);
  clock_.advance(1ms);
  EXPECT_EQ(wait(), 0ms);
  throttle_.record_failure("anna", "10.0.0.1");
  EXPECT_EQ(wait(), 0ms) << "the count started over after the quiet spell";
}

TEST_F(LoginThrottleTest, AnAddressTryingManyNamesIsLockedToo) {
  for (int i = 0; i < 20; ++i) throttle_.record_failure("user" + std::to_string(i), "10.0.0.1");
  EXPECT_EQ(wait("someone-new", "10.0.0.1"), 60'000ms);
  EXPECT_EQ(wait("someone-new", "10.0.0.2"), 0ms);
}

TEST_F(LoginThrottleTest, SuccessClearsTheUsernameCount) {
  for (int i = 0; i < 4; ++i) throttle_.record_failure("anna", "10.0.0.1");
  throttle_.record_success("anna");
  EXPECT_EQ(wait("anna", "10.0.0.9"), 0ms);
}

}  // namespace
}  // namespace maitred::app
