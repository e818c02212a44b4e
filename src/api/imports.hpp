#pragma once
#include "http/handler.hpp"

namespace maitred::api {

// POST /api/v3/imports?type=bookings|customers (a text/csv body): 202 with
// the queued job and its Location. GET /api/v3/imports/{id}: the job.
// docs/API.md "Imports".
http::Response create_import(http::RequestContext& context);
http::Response get_import(http::RequestContext& context);

}  // namespace maitred::api
