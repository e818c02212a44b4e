#include "cli/serve_command.hpp"

#include <algorithm>
#include <iostream>
#include <thread>

#include "api/public_limits.hpp"
#include "api/routes.hpp"
#include "app/import_runner.hpp"
#include "app/import_service.hpp"
#include "app/staff_auth.hpp"
#include "app/webhook_service.hpp"
#include "cli/data_dir.hpp"
#include "cli/rate_limit_choice.hpp"
#include "cli/serve_options.hpp"
#include "core/logging.hpp"
#include "core/periodic_task.hpp"
#include "core/smtp_url.hpp"
#include "delivery/delivery_worker.hpp"
#include "delivery/guest_mail_fan_out.hpp"
#include "delivery/guest_mail_sender.hpp"
#include "delivery/outbox_consumer.hpp"
#include "delivery/webhook_fan_out.hpp"
#include "delivery/webhook_sender.hpp"
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
// The outbox worker wakes on every commit; this is its safety net for a
// lost notification (PostgreSQL, another process's commit).
constexpr std::chrono::seconds kOutboxPollInterval{5};
// Besides every commit's bell: how often the guest-mail worker looks for
// retries that came due.
constexpr std::chrono::seconds kGuestMailInterval{2};
// How often reminders that have come due are queued.
constexpr std::chrono::seconds kReminderScanInterval{60};
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
  // Set up before the server (its handlers read them); the sender they wake
  // runs only while the server does.
  app::WebhookOptions webhook_options{.allow_private_addresses = config.webhook_allow_private, .wake_sender = {}};
  http::Services services{store, clock, &staff_auth, &imports, &public_limits, &webhook_options};
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
  if (config.smtp_url.empty()) {
    core::log().info("guest e-mails: no --smtp-url; they are recorded as not sent unless a restaurant names its own");
  } else {
    core::log().info("guest e-mails via {} from {}", core::redact_smtp_url(config.smtp_url), config.smtp_from);
  }
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
      // The webhook delivery log is kept as long as the events it came from.
      if (auto purged = store.webhooks().purge_webhook_deliveries(clock.now() - config.event_retention); purged > 0) {
        core::log().info("dropped {} finished webhook deliveries older than {} days", purged,
                         config.event_retention.count() / 24);
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

    // Deliveries (ARCHITECTURE.md, "Webhooks"): the outbox worker fans
    // committed events out into delivery rows, the sender posts them; both
    // on threads of their own, never on an I/O thread.
    delivery::SenderOptions sender_options;
    sender_options.poster = {config.webhook_allow_private, config.webhook_ca_file};
    delivery::WebhookSender sender(store, clock, sender_options);
    webhook_options.wake_sender = [&sender] { sender.wake(); };
    std::atomic<bool> queued{false};
    delivery::OutboxConsumer webhooks(store, delivery::kWebhookConsumer, [&](const std::vector<domain::Event>& events) {
      if (delivery::queue_webhook_deliveries(store, clock, events) > 0) queued = true;
    });
    delivery::DeliveryWorker outbox(store.events().bell(), kOutboxPollInterval);
    outbox.add_step([&] {
      webhooks.pump();
      if (queued.exchange(false)) sender.wake();  // after the commit, so the rows are there
    });
    sender.start();
    outbox.start();

    // Guest e-mails, on a delivery worker of their own (never an I/O
    // thread; a slow mail server delays only e-mails): the "guest-mail"
    // outbox consumer queues what each committed booking event means, in
    // the transaction that advances its cursor; the sender sends what is due.
    // The manage link's base: --public-url, else the address just bound.
    const std::string public_url = config.public_url.empty() ? url : config.public_url;
    delivery::GuestMailSender guest_mail(store, clock, {config.smtp_url, config.smtp_from, public_url});
    delivery::OutboxConsumer guest_mail_consumer(store, "guest-mail",
                                                 [&store, &clock](const std::vector<domain::Event>& events) {
                                                   delivery::fan_out_guest_mail(store, clock, events);
                                                 });
    delivery::DeliveryWorker guest_mail_worker(store.events().bell(), kGuestMailInterval);
    guest_mail_worker.add_step([&guest_mail_consumer] { guest_mail_consumer.pump(); });
    guest_mail_worker.add_step([&guest_mail] {
      while (guest_mail.send_due() > 0) {
      }
    });
    guest_mail_worker.start();
    core::PeriodicTask queue_reminders(kReminderScanInterval, [&store, &clock, &guest_mail_worker] {
      try {
        if (delivery::queue_reminders_everywhere(store, clock) > 0) guest_mail_worker.wake();
      } catch (const std::exception& e) {
        core::log().warn("guest e-mail reminders: {}; trying again in a minute", e.what());
      }
    });
    server.run();
    queue_reminders.stop();
    guest_mail_worker.stop();
    outbox.stop();
    sender.stop();
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
