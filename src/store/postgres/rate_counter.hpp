#pragma once
// Rate-limit counts kept in PostgreSQL (table rate_limits, migration 0002),
// so every maitred process on one database spends one budget per bucket and
// window. It is the counter behind http::SharedRateLimiter, which owns the
// windows and the decision; this class only counts.
//
// One statement per hit, in autocommit: an upsert that returns the new count.
// Blocking (a round trip); failures throw StoreUnavailable (pool acquire
// timeout, lost connection, statement timeout), never hang.

#include <chrono>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/clock.hpp"
#include "store/postgres/pool.hpp"

namespace maitred::store::postgres {

class RateCounter {
 public:
  explicit RateCounter(Pool& pool) : pool_(pool) {}

  // Adds one hit to `bucket` in the window starting at `window_start` and
  // returns the count, at most `saturation` (http::WindowCounter's contract).
  std::uint32_t add(std::string_view bucket, core::SystemTime window_start, std::uint32_t saturation);

  // Deletes the counts of windows that started before `before`; returns how
  // many. Meant for a periodic task, off the request path.
  long long purge_before(core::SystemTime before);

 private:
  Pool& pool_;
};

// Options for a pool of the rate counter's own: a hit runs before every
// request's handler, so it must not queue behind the store's slow queries
// (its own connections) nor hold an I/O thread for long when PostgreSQL is
// slow or gone (short acquire and statement timeouts: 503 instead).
PoolOptions rate_counter_pool_options(std::string url, std::size_t max_connections);

}  // namespace maitred::store::postgres
