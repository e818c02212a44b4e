#pragma once
#include "http/handler.hpp"

namespace maitred::api {

// GET /v1/healthcheck (resOS): authenticated, so a client checks its key and
// learns which restaurant it belongs to: {"status": "ok", "restaurantId": …}.
http::Response healthcheck(http::RequestContext& context);

}  // namespace maitred::api
