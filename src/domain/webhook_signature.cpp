#include "domain/webhook_signature.hpp"

#include "core/crypto.hpp"

namespace maitred::domain {

std::optional<std::string> webhook_secret_key(std::string_view secret) {
  if (!secret.starts_with(kWebhookSecretPrefix)) return std::nullopt;
  auto key = core::base64_decode(secret.substr(kWebhookSecretPrefix.size()));
  if (!key || key->empty()) return std::nullopt;
  return key;
}

std::string webhook_signature(std::string_view message_id, long long timestamp, std::string_view body,
                              const std::vector<std::string>& secrets) {
  std::string content;
  content.reserve(message_id.size() + body.size() + 24);
  content.append(message_id).append(".").append(std::to_string(timestamp)).append(".").append(body);
  std::string header;
  for (const auto& secret : secrets) {
    const auto key = webhook_secret_key(secret);
    if (!key) continue;
    const auto mac = core::hmac_sha256(*key, content);
    if (!header.empty()) header += ' ';
    header += "v1,";
    header += core::base64_encode(std::string_view(reinterpret_cast<const char*>(mac.data()), mac.size()));
  }
  return header;
}

}  // namespace maitred::domain
