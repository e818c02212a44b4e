#include "domain/password_policy.hpp"

#include <gtest/gtest.h>

#include "core/password_hash.hpp"

namespace maitred::domain {
namespace {

std::string problem(std::string_view password) {
  auto p = check_password(password);
  return p ? p->code : "ok";
}

TEST(PasswordPolicyTest, EightCharactersNeedADigitAndALowercaseLetter) {
  EXPECT_EQ(problem("tr4mpoline"), "ok");
  EXPECT_EQ(problem("k7vqzxwy"), "ok");                 // exactly 8
  EXPECT_EQ(problem("k7vqzxw"), "password_too_short");  // 7
  EXPECT_EQ(problem(""), "password_too_short");
  EXPECT_EQ(problem("KVQZXWYTR9"), "password_too_weak");  // no lowercase
  EXPECT_EQ(problem("kvqzxwytrp"), "password_too_weak");  // no digit
  EXPECT_EQ(problem("ÆØÅæøå12"), "password_too_weak");    // lowercase means a-z
}

TEST(PasswordPolicyTest, FifteenCharactersOfAnyKindAreEnough) {
  EXPECT_EQ(problem("CORRECT HORSE B"), "ok");                // 15, no digit, no lowercase
  EXPECT_EQ(problem("CORRECT HORSE "), "password_too_weak");  // 14
  EXPECT_EQ(problem("æøåæøåæøåæøåæøå"), "ok");                // characters, not bytes
}

TEST(PasswordPolicyTest, CommonBreachedPasswordsAreRefusedInAnyCase) {
  EXPECT_EQ(problem("password1"), "password_breached");
  EXPECT_EQ(problem("PassWord1"), "password_breached");
  EXPECT_EQ(problem("iloveyou1"), "password_breached");
  EXPECT_EQ(problem("qwerty123"), "password_breached");
  EXPECT_EQ(problem("1q2w3e4r5t"), "password_breached");
  EXPECT_EQ(problem("p@ssw0rd123"), "password_breached");
  EXPECT_EQ(problem("football2024"), "password_breached");
  EXPECT_TRUE(is_common_password("123456"));
  EXPECT_FALSE(is_common_password("vq8-hotel-marble"));
}

TEST(PasswordPolicyTest, TheShippedListIsAReasonableSize) {
  // Not a unit of behaviour, a guard against an empty or truncated embed.
  int found = 0;
  for (const char* p : {"123456", "password", "qwerty", "letmein", "monkey", "dragon", "abc123", "welcome1"}) {
    found += is_common_password(p);
  }
  EXPECT_EQ(found, 8);
}

TEST(PasswordPolicyTest, MessagesNameTheRuleThatFailed) {
  EXPECT_NE(check_password("short1")->message.find("at least 8"), std::string::npos);
  EXPECT_NE(check_password("nodigitshere")->message.find("digit"), std::string::npos);
  EXPECT_NE(check_password("password1")->message.find("breached"), std::string::npos);
  EXPECT_EQ(problem(std::string(1025, 'a')), "password_too_long");
}

TEST(PasswordHashTest, RoundTripWithArgon2id) {
  const core::PasswordHashCost cheap{1, 1024, 1};
  const auto hash = core::hash_password("tr4mpoline", cheap);
  EXPECT_TRUE(hash.starts_with("$argon2id$v=19$m=1024,t=1,p=1$")) << hash;
  EXPECT_TRUE(core::verify_password(hash, "tr4mpoline"));
  EXPECT_FALSE(core::verify_password(hash, "tr4mpolinE"));
  EXPECT_FALSE(core::verify_password(hash, ""));
  EXPECT_FALSE(core::verify_password("not a hash", "tr4mpoline"));
  EXPECT_FALSE(core::verify_password("", ""));
}

TEST(PasswordHashTest, EachHashHasItsOwnSaltAndTheDefaultsAreOwaspsMinimum) {
  const auto a = core::hash_password("tr4mpoline");
  const auto b = core::hash_password("tr4mpoline");
  EXPECT_NE(a, b);
  EXPECT_TRUE(a.starts_with("$argon2id$v=19$m=19456,t=2,p=1$")) << a;
  EXPECT_TRUE(core::verify_password(b, "tr4mpoline"));
}

}  // namespace
}  // namespace maitred::domain
