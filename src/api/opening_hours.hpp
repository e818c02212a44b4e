#pragma once
#include "http/handler.hpp"

namespace maitred::api {

// /v1/openingHours: list (showDeleted, onlySpecial, type), get, create,
// update, delete (soft: kept for the bookings that reference it).
http::Response list_opening_hours(http::RequestContext& context);
http::Response get_opening_hour(http::RequestContext& context);
http::Response create_opening_hour(http::RequestContext& context);
http::Response update_opening_hour(http::RequestContext& context);
http::Response delete_opening_hour(http::RequestContext& context);

}  // namespace maitred::api
