#pragma once
// Slows down, then locks, password guessing (in memory, per process).
//
// Failed logins are counted per account (the caller's key for a user, or
// for a name nobody has) and per client address. After `slow_after`
// failures in a row, each further attempt must wait `delay`, doubled per
// further failure; after `lock_after` failures the account (or address) is
// locked for `lock_for`. A success clears the account's count; a quiet
// spell of `lock_for` forgets both. An address may fail `address_factor`
// times as often as an account before it is slowed or locked, since many
// staff may share one restaurant's address.
//
// In memory: a restart forgets the counts, and several server processes
// count separately (documented in docs/API.md).

#include <chrono>
#include <cstdint>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>

#include "core/clock.hpp"

namespace maitred::app {

struct ThrottleSettings {
  std::uint32_t slow_after = 5;
  std::chrono::milliseconds delay{1000};
  std::uint32_t lock_after = 10;
  std::chrono::milliseconds lock_for{15 * 60 * 1000};
  std::uint32_t address_factor = 5;
};

class LoginThrottle {
 public:
  LoginThrottle(ThrottleSettings settings, const core::Clock& clock) : settings_(settings), clock_(clock) {}

  // How long until a login to this account from this address may be tried;
  // zero when it may be tried now.
  std::chrono::milliseconds wait_before_attempt(std::string_view account, std::string_view address);

  void record_failure(std::string_view account, std::string_view address);
  void record_success(std::string_view account);

 private:
  struct Entry {
    std::uint32_t failures = 0;
    core::SystemTime last_failure;
  };
  // Bounds memory under a flood of made-up usernames: beyond this, entries
  // past their quiet spell are swept (and, if still full, all of them).
  static constexpr std::size_t kMaxEntries = 100'000;

  std::chrono::milliseconds wait_for(const std::string& key, std::uint32_t factor, core::SystemTime now);
  void fail(const std::string& key, core::SystemTime now);
  void sweep(core::SystemTime now);

  ThrottleSettings settings_;
  const core::Clock& clock_;
  std::mutex mutex_;
  std::unordered_map<std::string, Entry> entries_;
};

}  // namespace maitred::app
