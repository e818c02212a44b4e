#pragma once
// GET /v1/bookings/{id}/messages: the e-mails a booking's guest was sent,
// is about to be sent, or could not be sent (docs/API.md "Guest e-mails").

#include "http/handler.hpp"

namespace maitred::api {

http::Response list_booking_messages(http::RequestContext& context);

}  // namespace maitred::api
