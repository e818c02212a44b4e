#pragma once
// Turns an Authorization header into a Principal (the restaurant and the key),
// or throws a 401 ApiError that says what was wrong. Last-used stamps are
// collected in memory and written in batches (flush_key_uses), so a request
// never waits on a write.

#include <mutex>
#include <string>
#include <unordered_map>

#include "core/clock.hpp"
#include "http/handler.hpp"

namespace maitred::store {
class Store;
}

namespace maitred::http {

class Authenticator {
 public:
  Authenticator(store::Store& store, const core::Clock& clock) : store_(store), clock_(clock) {}

  Principal authenticate_api_key(const Request& request);

  // Writes the collected last-used stamps; called periodically and at exit.
  void flush_key_uses();

 private:
  store::Store& store_;
  const core::Clock& clock_;
  std::mutex pending_mutex_;
  std::unordered_map<std::string, core::SystemTime> pending_uses_;
};

}  // namespace maitred::http
