#include "http/rate_limiter.hpp"

#include <algorithm>

namespace maitred::http {

FixedWindowRateLimiter::FixedWindowRateLimiter(std::uint32_t limit, std::chrono::milliseconds window,
                                               const core::Clock& clock)
    : limit_(limit), window_(window), clock_(clock) {}

long long FixedWindowRateLimiter::window_of(core::SystemTime now) const {
  return now.time_since_epoch().count() / window_.count();
}

std::chrono::milliseconds FixedWindowRateLimiter::reset_in(core::SystemTime now) const {
  long long ms = now.time_since_epoch().count();
  return std::chrono::milliseconds{window_.count() - ms % window_.count()};
}

std::chrono::milliseconds FixedWindowRateLimiter::reset_in() const {
  return reset_in(clock_.now());
}

RateDecision FixedWindowRateLimiter::hit(std::string_view key) {
  const auto now = clock_.now();
  const long long window = window_of(now);
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
    // Saturate: a flood must not wrap the counter back into budget.
    if (counter.count < limit_ + 1) ++counter.count;
    count = counter.count;
  }
  const bool allowed = count <= limit_;
  return RateDecision{allowed, limit_, allowed ? limit_ - count : 0, reset_in(now)};
}

std::size_t FixedWindowRateLimiter::tracked_keys() const {
  std::size_t total = 0;
  for (const auto& shard : shards_) {
    std::lock_guard lock(shard.mutex);
    total += shard.counters.size();
  }
  return total;
}

}  // namespace maitred::http
