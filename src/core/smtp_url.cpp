#include "core/smtp_url.hpp"

#include <charconv>

namespace maitred::core {

namespace {

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

std::optional<std::string> percent_decode(std::string_view in) {
  std::string out;
  for (std::size_t i = 0; i < in.size(); ++i) {
    if (in[i] != '%') {
      out += in[i];
      continue;
    }
    if (i + 2 >= in.size()) return std::nullopt;
    const int hi = hex_value(in[i + 1]);
    const int lo = hex_value(in[i + 2]);
    if (hi < 0 || lo < 0) return std::nullopt;
    out += static_cast<char>(hi * 16 + lo);
    i += 2;
  }
  return out;
}

struct Parts {
  std::string_view scheme, userinfo, hostport, query;
};

std::optional<Parts> split(std::string_view url) {
  Parts p;
  const auto colon = url.find("://");
  if (colon == std::string_view::npos) return std::nullopt;
  p.scheme = url.substr(0, colon);
  auto rest = url.substr(colon + 3);
  if (auto q = rest.find('?'); q != std::string_view::npos) {
    p.query = rest.substr(q + 1);
    rest = rest.substr(0, q);
  }
  if (!rest.empty() && rest.back() == '/') rest.remove_suffix(1);
  if (auto at = rest.rfind('@'); at != std::string_view::npos) {
    p.userinfo = rest.substr(0, at);
    rest = rest.substr(at + 1);
  }
  p.hostport = rest;
  return p;
}

}  // namespace

std::variant<SmtpEndpoint, std::string> parse_smtp_url(std::string_view url) {
  const auto parts = split(url);
  if (!parts) return std::string("The SMTP URL must start with smtp:// or smtps://.");
  SmtpEndpoint e;
  if (parts->scheme == "smtps") {
    e.tls = SmtpTls::implicit;
    e.port = 465;
  } else if (parts->scheme == "smtp") {
    e.tls = SmtpTls::starttls;
    e.port = 587;
  } else {
    return std::string("The SMTP URL must start with smtp:// or smtps://.");
  }
  if (parts->query == "tls=none") {
    if (e.tls == SmtpTls::implicit) return std::string("tls=none contradicts smtps://.");
    e.tls = SmtpTls::none;
  } else if (!parts->query.empty()) {
    return std::string("The SMTP URL takes no query but tls=none.");
  }
  auto hostport = parts->hostport;
  if (hostport.find('/') != std::string_view::npos) return std::string("The SMTP URL takes no path.");
  // [v6]:port or host:port
  auto port_colon = hostport.rfind(':');
  if (port_colon != std::string_view::npos && hostport.find(']', port_colon) == std::string_view::npos) {
    const auto digits = hostport.substr(port_colon + 1);
    int port = 0;
    auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), port);
    if (ec != std::errc{} || end != digits.data() + digits.size() || port < 1 || port > 65535) {
      return std::string("The SMTP URL's port is not a number from 1 to 65535.");
    }
    e.port = port;
    hostport = hostport.substr(0, port_colon);
  }
  if (hostport.empty()) return std::string("The SMTP URL names no host.");
  e.host = std::string(hostport);
  if (!parts->userinfo.empty()) {
    const auto colon = parts->userinfo.find(':');
    auto user = percent_decode(parts->userinfo.substr(0, colon));
    auto pass = colon == std::string_view::npos ? std::optional<std::string>{""}
                                                : percent_decode(parts->userinfo.substr(colon + 1));
    if (!user || !pass) return std::string("The SMTP URL's user or password has a broken %-escape.");
    e.username = std::move(*user);
    e.password = std::move(*pass);
  }
  e.url = std::string(parts->scheme) + "://" + e.host + ":" + std::to_string(e.port) + "/";
  return e;
}

std::string redact_smtp_url(std::string_view url) {
  const auto scheme_end = url.find("://");
  if (scheme_end == std::string_view::npos) return std::string(url);
  const auto authority_start = scheme_end + 3;
  const auto authority_end = url.find_first_of("/?", authority_start);
  const auto authority =
      url.substr(authority_start,
                 authority_end == std::string_view::npos ? std::string_view::npos : authority_end - authority_start);
  const auto at_in_authority = authority.rfind('@');
  if (at_in_authority == std::string_view::npos) return std::string(url);
  const auto at = authority_start + at_in_authority;
  const auto colon = url.find(':', authority_start);
  if (colon == std::string_view::npos || colon > at) return std::string(url);
  return std::string(url.substr(0, colon + 1)) + "***" + std::string(url.substr(at));
}

}  // namespace maitred::core
