#pragma once
// Standard Webhooks 1.0 signatures (https://www.standardwebhooks.com):
// the signed content is "<webhook-id>.<webhook-timestamp>.<body>", the key
// is the secret's bytes (base64 after the "whsec_" prefix), the signature
// "v1,<base64 of HMAC-SHA256>". During a rotation a message carries one
// signature per live secret, separated by spaces; a receiver accepts it when
// any one verifies.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace maitred::domain {

inline constexpr std::string_view kWebhookSecretPrefix = "whsec_";

// The HMAC key a secret stands for; nullopt when it is not "whsec_" and
// base64.
std::optional<std::string> webhook_secret_key(std::string_view secret);

// The webhook-signature header for `body` sent as `message_id` at
// `timestamp` (Unix seconds), signed with each of `secrets` in order
// (malformed secrets are skipped; they cannot be stored).
std::string webhook_signature(std::string_view message_id, long long timestamp, std::string_view body,
                              const std::vector<std::string>& secrets);

}  // namespace maitred::domain
