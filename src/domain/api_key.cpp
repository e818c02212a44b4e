#include "domain/api_key.hpp"

#include "core/ids.hpp"

namespace maitred::domain {

NewApiKey generate_api_key(std::string restaurant_id, std::string label, core::SystemTime now) {
  std::string secret = std::string(kKeyMarker) + core::random_base62(kKeyRandomLength);
  ApiKey key;
  key.id = core::new_id();
  key.restaurant_id = std::move(restaurant_id);
  key.label = std::move(label);
  key.lookup_prefix = secret.substr(0, kLookupPrefixLength);
  key.secret_hash = core::sha256(secret);
  key.created_at = now;
  return {std::move(key), std::move(secret)};
}

std::optional<std::string_view> lookup_prefix_of(std::string_view secret) {
  if (secret.size() != kKeyLength || !secret.starts_with(kKeyMarker)) return std::nullopt;
  return secret.substr(0, kLookupPrefixLength);
}

bool secret_matches(const ApiKey& key, std::string_view secret) {
  auto presented = core::sha256(secret);
  return core::constant_time_equal(presented, key.secret_hash);
}

}  // namespace maitred::domain
