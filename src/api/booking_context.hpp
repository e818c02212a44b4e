#pragma once
// Who is calling, as the booking use cases record it, and the context they
// run in: one place, so every write path names its actor the same way.

#include "api/caller_restaurant.hpp"
#include "app/booking_service.hpp"
#include "http/handler.hpp"

namespace maitred::api {

// An API key is {"apiKey", key id}; a staff token is {"user", user id}.
app::Actor actor_of(const http::Principal& caller);

app::BookingContext booking_context(const http::RequestContext& context, const domain::Restaurant& restaurant);

}  // namespace maitred::api
