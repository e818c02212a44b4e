#pragma once
// A booking create or update body as api/ decoded it (json/booking_codec.hpp),
// not yet checked against the restaurant: that is app/booking_service.cpp's
// job, with the rules of domain/. No JSON past this point.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "domain/booking.hpp"
#include "domain/errors.hpp"

namespace maitred::domain {

// One item of a list answer as the body gave it: an option id or name
// ("…"), an option object ({"_id": "…", …}), or anything else.
struct OptionDraft {
  enum class Kind { text, option, other };
  Kind kind = Kind::other;
  std::string key;        // the string, or the object's `_id`
  bool unticked = false;  // an option object with "value": false
};

// An answer's `value` as the body gave it, before the field's type is known:
// which shapes a type accepts is domain/custom_field_rules.hpp's rule.
struct AnswerValueDraft {
  enum class Kind { absent, text, number, list, other };  // other: null, a boolean, an object
  Kind kind = Kind::absent;
  std::string text;
  NumberAnswer number;
  std::vector<OptionDraft> items;
};

// One item of the body's `customFields`.
struct CustomFieldAnswerDraft {
  std::string id;  // `_id`
  AnswerValueDraft value;
  // The item could not be read (not an object, no `_id`, an unknown key):
  // raised when the answers are checked, in the order the items come.
  std::optional<InvalidInput> malformed;
};

// Absent fields are nullopt: for an update they stay as they are.
struct BookingDraft {
  std::optional<std::string> date;
  std::optional<std::string> time;  // "HH:MM"
  std::optional<int> people;
  std::optional<int> duration;
  std::optional<std::string> status;
  std::optional<std::string> source;
  std::optional<std::string> language_code;
  std::optional<std::string> guest_name;
  std::optional<std::string> guest_email;
  std::optional<std::string> guest_phone;
  std::optional<bool> notification_sms;
  std::optional<bool> notification_email;
  std::optional<std::vector<std::string>> table_ids;
  std::optional<std::vector<CustomFieldAnswerDraft>> custom_fields;  // an update replaces the list
  std::optional<std::string> comment;
  std::optional<std::string> note;
  std::optional<std::string> note_author;
  std::optional<std::string> referrer;
  std::optional<std::string> metadata_json;  // a serialised JSON object, stored as is
  std::optional<std::string> opening_hour_id;
  std::optional<std::string> hold_id;  // create only: turn this hold into the booking
  // Staff overbooking on purpose: skip the seating check (opening hours,
  // pacing, covers, table conflicts). Never stored; the history records it.
  bool allow_overbooking = false;
};

}  // namespace maitred::domain
