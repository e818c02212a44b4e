#pragma once
// Which custom fields a booking is asked: the booking flow's list of active
// fields (GET /v1/bookingFlow/times) and the required-answer check of a
// booking write must agree, so both ask this one rule.

#include <string_view>

#include "domain/setup.hpp"

namespace maitred::domain {

// A field applies to a booking in the service `opening_hour_id` (empty: the
// booking has none) when it is active in the booking flow (`activeFlows`
// holds "booking": fields only for the waitlist or the online page are not
// asked here) and is on that service (on all of them, or `openingHourIds`
// names it).
bool applies_to_booking(const CustomField& field, std::string_view opening_hour_id);

}  // namespace maitred::domain
