#pragma once
#include "http/handler.hpp"

namespace maitred::api {

// GET /v1/restaurant: the caller's own restaurant with its settings.
http::Response get_restaurant(http::RequestContext& context);
// PUT /v1/restaurant: change any of the settings; answers `true`.
http::Response update_restaurant(http::RequestContext& context);

}  // namespace maitred::api
