#pragma once
// The options of `maitred serve`, and the server configuration they make.

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "cli/option.hpp"
#include "cli/store_options.hpp"
#include "core/config.hpp"

namespace maitred::cli {

struct ServeOptions {
  StoreOptions store;
  std::string listen = "127.0.0.1:8443";
  std::string tls_cert;
  std::string tls_key;
  bool insecure_http = false;
  std::uint32_t threads = 0;
  std::uint32_t handler_threads = 0;
  std::uint32_t rate_limit = 100;
  std::size_t max_connections = 10000;
  std::size_t max_connections_per_address = 0;  // 0: core::default_connections_per_address
  long long header_timeout_ms = 10'000;
  long long idle_timeout_ms = 60'000;
  long long busy_timeout_ms = 5'000;
  std::size_t database_connections = 8;
  long long event_retention_days = 30;
  long long access_token_seconds = 3 * 3600;
  long long refresh_token_seconds = 30 * 24 * 3600;
  std::uint32_t login_slow_after = 5;
  long long login_delay_ms = 1000;
  std::uint32_t login_lock_after = 10;
  long long login_lock_seconds = 15 * 60;
  std::string smtp_url;
  std::string smtp_from;
  std::string public_url;
  std::uint32_t guest_holds_per_hour = 30;
  std::uint32_t guest_bookings_per_day = 5;
  std::vector<std::string> trusted_proxies;
  bool webhook_allow_private = false;
  std::string webhook_ca;
};

std::vector<Option> serve_options(ServeOptions& o);

// Throws app::UsageError for a bad --listen or --public-url, or a combination core::validate refuses.
core::ServeConfig serve_config(const ServeOptions& o);

}  // namespace maitred::cli
