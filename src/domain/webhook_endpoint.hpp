#pragma once
// A webhook endpoint: where a restaurant wants its events sent, and which.
// Its signing secrets are not part of it (they are never served after
// creation; store/webhook_repository.hpp keeps them apart).

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/clock.hpp"

namespace maitred::domain {

struct WebhookEndpoint {
  std::string id;
  std::string url;
  std::vector<std::string> events;  // patterns: "booking.*", "table.created", "*"
  std::string description;
  bool enabled = true;
  // Why the server disabled it (every attempt of a delivery failed); empty
  // when it is enabled or its owner disabled it.
  std::string disabled_reason;
  core::SystemTime created_at{};
  core::SystemTime updated_at{};
};

inline constexpr std::size_t kMaxWebhookEndpoints = 20;  // per restaurant
inline constexpr std::size_t kMaxWebhookUrlLength = 2000;
inline constexpr std::size_t kMaxWebhookDescriptionLength = 500;
inline constexpr std::size_t kMaxWebhookEventPatterns = 50;

// The parts of a webhook URL the checks need.
struct WebhookUrl {
  std::string scheme;  // "https" or "http"
  std::string host;    // as written; an IPv6 literal keeps its brackets
};
// nullopt unless `url` is an absolute http(s) URL with a host and no
// credentials, spaces or control characters.
std::optional<WebhookUrl> parse_webhook_url(std::string_view url);

// Throws InvalidInput naming the field: the URL (http or https, length,
// and unless `allow_private_addresses` no literal IP that is loopback,
// private, link-local or metadata; names are checked when connecting), the
// event patterns (domain::is_valid_event_type_pattern, at least one, at most
// kMaxWebhookEventPatterns) and the description's length.
void check_webhook_endpoint(const WebhookEndpoint& endpoint, bool allow_private_addresses);

// Whether an event of `type` goes to the endpoint (enabled, and a pattern
// matches).
bool webhook_subscribes(const WebhookEndpoint& endpoint, std::string_view type);

}  // namespace maitred::domain
