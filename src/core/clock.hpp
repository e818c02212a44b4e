#pragma once
// Time source for everything that depends on "now" (rate-limit windows, key
// last-used stamps, created-at times), injectable so tests can move time.

#include <atomic>
#include <chrono>

namespace maitred::core {

using SystemTime = std::chrono::sys_time<std::chrono::milliseconds>;

class Clock {
 public:
  virtual ~Clock() = default;
  virtual SystemTime now() const = 0;
};

class SystemClock final : public Clock {
 public:
  SystemTime now() const override {
    return std::chrono::time_point_cast<std::chrono::milliseconds>(std::chrono::system_clock::now());
  }
};

// A clock that only moves when told to; for tests.
class ManualClock final : public Clock {
 public:
  explicit ManualClock(SystemTime start) : now_ms_(start.time_since_epoch().count()) {}
  SystemTime now() const override { return SystemTime{std::chrono::milliseconds{now_ms_.load()}}; }
  void advance(std::chrono::milliseconds by) { now_ms_ += by.count(); }
  void set(SystemTime t) { now_ms_ = t.time_since_epoch().count(); }

 private:
  std::atomic<long long> now_ms_;
};

}  // namespace maitred::core
