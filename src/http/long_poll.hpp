#pragma once
// A request that waits for news without holding a thread (GET /v1/events
// with `wait`): the handler found nothing new and returns a Response whose
// `long_poll` says what to wait for. The connection then waits on its own
// I/O thread — a timer and a bell subscription, no thread blocked — until
// the bell rings for `key` or `wait` passes, and calls `answer` for the
// response it sends. `answer` may return a further long poll (it woke to
// nothing new and time is left): the connection then waits again.

#include <chrono>
#include <cstdint>
#include <functional>
#include <string>

#include "core/event_bell.hpp"
#include "http/response.hpp"

namespace maitred::http {

struct LongPoll {
  core::EventBell& bell;
  std::string key;     // the restaurant id
  std::uint64_t seen;  // bell.rings(key) before the handler looked
  std::chrono::milliseconds wait;
  // `may_wait` false (the server is shutting down): answer now, whatever
  // there is, never with a further long poll.
  std::function<Response(bool may_wait)> answer;

  // Filled in by the request pipeline for the answer's headers and log line.
  std::string request_id;
  std::string restaurant_id;
  std::chrono::steady_clock::time_point started;
};

}  // namespace maitred::http
