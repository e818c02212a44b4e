#include "cli/serve_options.hpp"

#include <filesystem>
#include <stdexcept>

#include "app/admin.hpp"
#include "http/trusted_proxies.hpp"

namespace maitred::cli {

std::vector<Option> serve_options(ServeOptions& o) {
  std::vector<Option> rows = {
      {.name = "--listen",
       .target = &o.listen,
       .help = "Address to listen on, HOST:PORT (port 0: any free port)",
       .show_default = true},
      {.name = "--tls-cert",
       .target = &o.tls_cert,
       .help = "PEM certificate chain (default: self-signed, in the data folder)"},
      {.name = "--tls-key", .target = &o.tls_key, .help = "PEM private key for --tls-cert"},
      {.name = "--insecure-http",
       .target = &o.insecure_http,
       .help = "Serve plain HTTP (development, or behind a TLS proxy)"},
      {.name = "--threads",
       .target = &o.threads,
       .help = "I/O threads (default: one per core)",
       .range = Range{1, 256}},
      {.name = "--handler-threads",
       .target = &o.handler_threads,
       .help = "Worker threads for the requests that may wait (writes, sign-ins; on PostgreSQL every request), "
               "off the I/O threads (0: one per core, or one per database connection on PostgreSQL)",
       .show_default = true,
       .range = Range{0, 1024}},
      {.name = "--rate-limit",
       .target = &o.rate_limit,
       .help = "Requests per second per API key or client address",
       .show_default = true,
       .range = Range{1, 10'000'000}},
      {.name = "--access-token-seconds",
       .target = &o.access_token_seconds,
       .help = "Life of a staff access token",
       .show_default = true,
       .range = Range{1, 7LL * 24 * 3600}},
      {.name = "--refresh-token-seconds",
       .target = &o.refresh_token_seconds,
       .help = "Life of a staff refresh token",
       .show_default = true,
       .range = Range{1, 365LL * 24 * 3600}},
      {.name = "--login-slow-after",
       .target = &o.login_slow_after,
       .help = "Failed sign-ins per username before further attempts are spaced out (x5 per address)",
       .show_default = true,
       .range = Range{1, 1000}},
      {.name = "--login-delay-ms",
       .target = &o.login_delay_ms,
       .help = "First spacing; doubles with each further failure",
       .show_default = true,
       .range = Range{1, 3'600'000}},
      {.name = "--login-lock-after",
       .target = &o.login_lock_after,
       .help = "Failed sign-ins per username that lock it (x5 per address)",
       .show_default = true,
       .range = Range{1, 1000}},
      {.name = "--login-lock-seconds",
       .target = &o.login_lock_seconds,
       .help = "How long a lock lasts, and the quiet spell that forgets failures",
       .show_default = true,
       .range = Range{1, 24LL * 3600}},
      {.name = "--database-connections",
       .target = &o.database_connections,
       .help = "PostgreSQL: connections this process keeps open at most",
       .show_default = true,
       .range = Range{1, 1000}},
      {.name = "--event-retention-days",
       .target = &o.event_retention_days,
       .help = "Days the change feed (GET /v1/events) keeps",
       .show_default = true,
       .range = Range{1, 3650}},
      {.name = "--webhook-allow-private",
       .target = &o.webhook_allow_private,
       .help = "Allow webhook receivers on loopback, private and link-local addresses (tests, on-premise systems)"},
      {.name = "--webhook-ca",
       .target = &o.webhook_ca,
       .help = "PEM file of a CA trusted for https webhook receivers, beside the system's CAs"},
      {.name = "--max-connections",
       .target = &o.max_connections,
       .help = "Concurrent connections before new ones are refused",
       .show_default = true,
       .range = Range{1, 1'000'000}},
      {.name = "--max-connections-per-address",
       .target = &o.max_connections_per_address,
       .help = "Concurrent connections one client address may hold (default: half of --max-connections, "
               "at most 256)",
       .range = Range{1, 1'000'000}},
      {.name = "--header-timeout-ms",
       .target = &o.header_timeout_ms,
       .help = "Time a client has to send the request headers",
       .show_default = true,
       .range = Range{10, 600'000}},
      {.name = "--idle-timeout-ms",
       .target = &o.idle_timeout_ms,
       .help = "Keep-alive wait for the next request",
       .show_default = true,
       .range = Range{10, 3'600'000}},
      {.name = "--busy-timeout-ms",
       .target = &o.busy_timeout_ms,
       .help = "How long a request waits for a database lock held elsewhere before it is answered 503",
       .show_default = true,
       .range = Range{0, 600'000}},
      {.name = "--smtp-url",
       .target = &o.smtp_url,
       .help = "SMTP server for guest e-mails: smtps://user:pass@host:465 (TLS), smtp://user:pass@host:587 "
               "(STARTTLS required), or smtp://host:port?tls=none (plain, for a local relay or a test receiver)"},
      {.name = "--smtp-from", .target = &o.smtp_from, .help = "Sender address of guest e-mails (with --smtp-url)"},
      {.name = "--public-url",
       .target = &o.public_url,
       .help = "Where guests reach this server, e.g. https://book.example.com: the base of the manage link in "
               "guest e-mails (default: the --listen address, https unless --insecure-http)"},
      {.name = "--guest-holds-per-hour",
       .target = &o.guest_holds_per_hour,
       .help = "Tables a client address may hold per hour on the public booking page",
       .show_default = true,
       .range = Range{1, 1'000'000}},
      {.name = "--guest-bookings-per-day",
       .target = &o.guest_bookings_per_day,
       .help = "Online bookings per day with one guest e-mail or phone, per restaurant",
       .show_default = true,
       .range = Range{1, 1'000'000}},
      {.name = "--trusted-proxy",
       .target = &o.trusted_proxies,
       .help = "A reverse proxy (CIDR, IPv4 or IPv6; repeatable) whose X-Forwarded-For names the client"},
  };
  return with_store_options(o.store, std::move(rows));
}

core::ServeConfig serve_config(const ServeOptions& o) {
  core::ServeConfig config;
  config.data_dir = o.store.data_dir;
  config.database = o.store.database;
  std::string error;
  auto listen = core::parse_listen_address(o.listen, error);
  if (!listen) throw app::UsageError("--listen: " + error);
  config.listen = *listen;
  if (!o.tls_cert.empty()) config.tls_cert = o.tls_cert;
  if (!o.tls_key.empty()) config.tls_key = o.tls_key;
  config.insecure_http = o.insecure_http;
  config.threads = o.threads;
  config.handler_threads = o.handler_threads;
  config.rate_limit_per_second = o.rate_limit;
  config.access_token_lifetime = std::chrono::seconds{o.access_token_seconds};
  config.refresh_token_lifetime = std::chrono::seconds{o.refresh_token_seconds};
  config.login_slow_after = o.login_slow_after;
  config.login_delay = std::chrono::milliseconds{o.login_delay_ms};
  config.login_lock_after = o.login_lock_after;
  config.login_lock = std::chrono::seconds{o.login_lock_seconds};
  config.max_connections = o.max_connections;
  config.max_connections_per_address = o.max_connections_per_address != 0
                                           ? o.max_connections_per_address
                                           : core::default_connections_per_address(o.max_connections);
  config.header_timeout = std::chrono::milliseconds{o.header_timeout_ms};
  config.idle_timeout = std::chrono::milliseconds{o.idle_timeout_ms};
  config.store_busy_timeout = std::chrono::milliseconds{o.busy_timeout_ms};
  config.store_connections = o.database_connections;
  config.event_retention = std::chrono::hours{24 * o.event_retention_days};
  config.smtp_url = o.smtp_url;
  config.smtp_from = o.smtp_from;
  if (!o.public_url.empty()) {
    auto public_url = core::parse_public_url(o.public_url, error);
    if (!public_url) throw app::UsageError(error);
    config.public_url = *public_url;
  }
  config.guest_holds_per_hour = o.guest_holds_per_hour;
  config.guest_bookings_per_day = o.guest_bookings_per_day;
  config.trusted_proxies = o.trusted_proxies;
  try {
    (void)http::TrustedProxies(config.trusted_proxies);
  } catch (const std::invalid_argument& e) {
    throw app::UsageError(e.what());
  }
  config.webhook_allow_private = o.webhook_allow_private;
  config.webhook_ca_file = o.webhook_ca;
  if (!o.webhook_ca.empty() && !std::filesystem::is_regular_file(o.webhook_ca)) {
    throw app::UsageError("--webhook-ca: there is no file " + o.webhook_ca);
  }
  if (auto problem = core::validate(config)) throw app::UsageError(*problem);
  return config;
}

}  // namespace maitred::cli
