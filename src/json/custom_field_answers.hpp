#pragma once
// Custom field answers in a booking body, checked against the restaurant's
// definitions (type, choices, required) and written back in the resOS answer
// shape with `name` and `multipleChoiceValueName` filled in from the
// definition.

#include <rapidjson/document.h>

#include <span>
#include <string>
#include <vector>

#include "domain/booking.hpp"
#include "domain/setup.hpp"

namespace maitred::json {

// `answers`: the body's `customFields` array (or null for none).
// `opening_hour_id`: the booking's service; a required field must be answered
// when it applies there (domain/custom_field_rules.hpp). Throws InvalidInput
// naming customFields[i] for a bad answer, and for a required field left
// unanswered.
std::vector<domain::CustomFieldAnswer> read_custom_field_answers(const rapidjson::Value* answers,
                                                                 std::span<const domain::CustomField> definitions,
                                                                 const std::string& opening_hour_id);

}  // namespace maitred::json
