#include "http/rate_limiter.hpp"

#include <algorithm>
#include <utility>

namespace maitred::http {

FixedWindows::FixedWindows(std::uint32_t limit, std::chrono::milliseconds window) : limit_(limit), window_(window) {}

core::SystemTime FixedWindows::window_start(core::SystemTime now) const {
  const long long ms = now.time_since_epoch().count();
  return core::SystemTime{std::chrono::milliseconds{ms - ms % window_.count()}};
}

std::chrono::milliseconds FixedWindows::reset_in(core::SystemTime now) const {
  return window_start(now) + window_ - now;
}

RateDecision FixedWindows::decide(std::uint32_t count, core::SystemTime now) const {
  const bool allowed = count <= limit_;
  return RateDecision{allowed, limit_, allowed ? limit_ - count : 0, reset_in(now)};
}

FixedWindowRateLimiter::FixedWindowRateLimiter(std::uint32_t limit, std::chrono::milliseconds window,
                                               const core::Clock& clock)
    : windows_(limit, window), clock_(clock) {}

std::chrono::milliseconds FixedWindowRateLimiter::reset_in() const {
  return windows_.reset_in(clock_.now());
}

RateDecision FixedWindowRateLimiter::hit(std::string_view key) {
  const auto now = clock_.now();
  const long long window = windows_.window_start(now).time_since_epoch().count();
  Shard& shard = shards_[std::hash<std::string_view>{}(key) % kShards];

  std::uint32_t count = 0;
  {
    std::lock_guard lock(shard.mutex);
    if (shard.last_sweep_window != window && shard.counters.size() > kSweepThreshold) {
      std::erase_if(shard.counters, [window](const auto& entry) { return entry.second.window != window; });
      shard.last_sweep_window = window;
    }
    auto it = shard.counters.find(key);
    if (it == shard.counters.end()) it = shard.counters.emplace(std::string(key), Counter{window, 0}).first;
    Counter& counter = it->second;
    if (counter.window != window) counter = Counter{window, 0};
    if (counter.count < windows_.saturation()) ++counter.count;
    count = counter.count;
  }
  return windows_.decide(count, now);
}

std::size_t FixedWindowRateLimiter::tracked_keys() const {
  std::size_t total = 0;
  for (const auto& shard : shards_) {
    std::lock_guard lock(shard.mutex);
    total += shard.counters.size();
  }
  return total;
}

SharedRateLimiter::SharedRateLimiter(std::uint32_t limit, std::chrono::milliseconds window, const core::Clock& clock,
                                     WindowCounter counter)
    : windows_(limit, window), clock_(clock), counter_(std::move(counter)) {}

std::chrono::milliseconds SharedRateLimiter::reset_in() const {
  return windows_.reset_in(clock_.now());
}

RateDecision SharedRateLimiter::hit(std::string_view key) {
  // One reading of the clock for both the window counted into and the
  // reset_in reported, so the two always agree.
  const auto now = clock_.now();
  const std::uint32_t count = counter_(key, windows_.window_start(now), windows_.saturation());
  return windows_.decide(count, now);
}

}  // namespace maitred::http
