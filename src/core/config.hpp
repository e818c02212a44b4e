#pragma once
// What `maitred serve` runs with. Parsed from the command line by cli/, checked
// here so the rules are testable without a process.

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace maitred::core {

struct ListenAddress {
  std::string host;    // IPv4 or IPv6 literal, or "localhost"
  std::uint16_t port;  // 0 = let the OS choose (the chosen port is logged)
};

// "HOST:PORT", "[V6]:PORT". nullopt with `error` set when malformed.
std::optional<ListenAddress> parse_listen_address(std::string_view text, std::string& error);

// `--public-url`: where guests reach the server ("https://book.example.com",
// "http://10.0.0.5:8080/"): http or https, a host (name, IPv4, or [IPv6]),
// an optional port, and no path beyond "/", no user, query or fragment.
// Answers it with the scheme lowercased and without the trailing slash, so
// "/manage/..." can follow; nullopt with `error` set when refused.
std::optional<std::string> parse_public_url(std::string_view text, std::string& error);

// What one client address may hold when --max-connections-per-address is not
// given: half of all connections, at most 256, so that no single address
// (one busy NAT, or one hostile client holding idle connections) can lock
// every other client out, whatever --max-connections is.
constexpr std::size_t default_connections_per_address(std::size_t max_connections) {
  const std::size_t half = max_connections / 2;
  return half < 1 ? 1 : (half > 256 ? 256 : half);
}

struct ServeConfig {
  std::filesystem::path data_dir = "maitred-data";
  // `--database` as given (store/database_url.hpp); empty: the embedded
  // store in data_dir.
  std::string database;
  ListenAddress listen{"127.0.0.1", 8443};
  std::optional<std::filesystem::path> tls_cert;
  std::optional<std::filesystem::path> tls_key;
  bool insecure_http = false;
  unsigned threads = 0;  // 0 = one per core
  // Worker threads that run the requests that may wait (on a database lock,
  // a network round trip, a password hash) off the I/O threads. 0 = chosen
  // by `serve`: one per pooled connection (PostgreSQL), one per core
  // (SQLite).
  unsigned handler_threads = 0;
  // Every request runs on the handler threads, not only those that may
  // wait: set by `serve` for PostgreSQL, where every read is a round trip.
  bool every_request_on_handler_threads = false;
  std::uint32_t rate_limit_per_second = 100;
  // Staff tokens (SPEC.md section 2: access tokens live 3 hours).
  std::chrono::seconds access_token_lifetime{3 * 3600};
  std::chrono::seconds refresh_token_lifetime{30 * 24 * 3600};
  // Failed staff sign-ins per username (an address gets 5 times as many):
  // spaced out after `login_slow_after`, locked after `login_lock_after`.
  std::uint32_t login_slow_after = 5;
  std::chrono::milliseconds login_delay{1000};
  std::uint32_t login_lock_after = 10;
  std::chrono::seconds login_lock{15 * 60};
  std::size_t max_connections = 10000;
  // Of those, one client address may hold this many (staff behind one NAT
  // share an address; the black-box race tests open 50 at once).
  std::size_t max_connections_per_address = default_connections_per_address(10000);
  std::size_t max_header_bytes = 16 * 1024;
  std::size_t max_body_bytes = 1024 * 1024;
  // A new connection's TLS handshake and first request head, from accept; a
  // keep-alive request's head, from its first byte.
  std::chrono::milliseconds header_timeout{10'000};
  std::chrono::milliseconds body_timeout{30'000};
  std::chrono::milliseconds idle_timeout{60'000};    // keep-alive wait for the next request
  std::chrono::milliseconds shutdown_grace{10'000};  // in-flight requests get this long on SIGTERM
  // How long a database statement waits for a lock held by another process
  // before the request is answered 503 + Retry-After.
  std::chrono::milliseconds store_busy_timeout{5'000};
  // PostgreSQL: the connection pool's size in this process.
  std::size_t store_connections = 8;
  // Events (GET /v1/events) older than this are dropped, once an hour.
  std::chrono::hours event_retention{30 * 24};
  // Guest e-mails go through this SMTP server unless a restaurant names its
  // own (core/smtp_url.hpp). Empty: none; e-mails are then recorded as not
  // sent. The URL may hold a password: log only redact_smtp_url(smtp_url).
  std::string smtp_url;
  std::string smtp_from;
  // Where guests reach this server (parse_public_url's form), the base of
  // the manage link in guest e-mails. Empty: the address `serve` listens
  // on, as it prints it (scheme from TLS).
  std::string public_url;
  // Abuse limits of the public booking API (api/public_limits.hpp).
  std::uint32_t guest_holds_per_hour = 30;
  std::uint32_t guest_bookings_per_day = 5;
  // Reverse proxies (CIDR networks or addresses) whose X-Forwarded-For names
  // the client (http/trusted_proxies.hpp); empty: the header is ignored.
  std::vector<std::string> trusted_proxies;
  // Webhooks: receivers on loopback, private and link-local addresses are
  // refused unless allowed (tests, on-premise receivers); an extra CA file
  // trusted beside the system store for https receivers.
  bool webhook_allow_private = false;
  std::filesystem::path webhook_ca_file;
};

// Returns an error message for the first rule the config breaks, or nullopt.
std::optional<std::string> validate(const ServeConfig& config);

}  // namespace maitred::core
