#pragma once
// What the public booking API's handlers share (public_booking.cpp,
// public_manage.cpp): the guest as actor, the online-booking switch and the
// abuse limits.

#include "api/public_limits.hpp"
#include "app/booking_service.hpp"
#include "domain/restaurant.hpp"
#include "http/router.hpp"

namespace maitred::api {

// Everything a guest does online is recorded as done by "guest".
const app::Actor& guest_actor();

// Throws ApiError 403 online_booking_disabled (with the restaurant's phone)
// when the restaurant does not take bookings online.
void require_online_booking(const domain::Restaurant& restaurant);

PublicLimits& public_limits(const http::RequestContext& ctx);

// GET, POST, PUT /public/manage/{token}[/cancel] (public_manage.cpp).
void add_public_manage_routes(http::Router& router);

}  // namespace maitred::api
