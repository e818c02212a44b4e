#include "domain/webhook_endpoint.hpp"

#include <algorithm>

#include "domain/address_policy.hpp"
#include "domain/errors.hpp"
#include "domain/event.hpp"

namespace maitred::domain {

namespace {

[[noreturn]] void refuse(std::string field, const std::string& message) {
  throw InvalidInput("invalid_field", std::move(field), message);
}

bool is_plain_url_char(char c) {
  const auto u = static_cast<unsigned char>(c);
  return u > 0x20 && u < 0x7F && c != '"' && c != '<' && c != '>' && c != '\\' && c != '^' && c != '`' && c != '{' &&
         c != '|' && c != '}';
}

}  // namespace

std::optional<WebhookUrl> parse_webhook_url(std::string_view url) {
  if (!std::ranges::all_of(url, is_plain_url_char)) return std::nullopt;
  WebhookUrl parsed;
  std::string_view rest;
  if (url.starts_with("https://")) {
    parsed.scheme = "https";
    rest = url.substr(8);
  } else if (url.starts_with("http://")) {
    parsed.scheme = "http";
    rest = url.substr(7);
  } else {
    return std::nullopt;
  }
  const auto authority = rest.substr(0, rest.find_first_of("/?#"));
  if (authority.find('@') != std::string_view::npos) return std::nullopt;  // no user:password@
  std::string_view host = authority;
  if (host.starts_with('[')) {
    const auto close = host.find(']');
    if (close == std::string_view::npos) return std::nullopt;
    const auto after = host.substr(close + 1);
    if (!after.empty() && !after.starts_with(':')) return std::nullopt;
    host = host.substr(0, close + 1);
  } else {
    host = host.substr(0, host.find(':'));
  }
  if (host.empty()) return std::nullopt;
  const auto colon = authority.rfind(':');
  if (colon != std::string_view::npos && colon + 1 > host.size()) {
    const auto port = authority.substr(colon + 1);
    if (port.empty() || port.size() > 5 || !std::ranges::all_of(port, [](char c) { return c >= '0' && c <= '9'; }))
      return std::nullopt;
  }
  parsed.host = std::string(host);
  return parsed;
}

void check_webhook_endpoint(const WebhookEndpoint& endpoint, bool allow_private_addresses) {
  if (endpoint.url.empty()) refuse("url", "url is required: the https address the events are posted to.");
  if (endpoint.url.size() > kMaxWebhookUrlLength) refuse("url", "url must be at most 2000 characters.");
  const auto url = parse_webhook_url(endpoint.url);
  if (!url) {
    refuse("url",
           "url must be an absolute http or https URL with a host (such as https://example.com/hooks), without a "
           "user name or password.");
  }
  if (!allow_private_addresses) {
    if (const auto ip = parse_ip_literal(url->host)) {
      if (const auto kind = non_public_address_kind(*ip)) {
        refuse("url", "url points at a " + std::string(*kind) +
                          " address; webhooks go to public addresses only (the server's operator can allow "
                          "private ones with serve --webhook-allow-private).");
      }
    }
  }
  if (endpoint.events.empty()) refuse("events", "events must list at least one event type, such as booking.*.");
  if (endpoint.events.size() > kMaxWebhookEventPatterns) refuse("events", "events may list at most 50 patterns.");
  for (const auto& pattern : endpoint.events) {
    if (!is_valid_event_type_pattern(pattern)) {
      refuse("events", "'" + pattern +
                           "' is not an event type pattern: use types such as booking.created, "
                           "booking.* or *.");
    }
  }
  if (endpoint.description.size() > kMaxWebhookDescriptionLength) {
    refuse("description", "description must be at most 500 characters.");
  }
}

bool webhook_subscribes(const WebhookEndpoint& endpoint, std::string_view type) {
  if (!endpoint.enabled) return false;
  return std::ranges::any_of(endpoint.events,
                             [&](const std::string& pattern) { return event_type_matches(pattern, type); });
}

}  // namespace maitred::domain
