#pragma once
// The booking flow (/v1/bookingFlow): free dates and times, available
// tables, holds. The public booking API (api/public_booking.cpp) answers
// from the same functions for the restaurant its slug names.

#include <optional>

#include <date/date.h>

#include "app/hold_service.hpp"
#include "domain/availability.hpp"
#include "domain/restaurant.hpp"
#include "http/handler.hpp"
#include "http/query_params.hpp"
#include "json/json_reader.hpp"

namespace maitred::api {

// GET /v1/bookingFlow/times?date=&people=[&onlyBookableOnline=][&openingHourId=][&areaId=]
http::Response booking_flow_times(http::RequestContext& context);
// GET /v1/bookingFlow/dates?fromDate=&toDate=[&people=]
http::Response booking_flow_dates(http::RequestContext& context);

// What /times and /dates answer for `restaurant`, once their parameters are read.
http::Response times_answer(http::RequestContext& context, const domain::Restaurant& restaurant,
                            const domain::AvailabilityRequest& request);
// `people` absent: the dates the restaurant opens; given: those with a time
// that party can book online.
http::Response dates_answer(http::RequestContext& context, const domain::Restaurant& restaurant,
                            date::year_month_day from, date::year_month_day to, std::optional<int> people);

// The date query parameter `name`: required, YYYY-MM-DD, in the supported
// range (422 missing_parameter / invalid_parameter otherwise).
date::year_month_day required_date(const http::QueryParams& query, const char* name);

// GET /v1/bookingFlow/availableTables?people=&fromDateTime=&toDateTime=[&returnAllTables=true]
http::Response booking_flow_available_tables(http::RequestContext& context);

// The body of POST /v1/bookingFlow/holds (date, time, people[, openingHourId]
// [, areaId]), finished; apart from the handler so fuzz/ can feed it.
app::HoldRequest read_hold_request(json::ObjectReader& in);

// POST /v1/bookingFlow/holds, DELETE /v1/bookingFlow/holds/{id}
http::Response create_hold(http::RequestContext& context);
http::Response release_hold(http::RequestContext& context);

}  // namespace maitred::api
