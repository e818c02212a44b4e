#pragma once
// Wakes whoever waits for news about a key (a restaurant's events): the
// store rings it after a commit that wrote events, the long-polling feed
// waits on it. No thread waits: a waiter is a callback, called once.
//
// The count per key closes the race between looking and waiting: a waiter
// reads rings(key) before it reads the events, and wait() with that count
// calls back at once if the key rang in between.

#include <cstdint>
#include <functional>
#include <map>
#include <mutex>
#include <string>
#include <string_view>

namespace maitred::core {

class EventBell {
 public:
  using Wake = std::function<void()>;
  using Ticket = std::uint64_t;

  // How often `key` has rung so far.
  std::uint64_t rings(std::string_view key) const;

  // Calls `wake` once: now (on this thread) when `key` rang more than `seen`
  // times, else on the thread that rings it next (or rings everything). The
  // callback must be quick and must not call back into the bell.
  Ticket wait(const std::string& key, std::uint64_t seen, Wake wake);
  // How often any key has rung so far (ring_all counts once).
  std::uint64_t rings_of_any() const;
  // Like wait(), for a ring of any key: an outbox consumer serves every
  // restaurant, so it waits on the total, not on one restaurant's count.
  Ticket wait_any(std::uint64_t seen_any, Wake wake);

  // Forgets a waiter that has not been woken; harmless after it was.
  void cancel(Ticket ticket);

  void ring(std::string_view key);
  // Wakes every waiter (shutdown, or a lost notification channel that may
  // have missed rings).
  void ring_all();

  std::size_t waiting() const;

 private:
  struct Waiter {
    std::string key;
    Wake wake;
    bool any = false;  // wait_any(): woken by every ring
  };
  mutable std::mutex mutex_;
  std::map<std::string, std::uint64_t, std::less<>> rings_;
  std::map<Ticket, Waiter> waiters_;
  std::uint64_t rings_of_any_ = 0;
  Ticket next_ticket_ = 1;
};

}  // namespace maitred::core
