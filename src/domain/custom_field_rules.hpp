#pragma once
// Which custom fields a booking is asked, and what an answer must be: the
// booking flow's list of active fields (GET /v1/bookingFlow/times) and the
// required-answer check of a booking write must agree, so both ask this one
// rule.

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "domain/booking.hpp"
#include "domain/booking_draft.hpp"
#include "domain/setup.hpp"

namespace maitred::domain {

// A field applies to a booking in the service `opening_hour_id` (empty: the
// booking has none) when it is active in the booking flow (`activeFlows`
// holds "booking": fields only for the waitlist or the online page are not
// asked here) and is on that service (on all of them, or `openingHourIds`
// names it).
bool applies_to_booking(const CustomField& field, std::string_view opening_hour_id);

// A booking's answers, checked against the restaurant's definitions (type,
// choices, required) and filled in from them (`name`, the option's name).
// `opening_hour_id`: the booking's service; a required field must be answered
// when it applies there. Blank answers are dropped. Throws InvalidInput
// naming customFields[i] for a bad answer, and for a required field left
// unanswered; NotFound for an answer to no field.
std::vector<CustomFieldAnswer> check_custom_field_answers(std::span<const CustomFieldAnswerDraft> answers,
                                                          std::span<const CustomField> definitions,
                                                          const std::string& opening_hour_id);

}  // namespace maitred::domain
