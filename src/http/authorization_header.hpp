#pragma once
// Decoding of the Authorization header. Pure (no I/O, no Beast), so it is unit
// tested and fuzzed directly.

#include <string>
#include <string_view>
#include <variant>

namespace maitred::http {

struct Credential {
  enum class Scheme { basic_key, bearer };
  Scheme scheme;
  std::string secret;
};

enum class AuthorizationError {
  missing,             // no header, or an empty one
  unsupported_scheme,  // neither Basic nor Bearer
  malformed_basic,     // not base64, or not "key:" / "key"
  password_given,      // "key:secret": resOS keys go in the username, password empty
  empty_secret,        // "Basic Og==" (":"), "Bearer "
};

// Basic: base64("<key>:") or base64("<key>") (some clients drop the colon).
// Scheme names are case-insensitive (RFC 9110).
std::variant<Credential, AuthorizationError> parse_authorization(std::string_view header_value);

}  // namespace maitred::http
