#pragma once
// The rate limiter `maitred serve` runs with: counts in memory on the
// embedded store (one process per database), counts in PostgreSQL when
// several processes may share the database, so they spend one budget
// (docs/ARCHITECTURE.md, "Rate limit across processes").

#include <memory>

#include "core/clock.hpp"
#include "core/config.hpp"
#include "http/rate_limiter.hpp"
#include "store/database_url.hpp"

namespace maitred::cli {

class RateLimitChoice {
 public:
  RateLimitChoice(const core::ServeConfig& config, const store::DatabaseUrl& database, const core::Clock& clock);
  ~RateLimitChoice();
  RateLimitChoice(const RateLimitChoice&) = delete;
  RateLimitChoice& operator=(const RateLimitChoice&) = delete;

  http::RateLimiter& limiter() { return *limiter_; }
  // Forgets counts of windows long past; a no-op for counts in memory
  // (the limiter sweeps those itself).
  void purge_old_windows();

 private:
  struct Shared;  // the PostgreSQL pool and counter
  const core::Clock& clock_;
  std::unique_ptr<Shared> shared_;
  std::unique_ptr<http::RateLimiter> limiter_;
};

}  // namespace maitred::cli
