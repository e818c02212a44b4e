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

std::optional<std::string> parse_public_url(std::string_view text, std::string& error) {
  const auto refuse = [&](std::string message) -> std::optional<std::string> {
    error = "--public-url: " + message;
    return std::nullopt;
  };
  const auto lower = [](std::string_view s) {
    std::string out(s);
    for (auto& c : out) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    return out;
  };
  const auto sep = text.find("://");
  const std::string scheme = sep == std::string_view::npos ? std::string() : lower(text.substr(0, sep));
  if (scheme != "http" && scheme != "https") {
    return refuse("must start with https:// or http://, for example https://book.example.com");
  }
  std::string_view rest = text.substr(sep + 3);
  const auto slash = rest.find('/');
  const std::string_view authority = rest.substr(0, slash);
  const std::string_view path = slash == std::string_view::npos ? std::string_view{} : rest.substr(slash);
  if (rest.find_first_of("?#") != std::string_view::npos) return refuse("must not have a query or fragment");
  if (!path.empty() && path != "/") return refuse("must not have a path (the server answers at its root)");
  if (authority.find('@') != std::string_view::npos) return refuse("must not hold a user name or password");
  std::string_view host = authority;
  std::string_view port;
  bool has_port = false;
  if (authority.starts_with('[')) {
    const auto close = authority.find(']');
    if (close == std::string_view::npos) return refuse("an IPv6 address must be closed by ]");
    host = authority.substr(0, close + 1);
    const auto after = authority.substr(close + 1);
    if (!after.empty()) {
      if (after[0] != ':') return refuse("unexpected text after the IPv6 address");
      has_port = true;
      port = after.substr(1);
    }
    const auto inside = host.substr(1, host.size() - 2);
    if (inside.empty() || inside.find_first_not_of("0123456789abcdefABCDEF:.") != std::string_view::npos) {
      return refuse("not an IPv6 address in brackets");
    }
  } else {
    const auto colon = authority.find(':');
    if (colon != std::string_view::npos) {
      host = authority.substr(0, colon);
      has_port = true;
      port = authority.substr(colon + 1);
    }
    if (host.empty()) return refuse("has no host");
    if (host.find_first_not_of("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.-") !=
        std::string_view::npos) {
      return refuse("the host may hold only letters, digits, dots and hyphens");
    }
  }
  if (has_port) {
    unsigned number = 0;
    auto [end, ec] = std::from_chars(port.data(), port.data() + port.size(), number);
    if (port.empty() || ec != std::errc{} || end != port.data() + port.size() || number == 0 || number > 65535) {
      return refuse("the port must be a number from 1 to 65535");
    }
  }
  return scheme + "://" + std::string(authority);
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
