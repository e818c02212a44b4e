#pragma once
// The restaurant a request acts for. The caller's key or token names it, but
// it may have been removed since: every handler that needs it loads it here,
// so that case answers the same 404 everywhere.

#include "domain/restaurant.hpp"
#include "http/handler.hpp"

namespace maitred::api {

// The caller's restaurant, or 404 not_found when it no longer exists.
domain::Restaurant restaurant_of(const http::RequestContext& context);

}  // namespace maitred::api
