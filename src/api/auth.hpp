#pragma once
// Staff sign-in, Reception Star style: /api/v3/auth (also /api/v1/auth and
// /v1/auth). See docs/API.md "Staff users and tokens".

#include "http/handler.hpp"

namespace maitred::api {

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
