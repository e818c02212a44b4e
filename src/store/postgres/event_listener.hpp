#pragma once
// Rings the event bell when any process commits events to the database:
// a connection of its own LISTENs on `maitred_events` (pg_events.cpp sends
// the restaurant id as the payload), on a thread of its own. When the
// connection is lost it rings everything (notifications may have been
// missed; waiters re-read and wait again) and reconnects.

#include <atomic>
#include <thread>

#include "core/event_bell.hpp"
#include "store/postgres/connection.hpp"

namespace maitred::store::postgres {

class EventListener {
 public:
  EventListener(ConnectOptions options, core::EventBell& bell);
  ~EventListener();  // stops and joins within about kPollInterval
  EventListener(const EventListener&) = delete;
  EventListener& operator=(const EventListener&) = delete;

  static constexpr std::chrono::milliseconds kPollInterval{250};

 private:
  void run();

  ConnectOptions options_;
  core::EventBell& bell_;
  std::atomic<bool> stopping_{false};
  std::thread thread_;
};

}  // namespace maitred::store::postgres
