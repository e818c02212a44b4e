#pragma once
// Custom field answers at the edge: a booking body's `customFields` decoded
// into drafts (checked against the restaurant's definitions by
// domain/custom_field_rules.hpp, which never sees JSON), and a checked
// answer's value encoded in the resOS answer shape.

#include <rapidjson/document.h>

#include <string>
#include <vector>

#include "domain/booking.hpp"
#include "domain/booking_draft.hpp"
#include "json/json_writer.hpp"

namespace maitred::json {

// `answers`: the body's `customFields`. Throws InvalidInput when it is not an
// array; an item that cannot be read is kept as a draft whose `malformed`
// says why, so the errors come in the order the checks meet them.
std::vector<domain::CustomFieldAnswerDraft> read_custom_field_drafts(const rapidjson::Value& answers);

// The answer's `value`: a string, a number, the option id, the ticked options
// as [{_id, name, value: true}], or the stored JSON as it was.
void write_answer_value(JsonWriter& out, const domain::AnswerValue& value);
std::string answer_value_json(const domain::AnswerValue& value);

}  // namespace maitred::json
