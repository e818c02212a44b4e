#pragma once
#include "app/hold_service.hpp"
#include "http/handler.hpp"
#include "json/json_reader.hpp"

namespace maitred::api {

// GET /v1/bookingFlow/times?date=&people=[&onlyBookableOnline=][&openingHourId=][&areaId=]
http::Response booking_flow_times(http::RequestContext& context);
// GET /v1/bookingFlow/dates?fromDate=&toDate=[&people=]
http::Response booking_flow_dates(http::RequestContext& context);

// GET /v1/bookingFlow/availableTables?people=&fromDateTime=&toDateTime=[&returnAllTables=true]
http::Response booking_flow_available_tables(http::RequestContext& context);

// The body of POST /v1/bookingFlow/holds (date, time, people[, openingHourId]
// [, areaId]), finished; apart from the handler so fuzz/ can feed it.
app::HoldRequest read_hold_request(json::ObjectReader& in);

// POST /v1/bookingFlow/holds, DELETE /v1/bookingFlow/holds/{id}
http::Response create_hold(http::RequestContext& context);
http::Response release_hold(http::RequestContext& context);

}  // namespace maitred::api
