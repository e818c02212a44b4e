#include "http/authorization_header.hpp"

#include <gtest/gtest.h>

#include "core/crypto.hpp"

namespace maitred::http {
namespace {

std::string basic(std::string_view user_pass) {
  return "Basic " + core::base64_encode(user_pass);
}

Credential expect_credential(std::string_view header) {
  auto parsed = parse_authorization(header);
  EXPECT_TRUE(std::holds_alternative<Credential>(parsed)) << header;
  if (!std::holds_alternative<Credential>(parsed)) return {};
  return std::get<Credential>(parsed);
}

AuthorizationError expect_error(std::string_view header) {
  auto parsed = parse_authorization(header);
  EXPECT_TRUE(std::holds_alternative<AuthorizationError>(parsed)) << header;
  if (!std::holds_alternative<AuthorizationError>(parsed)) return AuthorizationError::missing;
  return std::get<AuthorizationError>(parsed);
}

TEST(AuthorizationHeader, KeyWithEmptyPassword) {
  auto c = expect_credential(basic("mtd_abc:"));
  EXPECT_EQ(c.scheme, Credential::Scheme::basic_key);
  EXPECT_EQ(c.secret, "mtd_abc");
}

TEST(AuthorizationHeader, KeyWithoutColonIsTolerated) {
  EXPECT_EQ(expect_credential(basic("mtd_abc")).secret, "mtd_abc");
}

TEST(AuthorizationHeader, SchemeIsCaseInsensitiveAndSpacesAreTrimmed) {
  EXPECT_EQ(expect_credential("  bAsIc   " + core::base64_encode("k:") + "  ").secret, "k");
}

TEST(AuthorizationHeader, Bearer) {
  auto c = expect_credential("Bearer tok.en-1");
  EXPECT_EQ(c.scheme, Credential::Scheme::bearer);
  EXPECT_EQ(c.secret, "tok.en-1");
}

TEST(AuthorizationHeader, Errors) {
  EXPECT_EQ(expect_error(""), AuthorizationError::missing);
  EXPECT_EQ(expect_error("   "), AuthorizationError::missing);
  EXPECT_EQ(expect_error("Basic"), AuthorizationError::empty_secret);
  EXPECT_EQ(expect_error("Basic "), AuthorizationError::empty_secret);
  EXPECT_EQ(expect_error(basic(":")), AuthorizationError::empty_secret);
  EXPECT_EQ(expect_error(basic("")), AuthorizationError::empty_secret);
  EXPECT_EQ(expect_error("Bearer"), AuthorizationError::empty_secret);
  EXPECT_EQ(expect_error("Basic abc"), AuthorizationError::malformed_basic);   // not a multiple of 4
  EXPECT_EQ(expect_error("Basic ab$d"), AuthorizationError::malformed_basic);  // bad alphabet
  EXPECT_EQ(expect_error("Basic a==="), AuthorizationError::malformed_basic);  // too much padding
  EXPECT_EQ(expect_error("Basic =abc"), AuthorizationError::malformed_basic);
  EXPECT_EQ(expect_error(basic("ke\ny:")), AuthorizationError::malformed_basic);  // control character
  EXPECT_EQ(expect_error(basic("key:secret")), AuthorizationError::password_given);
  EXPECT_EQ(expect_error("Digest x=y"), AuthorizationError::unsupported_scheme);
  EXPECT_EQ(expect_error("Basicx abc"), AuthorizationError::unsupported_scheme);
  EXPECT_EQ(expect_error("Bearer a b"), AuthorizationError::malformed_basic);
  EXPECT_EQ(expect_error("Basic " + std::string(8000, 'A')), AuthorizationError::malformed_basic);
}

TEST(AuthorizationHeader, SurvivesEveryByte) {
  // Not a fuzzer (fuzz/ has one) but a cheap sweep over odd single bytes.
  for (int c = 0; c < 256; ++c) {
    std::string header = "Basic " + std::string(4, static_cast<char>(c));
    (void)parse_authorization(header);
    (void)parse_authorization(std::string(1, static_cast<char>(c)));
  }
}

}  // namespace
}  // namespace maitred::http
