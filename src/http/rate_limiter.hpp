#pragma once
// Fixed-window rate limiting (SPEC.md section 3): each credential (or client
// address) may make `limit` requests per window; windows start at fixed times
// (multiples of the window since the epoch), not at a client's first request.
//
// Two implementations behind one interface: FixedWindowRateLimiter counts in
// this process's memory; SharedRateLimiter asks a counter that several
// processes share (PostgreSQL: store/postgres/rate_counter.hpp), so one budget
// holds however many processes stand behind the load balancer.

#include <array>
#include <chrono>
#include <cstdint>
#include <functional>
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

class RateLimiter {
 public:
  virtual ~RateLimiter() = default;

  // Counts one request for `key` and says whether it is within budget. A
  // shared limiter throws store::StoreUnavailable when its store is down:
  // the pipeline answers 503, like any other request that needs the store.
  virtual RateDecision hit(std::string_view key) = 0;

  // Time left in the current window, without counting a request; never
  // touches a store, so it is safe on every response, even a 503.
  virtual std::chrono::milliseconds reset_in() const = 0;
};

// The window arithmetic both limiters share.
class FixedWindows {
 public:
  FixedWindows(std::uint32_t limit, std::chrono::milliseconds window);

  core::SystemTime window_start(core::SystemTime now) const;
  std::chrono::milliseconds reset_in(core::SystemTime now) const;
  // Counts above limit + 1 say nothing more; counters stop there so a flood
  // can neither wrap them nor keep writing.
  std::uint32_t saturation() const { return limit_ + 1; }
  // `count` includes the request being decided.
  RateDecision decide(std::uint32_t count, core::SystemTime now) const;

  std::uint32_t limit() const { return limit_; }
  std::chrono::milliseconds window() const { return window_; }

 private:
  std::uint32_t limit_;
  std::chrono::milliseconds window_;
};

// Counters are spread over independently locked shards so that concurrent
// requests for different credentials never wait on one global lock.
class FixedWindowRateLimiter final : public RateLimiter {
 public:
  FixedWindowRateLimiter(std::uint32_t limit, std::chrono::milliseconds window, const core::Clock& clock);

  RateDecision hit(std::string_view key) override;
  std::chrono::milliseconds reset_in() const override;

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

  FixedWindows windows_;
  const core::Clock& clock_;
  std::array<Shard, kShards> shards_;
};

// Adds one request to `key`'s count for the window starting at
// `window_start` and returns the new count, never more than `saturation`.
// May throw store::StoreUnavailable. Called concurrently from every I/O
// thread.
using WindowCounter =
    std::function<std::uint32_t(std::string_view key, core::SystemTime window_start, std::uint32_t saturation)>;

// The same fixed windows, with the counts kept by a WindowCounter that other
// processes share. The decision is made here, so processes configured with
// different limits still count into one budget per key and window.
class SharedRateLimiter final : public RateLimiter {
 public:
  SharedRateLimiter(std::uint32_t limit, std::chrono::milliseconds window, const core::Clock& clock,
                    WindowCounter counter);

  RateDecision hit(std::string_view key) override;
  std::chrono::milliseconds reset_in() const override;

 private:
  FixedWindows windows_;
  const core::Clock& clock_;
  WindowCounter counter_;
};

}  // namespace maitred::http
