#pragma once
// API keys (resOS style): a restaurant may have many; the secret is shown once
// and stored only as a SHA-256 hash, found again by a short lookup prefix.

#include <optional>
#include <string>
#include <string_view>

#include "core/clock.hpp"
#include "core/crypto.hpp"

namespace maitred::domain {

struct ApiKey {
  std::string id;
  std::string restaurant_id;
  std::string label;
  std::string lookup_prefix;  // the first kLookupPrefixLength characters of the secret
  core::Sha256Digest secret_hash{};
  core::SystemTime created_at;
  std::optional<core::SystemTime> last_used_at;
  std::optional<core::SystemTime> revoked_at;
};

// Secrets look like "mtd_" followed by 40 base62 characters (about 238 bits).
inline constexpr std::string_view kKeyMarker = "mtd_";
inline constexpr std::size_t kKeyRandomLength = 40;
inline constexpr std::size_t kKeyLength = kKeyMarker.size() + kKeyRandomLength;
// Enough to find the row in one index probe; far too little to guess the rest.
inline constexpr std::size_t kLookupPrefixLength = 12;

struct NewApiKey {
  ApiKey key;          // what is stored
  std::string secret;  // what is shown to the user once
};

NewApiKey generate_api_key(std::string restaurant_id, std::string label, core::SystemTime now);

// The lookup prefix of a presented secret, or nullopt when it cannot be a key.
std::optional<std::string_view> lookup_prefix_of(std::string_view secret);

// Constant-time check of a presented secret against a stored key.
bool secret_matches(const ApiKey& key, std::string_view secret);

}  // namespace maitred::domain
