#pragma once
#include "http/handler.hpp"

namespace maitred::api {

// GET /v1/users: the restaurant's staff users (owner only: the "users"
// family needs `administer`). Created and changed with `maitred user`.
http::Response list_users(http::RequestContext& context);

}  // namespace maitred::api
