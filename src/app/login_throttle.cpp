#include "app/login_throttle.hpp"

#include <algorithm>

namespace maitred::app {

namespace {
std::string account_key(std::string_view account) {
  return "u:" + std::string(account);
}
std::string address_key(std::string_view address) {
  return "a:" + std::string(address);
}
}  // namespace

std::chrono::milliseconds LoginThrottle::wait_for(const std::string& key, std::uint32_t factor, core::SystemTime now) {
  auto it = entries_.find(key);
  if (it == entries_.end()) return std::chrono::milliseconds{0};
  const Entry& e = it->second;
  if (now >= e.last_failure + settings_.lock_for) {
    entries_.erase(it);  // a quiet spell forgives
    return std::chrono::milliseconds{0};
  }
  core::SystemTime until = now;
  if (e.failures >= settings_.lock_after * factor) {
    until = e.last_failure + settings_.lock_for;
  } else if (e.failures >= settings_.slow_after * factor) {
    const auto doublings = std::min<std::uint32_t>(e.failures - settings_.slow_after * factor, 20);
    const std::chrono::milliseconds delay = settings_.delay * (1LL << doublings);
    until = e.last_failure + std::min(delay, settings_.lock_for);
  }
  return std::max(std::chrono::milliseconds{0}, until - now);
}

std::chrono::milliseconds LoginThrottle::wait_before_attempt(std::string_view account, std::string_view address) {
  const auto now = clock_.now();
  std::lock_guard lock(mutex_);
  return std::max(wait_for(account_key(account), 1, now),
                  wait_for(address_key(address), settings_.address_factor, now));
}

void LoginThrottle::fail(const std::string& key, core::SystemTime now) {
  Entry& e = entries_[key];
  if (e.failures > 0 && now >= e.last_failure + settings_.lock_for) e.failures = 0;
  ++e.failures;
  e.last_failure = now;
}

void LoginThrottle::record_failure(std::string_view account, std::string_view address) {
  const auto now = clock_.now();
  std::lock_guard lock(mutex_);
  if (entries_.size() >= kMaxEntries) sweep(now);
  fail(account_key(account), now);
  fail(address_key(address), now);
}

void LoginThrottle::record_success(std::string_view account) {
  std::lock_guard lock(mutex_);
  entries_.erase(account_key(account));
}

void LoginThrottle::sweep(core::SystemTime now) {
  std::erase_if(entries_, [&](const auto& kv) { return now >= kv.second.last_failure + settings_.lock_for; });
  // Still full: an attack with that many distinct names; start over rather
  // than grow without bound (the address counts are lost too, by design).
  if (entries_.size() >= kMaxEntries) entries_.clear();
}

}  // namespace maitred::app
