#pragma once
#include "http/handler.hpp"

namespace maitred::api {

// GET /heart: liveness without authentication; the body is a JSON string.
http::Response heart(http::RequestContext& context);

}  // namespace maitred::api
