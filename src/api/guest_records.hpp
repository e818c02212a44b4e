#pragma once
#include "http/handler.hpp"

namespace maitred::api {

// /v1/customers: list and get (customers follow from booking guests).
http::Response list_customers(http::RequestContext& context);
http::Response get_customer(http::RequestContext& context);

// /v1/orders and /v1/feedback: list, get, create; each tied to a booking.
http::Response list_orders(http::RequestContext& context);
http::Response get_order(http::RequestContext& context);
http::Response create_order(http::RequestContext& context);
http::Response list_feedback(http::RequestContext& context);
http::Response get_feedback(http::RequestContext& context);
http::Response create_feedback(http::RequestContext& context);

}  // namespace maitred::api
