#pragma once
#include "http/handler.hpp"

namespace maitred::api {

// GET /v1/restaurant: the caller's own restaurant.
http::Response get_restaurant(http::RequestContext& context);

}  // namespace maitred::api
