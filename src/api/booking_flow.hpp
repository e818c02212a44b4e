#pragma once
#include "http/handler.hpp"

namespace maitred::api {

// GET /v1/bookingFlow/times?date=&people=[&onlyBookableOnline=][&openingHourId=][&areaId=]
http::Response booking_flow_times(http::RequestContext& context);
// GET /v1/bookingFlow/dates?fromDate=&toDate=[&people=]
http::Response booking_flow_dates(http::RequestContext& context);

// GET /v1/bookingFlow/availableTables?people=&fromDateTime=&toDateTime=[&returnAllTables=true]
http::Response booking_flow_available_tables(http::RequestContext& context);

// POST /v1/bookingFlow/holds, DELETE /v1/bookingFlow/holds/{id}
http::Response create_hold(http::RequestContext& context);
http::Response release_hold(http::RequestContext& context);

}  // namespace maitred::api
