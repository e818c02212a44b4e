#pragma once
// The public booking API under /public/{slug}/...: what the booking page and
// widget call, without a secret. The restaurant comes from the slug.

#include "http/router.hpp"

namespace maitred::api {

void add_public_booking_routes(http::Router& router);

}  // namespace maitred::api
