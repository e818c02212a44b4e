#include "http/authorization_header.hpp"

#include <algorithm>

#include "core/crypto.hpp"
#include "core/text.hpp"

namespace maitred::http {

namespace {

constexpr std::size_t kMaxCredentialLength = 4096;

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

bool has_control_chars(std::string_view s) {
  return std::ranges::any_of(s, [](char c) { return static_cast<unsigned char>(c) < 0x20 || c == 0x7f; });
}

}  // namespace

std::variant<Credential, AuthorizationError> parse_authorization(std::string_view header_value) {
  std::string_view value = trim(header_value);
  if (value.empty()) return AuthorizationError::missing;
  if (value.size() > kMaxCredentialLength) return AuthorizationError::malformed_basic;

  auto space = value.find(' ');
  std::string_view scheme = value.substr(0, space);
  std::string_view rest = space == std::string_view::npos ? std::string_view{} : trim(value.substr(space + 1));

  if (core::iequals(scheme, "Bearer")) {
    if (rest.empty()) return AuthorizationError::empty_secret;
    if (has_control_chars(rest) || rest.find(' ') != std::string_view::npos) return AuthorizationError::malformed_basic;
    return Credential{Credential::Scheme::bearer, std::string(rest)};
  }
  if (!core::iequals(scheme, "Basic")) return AuthorizationError::unsupported_scheme;
  if (rest.empty()) return AuthorizationError::empty_secret;

  auto decoded = core::base64_decode(rest);
  if (!decoded || has_control_chars(*decoded)) return AuthorizationError::malformed_basic;
  std::string_view user_pass = *decoded;
  auto colon = user_pass.find(':');
  std::string_view user = user_pass.substr(0, colon);
  if (colon != std::string_view::npos && colon + 1 < user_pass.size()) return AuthorizationError::password_given;
  if (user.empty()) return AuthorizationError::empty_secret;
  return Credential{Credential::Scheme::basic_key, std::string(user)};
}

}  // namespace maitred::http
