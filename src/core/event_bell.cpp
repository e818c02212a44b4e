#include "core/event_bell.hpp"

#include <vector>

namespace maitred::core {

std::uint64_t EventBell::rings(std::string_view key) const {
  std::lock_guard lock(mutex_);
  auto found = rings_.find(key);
  return found == rings_.end() ? 0 : found->second;
}

EventBell::Ticket EventBell::wait(const std::string& key, std::uint64_t seen, Wake wake) {
  {
    std::lock_guard lock(mutex_);
    auto found = rings_.find(key);
    const std::uint64_t now = found == rings_.end() ? 0 : found->second;
    if (now == seen) {
      const Ticket ticket = next_ticket_++;
      waiters_.emplace(ticket, Waiter{key, std::move(wake)});
      return ticket;
    }
  }
  wake();  // rang since the caller looked: outside the lock
  return 0;
}

std::uint64_t EventBell::rings_of_any() const {
  std::lock_guard lock(mutex_);
  return rings_of_any_;
}

EventBell::Ticket EventBell::wait_any(std::uint64_t seen_any, Wake wake) {
  {
    std::lock_guard lock(mutex_);
    if (rings_of_any_ == seen_any) {
      const Ticket ticket = next_ticket_++;
      waiters_.emplace(ticket, Waiter{{}, std::move(wake), true});
      return ticket;
    }
  }
  wake();  // rang since the caller looked: outside the lock
  return 0;
}

void EventBell::cancel(Ticket ticket) {
  std::lock_guard lock(mutex_);
  waiters_.erase(ticket);
}

void EventBell::ring(std::string_view key) {
  std::vector<Wake> woken;
  {
    std::lock_guard lock(mutex_);
    auto found = rings_.find(key);
    if (found == rings_.end()) found = rings_.emplace(std::string(key), 0).first;
    ++found->second;
    ++rings_of_any_;
    for (auto it = waiters_.begin(); it != waiters_.end();) {
      if (it->second.any || it->second.key == key) {
        woken.push_back(std::move(it->second.wake));
        it = waiters_.erase(it);
      } else {
        ++it;
      }
    }
  }
  for (auto& wake : woken) wake();
}

void EventBell::ring_all() {
  std::vector<Wake> woken;
  {
    std::lock_guard lock(mutex_);
    for (auto& [key, count] : rings_) ++count;
    ++rings_of_any_;
    for (auto& [ticket, waiter] : waiters_) {
      // A key that never rang gets a count now, so later waits see the ring.
      if (!waiter.any && !rings_.contains(waiter.key)) rings_.emplace(waiter.key, 1);
      woken.push_back(std::move(waiter.wake));
    }
    waiters_.clear();
  }
  for (auto& wake : woken) wake();
}

std::size_t EventBell::waiting() const {
  std::lock_guard lock(mutex_);
  return waiters_.size();
}

}  // namespace maitred::core
