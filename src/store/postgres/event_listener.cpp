#include "store/postgres/event_listener.hpp"

#include <poll.h>

#include "core/logging.hpp"

namespace maitred::store::postgres {

EventListener::EventListener(ConnectOptions options, core::EventBell& bell)
    : options_(std::move(options)), bell_(bell), thread_([this] { run(); }) {}

EventListener::~EventListener() {
  stopping_ = true;
  thread_.join();
}

void EventListener::run() {
  constexpr auto kRetryAfter = std::chrono::seconds{1};
  while (!stopping_) {
    try {
      Connection connection(options_);
      connection.exec_script("LISTEN maitred_events");
      // Anything committed while there was no listener: have a look.
      bell_.ring_all();
      while (!stopping_) {
        for (auto& restaurant : connection.wait_for_notifications(kPollInterval)) bell_.ring(restaurant);
      }
    } catch (const std::exception& e) {
      if (stopping_) return;
      core::log().warn("event listener: {}; reconnecting in {} s", e.what(), kRetryAfter.count());
      bell_.ring_all();
      for (auto waited = std::chrono::milliseconds{0}; waited < kRetryAfter && !stopping_; waited += kPollInterval) {
        std::this_thread::sleep_for(kPollInterval);
      }
    }
  }
}

}  // namespace maitred::store::postgres
