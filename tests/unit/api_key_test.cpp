#include "domain/api_key.hpp"

#include <gtest/gtest.h>

namespace maitred::domain {
namespace {

const core::SystemTime kNow{std::chrono::milliseconds{1'795'687'200'000}};

TEST(ApiKey, GeneratedSecretHasTheDocumentedShape) {
  auto k = generate_api_key("R", "label", kNow);
  EXPECT_EQ(k.secret.size(), kKeyLength);
  EXPECT_TRUE(k.secret.starts_with("mtd_"));
  EXPECT_EQ(k.key.lookup_prefix, k.secret.substr(0, kLookupPrefixLength));
  EXPECT_EQ(k.key.restaurant_id, "R");
  EXPECT_EQ(k.key.created_at, kNow);
  EXPECT_FALSE(k.key.revoked_at);
}

TEST(ApiKey, OnlyTheExactSecretMatches) {
  auto k = generate_api_key("R", "", kNow);
  EXPECT_TRUE(secret_matches(k.key, k.secret));
  std::string other = k.secret;
  other[20] = other[20] == 'x' ? 'y' : 'x';
  EXPECT_FALSE(secret_matches(k.key, other));
  EXPECT_FALSE(secret_matches(k.key, k.secret + "x"));
  EXPECT_FALSE(secret_matches(k.key, ""));
}

TEST(ApiKey, TheStoredFormHoldsNoSecret) {
  auto k = generate_api_key("R", "", kNow);
  std::string hash(k.key.secret_hash.begin(), k.key.secret_hash.end());
  EXPECT_EQ(hash.find(k.secret.substr(kLookupPrefixLength)), std::string::npos);
}

TEST(ApiKey, LookupPrefixOnlyForWellFormedSecrets) {
  auto k = generate_api_key("R", "", kNow);
  EXPECT_EQ(lookup_prefix_of(k.secret), k.key.lookup_prefix);
  EXPECT_FALSE(lookup_prefix_of(""));
  EXPECT_FALSE(lookup_prefix_of("mtd_short"));
  EXPECT_FALSE(lookup_prefix_of("xxx_" + std::string(40, 'a')));
}

}  // namespace
}  // namespace maitred::domain
