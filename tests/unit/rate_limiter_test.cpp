#include "http/rate_limiter.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <map>
#include <string>
#include <thread>
#include <tuple>
#include <vector>

#include "store/store.hpp"

namespace maitred::http {
namespace {

using namespace std::chrono_literals;

// 2026-11-26T10:00:00.000Z: on a window boundary.
const core::SystemTime kStart{std::chrono::milliseconds{1'795'687'200'000}};

TEST(RateLimiter, AllowsTheLimitThenRefusesWithinOneWindow) {
  core::ManualClock clock(kStart);
  FixedWindowRateLimiter limiter(3, 1000ms, clock);
  for (std::uint32_t i = 0; i < 3; ++i) {
    auto d = limiter.hit("key:a");
    EXPECT_TRUE(d.allowed);
    EXPECT_EQ(d.remaining, 2 - i);
  }
  auto refused = limiter.hit("key:a");
  EXPECT_FALSE(refused.allowed);
  EXPECT_EQ(refused.remaining, 0u);
  EXPECT_EQ(refused.reset_in, 1000ms);
}

TEST(RateLimiter, WindowsResetAtFixedTimesNotFromTheFirstRequest) {
  core::ManualClock clock(kStart + 900ms);
  FixedWindowRateLimiter limiter(2, 1000ms, clock);
  EXPECT_TRUE(limiter.hit("k").allowed);
  EXPECT_TRUE(limiter.hit("k").allowed);
  auto refused = limiter.hit("k");
  EXPECT_FALSE(refused.allowed);
  EXPECT_EQ(refused.reset_in, 100ms);  // the window started at kStart, not at +900 ms
  clock.advance(99ms);
  EXPECT_FALSE(limiter.hit("k").allowed);
  clock.advance(1ms);  // kStart + 1000 ms: a new window
  auto fresh = limiter.hit("k");
  EXPECT_TRUE(fresh.allowed);
  EXPECT_EQ(fresh.reset_in, 1000ms);
}

TEST(RateLimiter, KeysHaveSeparateBudgets) {
  core::ManualClock clock(kStart);
  FixedWindowRateLimiter limiter(1, 1000ms, clock);
  EXPECT_TRUE(limiter.hit("a").allowed);
  EXPECT_FALSE(limiter.hit("a").allowed);
  EXPECT_TRUE(limiter.hit("b").allowed);
}

TEST(RateLimiter, AFloodDoesNotWrapBackIntoBudget) {
  core::ManualClock clock(kStart);
  FixedWindowRateLimiter limiter(2, 1000ms, clock);
  for (int i = 0; i < 100000; ++i) limiter.hit("k");
  EXPECT_FALSE(limiter.hit("k").allowed);
}

TEST(RateLimiter, ResetInWithoutCounting) {
  core::ManualClock clock(kStart + 250ms);
  FixedWindowRateLimiter limiter(1, 1000ms, clock);
  EXPECT_EQ(limiter.reset_in(), 750ms);
  EXPECT_TRUE(limiter.hit("k").allowed);  // reset_in() spent nothing
}

TEST(RateLimiter, OldWindowsAreForgotten) {
  core::ManualClock clock(kStart);
  FixedWindowRateLimiter limiter(5, 1000ms, clock);
  for (int i = 0; i < 50'000; ++i) limiter.hit("addr:" + std::to_string(i));
  EXPECT_EQ(limiter.tracked_keys(), 50'000u);
  clock.advance(1000ms);
  for (int i = 0; i < 64 * 4; ++i) limiter.hit("addr:new" + std::to_string(i));
  EXPECT_LT(limiter.tracked_keys(), 5'000u);
}

TEST(RateLimiter, ConcurrentHitsNeverExceedTheLimit) {
  core::ManualClock clock(kStart);
  FixedWindowRateLimiter limiter(1000, 1000ms, clock);
  std::atomic<int> allowed{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&] {
      for (int i = 0; i < 1000; ++i) {
        if (limiter.hit("shared").allowed) ++allowed;
      }
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(allowed.load(), 1000);
}

// SharedRateLimiter owns the windows and the decision; its counter (here a
// map standing for PostgreSQL) only counts.
struct FakeCounter {
  std::map<std::pair<std::string, long long>, std::uint32_t> counts;
  std::vector<std::uint32_t> saturations;

  WindowCounter function() {
    return [this](std::string_view key, core::SystemTime window_start, std::uint32_t saturation) {
      saturations.push_back(saturation);
      auto& count = counts[{std::string(key), window_start.time_since_epoch().count()}];
      if (count < saturation) ++count;
      return count;
    };
  }
};

TEST(SharedRateLimiter, CountsIntoTheWindowStartAndDecidesLikeTheInMemoryOne) {
  core::ManualClock clock(kStart + 900ms);
  FakeCounter counter;
  SharedRateLimiter limiter(2, 1000ms, clock, counter.function());
  EXPECT_EQ(limiter.hit("k").remaining, 1u);
  EXPECT_EQ(limiter.hit("k").remaining, 0u);
  auto refused = limiter.hit("k");
  EXPECT_FALSE(refused.allowed);
  EXPECT_EQ(refused.reset_in, 100ms);
  EXPECT_EQ(limiter.reset_in(), 100ms);
  ASSERT_EQ(counter.counts.size(), 1u);
  EXPECT_EQ(counter.counts.begin()->first.second, kStart.time_since_epoch().count());  // aligned, not +900 ms
  EXPECT_EQ(counter.saturations, (std::vector<std::uint32_t>{3, 3, 3}));               // limit + 1
  clock.advance(100ms);
  auto fresh = limiter.hit("k");
  EXPECT_TRUE(fresh.allowed);
  EXPECT_EQ(fresh.reset_in, 1000ms);
}

TEST(SharedRateLimiter, AStoreOutageReachesTheCaller) {
  core::ManualClock clock(kStart + 250ms);
  SharedRateLimiter limiter(2, 1000ms, clock, [](std::string_view, core::SystemTime, std::uint32_t) -> std::uint32_t {
    throw store::StoreUnavailable("postgresql: connection refused");
  });
  EXPECT_THROW(limiter.hit("k"), store::StoreUnavailable);
  EXPECT_EQ(limiter.reset_in(), 750ms);
}

}  // namespace
}  // namespace maitred::http
