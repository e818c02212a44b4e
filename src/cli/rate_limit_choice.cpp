#include "cli/rate_limit_choice.hpp"

#include <thread>

#include "store/postgres/rate_counter.hpp"

namespace maitred::cli {

namespace {
constexpr std::chrono::seconds kWindow{1};
// Counts are kept a little past their window for clocks a little apart.
constexpr std::chrono::seconds kKeepCounts{10};
}  // namespace

struct RateLimitChoice::Shared {
  explicit Shared(store::postgres::PoolOptions options) : pool(std::move(options)), counter(pool) {}
  store::postgres::Pool pool;
  store::postgres::RateCounter counter;
};

RateLimitChoice::RateLimitChoice(const core::ServeConfig& config, const store::DatabaseUrl& database,
                                 const core::Clock& clock)
    : clock_(clock) {
  if (database.kind != store::DatabaseUrl::Kind::postgresql) {
    limiter_ = std::make_unique<http::FixedWindowRateLimiter>(config.rate_limit_per_second, kWindow, clock);
    return;
  }
  // One connection per thread that can hit the limiter at once.
  const std::size_t callers = std::max<std::size_t>(
      1, config.handler_threads != 0 ? config.handler_threads
                                     : (config.threads != 0 ? config.threads : std::thread::hardware_concurrency()));
  shared_ = std::make_unique<Shared>(store::postgres::rate_counter_pool_options(database.postgresql_url, callers));
  limiter_ = std::make_unique<http::SharedRateLimiter>(
      config.rate_limit_per_second, kWindow, clock,
      [counter = &shared_->counter](std::string_view key, core::SystemTime window, std::uint32_t saturation) {
        return counter->add(key, window, saturation);
      });
}

RateLimitChoice::~RateLimitChoice() = default;

void RateLimitChoice::purge_old_windows() {
  if (shared_) shared_->counter.purge_before(clock_.now() - kKeepCounts);
}

}  // namespace maitred::cli
