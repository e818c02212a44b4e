#include "cli/serve_command.hpp"

#include <algorithm>
#include <iostream>
#include <thread>

#include "api/public_limits.hpp"
#include "api/routes.hpp"
#include "app/import_runner.hpp"
#include "app/import_service.hpp"
#include "app/staff_auth.hpp"
#include "cli/data_dir.hpp"
#include "cli/rate_limit_choice.hpp"
#include "cli/serve_options.hpp"
#include "core/logging.hpp"
#include "core/periodic_task.hpp"
#include "http/authenticator.hpp"
#include "http/request_pipeline.hpp"
#include "http/server.hpp"
#include "store/open_store.hpp"

namespace maitred::cli {

namespace {
constexpr std::chrono::seconds kKeyUseFlushInterval{2};
// Idempotency keys must answer retries for at least 24 hours; they are kept 48.
constexpr std::chrono::minutes kIdempotencyPurgeInterval{10};
constexpr std::chrono::hours kIdempotencyKeyLifetime{48};
// Finished import jobs answer GET /imports/{id} this long.
constexpr std::chrono::hours kImportJobLifetime{30 * 24};
// Shared rate-limit counts of past windows (PostgreSQL) are dropped this often.
constexpr std::chrono::seconds kRateCountPurgeInterval{10};
// Events past the retention are dropped this often.
constexpr std::chrono::hours kEventPurgeInterval{1};
}  // namespace

int serve(const core::ServeConfig& given, const core::Clock& clock) {
  prepare_data_dir(given.data_dir);
  const auto database = choose_database(given.data_dir, given.database);
  core::ServeConfig config = given;
  // Nothing that may wait runs on the I/O threads that every connection's
  // reads and writes wait on (ARCHITECTURE.md, "Concurrency"). libpq blocks
  // for a round trip per statement: on PostgreSQL every request is handled
  // on a worker (one per pooled connection). On SQLite only writes and
  // sign-ins are (a write may wait for another process's lock; argon2 is
  // CPU-bound): one worker per core.
  if (database.kind == store::DatabaseUrl::Kind::postgresql) {
    config.every_request_on_handler_threads = true;
    if (config.handler_threads == 0) config.handler_threads = static_cast<unsigned>(config.store_connections);
  } else if (config.handler_threads == 0) {
    config.handler_threads = std::max(2U, std::thread::hardware_concurrency());
  }
  const auto opened = store::open_store(
      database,
      {.server = true, .busy_timeout = config.store_busy_timeout, .max_connections = config.store_connections});
  store::Store& store = *opened;
  http::Authenticator authenticator(store, clock);
  RateLimitChoice rate_limit(config, database, clock);
  http::Router router = api::make_router();
  app::StaffAuthSettings auth_settings;
  auth_settings.lifetimes = {config.access_token_lifetime, config.refresh_token_lifetime};
  auth_settings.throttle.slow_after = config.login_slow_after;
  auth_settings.throttle.delay = config.login_delay;
  auth_settings.throttle.lock_after = config.login_lock_after;
  auth_settings.throttle.lock_for = config.login_lock;
  app::StaffAuth staff_auth(store, clock, auth_settings);
  // Declared before the server so it outlives it: its worker stops (and
  // joins) only after the last request that could queue a job.
  app::ImportRunner imports(store, clock);
  api::PublicLimitSettings guest_limits;
  guest_limits.holds_per_address_per_hour = config.guest_holds_per_hour;
  guest_limits.bookings_per_contact_per_day = config.guest_bookings_per_day;
  api::PublicLimits public_limits(guest_limits, clock);
  http::Services services{store, clock, &staff_auth, &imports, &public_limits};
  http::RequestPipeline pipeline(router, services, authenticator, rate_limit.limiter());

  http::Server server(config, pipeline, &store.events().bell());
  const std::string url = server.bind();
  if (config.insecure_http) {
    core::log().warn(
        "*** --insecure-http: serving PLAIN HTTP on {}. API keys cross the network unencrypted. "
        "Use this only for development or behind a TLS-terminating proxy. ***",
        url);
  }
  core::log().info("maitred {} listening on {} (data: {}, database: {})", MAITRED_VERSION, url,
                   config.data_dir.string(), database.redacted());
  std::cout << "maitred listening on " << url << std::endl;

  {
    core::PeriodicTask flush_key_uses(kKeyUseFlushInterval, [&authenticator] { authenticator.flush_key_uses(); });
    core::PeriodicTask purge_rate_counts(kRateCountPurgeInterval, [&rate_limit] { rate_limit.purge_old_windows(); });
    core::PeriodicTask purge_idempotency_keys(kIdempotencyPurgeInterval, [&store, &clock] {
      if (auto purged = store.bookings().purge_idempotency_keys(clock.now() - kIdempotencyKeyLifetime); purged > 0) {
        core::log().info("forgot {} idempotency key(s) older than 48 hours", purged);
      }
      // Expired holds and staff sessions already count for nothing; this
      // only reclaims the rows.
      store.bookings().purge_expired_holds(clock.now());
      store.staff().purge_expired_sessions(clock.now());
      // Guests' manage links of bookings that have ended.
      store.manage_tokens().purge_expired_manage_tokens(clock.now());
      app::purge_finished_imports(store, clock.now() - kImportJobLifetime);
    });
    auto drop_old_events = [&store, &clock, &config] {
      if (auto purged = store.events().purge_events(clock.now() - config.event_retention); purged > 0) {
        core::log().info("dropped {} event(s) older than {} days", purged, config.event_retention.count() / 24);
      }
    };
    // At start too (a server that was down for a while), but never fatal:
    // another process may hold the write lock right now; the hourly run
    // catches up.
    try {
      drop_old_events();
    } catch (const std::exception& e) {
      core::log().warn("dropping old events at start failed: {}; trying again within the hour", e.what());
    }
    core::PeriodicTask purge_events(kEventPurgeInterval, drop_old_events);
    server.run();
  }
  authenticator.flush_key_uses();
  core::log().info("stopped cleanly");
  return 0;
}

namespace {

int run(const ServeOptions& o, const core::Clock& clock) {
  core::init_logging(spdlog::level::info);  // the server logs what it does, not only what went wrong
  return serve(serve_config(o), clock);
}

}  // namespace

Handler serve_command() {
  return handler<ServeOptions>(serve_options, run);
}

}  // namespace maitred::cli
