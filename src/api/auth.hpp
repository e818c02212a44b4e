#pragma once
// Staff sign-in, Reception Star style: /api/v3/auth (also /api/v1/auth and
// /v1/auth). See docs/API.md "Staff users and tokens".

#include <string>
#include <string_view>

#include "app/staff_auth.hpp"
#include "http/handler.hpp"

namespace maitred::api {

// The JSON bodies of the routes below, decoded apart from the handlers so
// that fuzz/fuzz_write_bodies.cpp feeds exactly what the server reads. Each
// throws InvalidInput (422) naming the field; client_address stays empty.
app::LoginAttempt read_sign_in_body(std::string_view body);
struct PasswordChange {
  app::LoginAttempt attempt;
  std::string new_password;
};
PasswordChange read_password_change_body(std::string_view body);
std::string read_refresh_body(std::string_view body);  // the refresh token

// POST .../auth: {"username", "password"[, "restaurantId"]} or HTTP Basic
// username:password -> {"token", "refreshToken", "expiresIn"}.
http::Response login(http::RequestContext& context);

// POST .../auth/password: {"username", "password", "newPassword"[,
// "restaurantId"]} -> a new pair; the user's other sessions end.
http::Response change_password(http::RequestContext& context);

// POST .../auth/refresh: {"refreshToken"} -> a new pair; the old one ends.
http::Response refresh_tokens(http::RequestContext& context);

// POST .../auth/logout with the Bearer token: ends its session (204).
http::Response logout(http::RequestContext& context);

}  // namespace maitred::api
