#pragma once
#include "http/handler.hpp"

namespace maitred::api {

// /v1/bookings (resos-api.md): list, get, create, update, erase, history,
// restaurant notes and comments. PATCH is not routed, so it is a 405.
http::Response list_bookings(http::RequestContext& context);
http::Response get_booking(http::RequestContext& context);
http::Response create_booking(http::RequestContext& context);
http::Response update_booking(http::RequestContext& context);
http::Response delete_booking(http::RequestContext& context);
http::Response booking_history(http::RequestContext& context);
http::Response add_restaurant_note(http::RequestContext& context);
http::Response add_booking_comment(http::RequestContext& context);

}  // namespace maitred::api
