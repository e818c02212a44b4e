#pragma once
// Fixed-window rate limiting (SPEC.md section 3): each credential (or client
// address) may make `limit` requests per window; windows start at fixed times
// (multiples of the window since the epoch), not at a client's first request.
//
// Counters are spread over independently locked shards so that concurrent
// requests for different credentials never wait on one global lock.

#include <array>
#include <chrono>
#include <cstdint>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>

#include "core/clock.hpp"

namespace maitred::http {

struct RateDecision {
  bool allowed;
  std::uint32_t limit;
  std::uint32_t remaining;
  std::chrono::milliseconds reset_in;  // until the current window ends
};

class FixedWindowRateLimiter {
 public:
  FixedWindowRateLimiter(std::uint32_t limit, std::chrono::milliseconds window, const core::Clock& clock);

  // Counts one request for `key` and says whether it is within budget.
  RateDecision hit(std::string_view key);

  // Time left in the current window, without counting a request.
  std::chrono::milliseconds reset_in() const;

  std::size_t tracked_keys() const;

 private:
  struct TransparentHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  struct Counter {
    long long window;
    std::uint32_t count;
  };
  struct Shard {
    mutable std::mutex mutex;
    std::unordered_map<std::string, Counter, TransparentHash, std::equal_to<>> counters;
    long long last_sweep_window = -1;
  };
  static constexpr std::size_t kShards = 64;
  // A shard drops counters of past windows once it tracks more than this.
  static constexpr std::size_t kSweepThreshold = 256;

  long long window_of(core::SystemTime now) const;
  std::chrono::milliseconds reset_in(core::SystemTime now) const;

  std::uint32_t limit_;
  std::chrono::milliseconds window_;
  const core::Clock& clock_;
  std::array<Shard, kShards> shards_;
};

}  // namespace maitred::http
