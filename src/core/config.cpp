#include "core/config.hpp"

#include "core/smtp_url.hpp"

#include <charconv>

namespace maitred::core {

std::optional<ListenAddress> parse_listen_address(std::string_view text, std::string& error) {
  std::string_view host;
  std::string_view port_text;
  if (text.starts_with('[')) {
    auto close = text.find(']');
    if (close == std::string_view::npos || close + 1 >= text.size() || text[close + 1] != ':') {
      error = "listen address must look like [IPv6]:PORT";
      return std::nullopt;
    }
    host = text.substr(1, close - 1);
    port_text = text.substr(close + 2);
  } else {
    auto colon = text.rfind(':');
    if (colon == std::string_view::npos) {
      error = "listen address must look like HOST:PORT, for example 127.0.0.1:8443";
      return std::nullopt;
    }
    host = text.substr(0, colon);
    port_text = text.substr(colon + 1);
    if (host.find(':') != std::string_view::npos) {
      error = "an IPv6 listen address must be in brackets, for example [::1]:8443";
      return std::nullopt;
    }
  }
  if (host.empty()) {
    error = "listen address has no host; use 0.0.0.0 to listen on every interface";
    return std::nullopt;
  }
  unsigned port = 0;
  auto [end, ec] = std::from_chars(port_text.data(), port_text.data() + port_text.size(), port);
  if (port_text.empty() || ec != std::errc{} || end != port_text.data() + port_text.size() || port > 65535) {
    error = "listen port must be a number from 0 to 65535";
    return std::nullopt;
  }
  return ListenAddress{std::string(host), static_cast<std::uint16_t>(port)};
}

std::optional<std::string> validate(const ServeConfig& config) {
  if (config.tls_cert.has_value() != config.tls_key.has_value()) {
    return "--tls-cert and --tls-key must be given together";
  }
  if (config.insecure_http && config.tls_cert) {
    return "--insecure-http serves plain HTTP; it cannot be combined with --tls-cert/--tls-key";
  }
  if (config.rate_limit_per_second == 0) return "--rate-limit must be at least 1 request per second";
  if (config.login_slow_after > config.login_lock_after) {
    return "--login-slow-after must not be greater than --login-lock-after";
  }
  if (config.threads > 256) return "--threads must be at most 256";
  if (config.handler_threads > 1024) return "--handler-threads must be at most 1024";
  if (config.max_connections == 0) return "--max-connections must be at least 1";
  if (config.max_connections_per_address == 0) return "--max-connections-per-address must be at least 1";
  if (config.store_busy_timeout.count() < 0 || config.store_busy_timeout > std::chrono::minutes{10}) {
    return "--busy-timeout-ms must be between 0 and 600000";
  }
  if (!config.smtp_url.empty()) {
    const auto parsed = parse_smtp_url(config.smtp_url);
    if (const auto* problem = std::get_if<std::string>(&parsed)) return "--smtp-url: " + *problem;
    if (config.smtp_from.empty()) return "--smtp-url needs --smtp-from (the sender address of guest e-mails)";
  }
  return std::nullopt;
}

}  // namespace maitred::core
