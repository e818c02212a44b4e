#pragma once
// A booking, in the shape of resos-api.md.

#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "core/clock.hpp"

namespace maitred::domain {

struct Guest {
  std::string name;
  std::string email;
  std::string phone;  // E.164 with '+', or empty
  bool notification_sms = false;
  bool notification_email = false;
};

struct RestaurantNote {
  std::string id;
  std::string text;
  std::string author;
  core::SystemTime created_at;
};

struct BookingComment {
  std::string id;
  std::string text;
  std::string role;  // guest, restaurant, system
  core::SystemTime created_at;
};

// A table as a booking shows it: names copied in at write time, so a booking
// still reads well after the table is renamed or removed.
struct BookedTable {
  std::string id;
  std::string name;
  std::string area_id;
  std::string area_name;
};

// A number answer: the integer the client sent, or else the number as a
// double (3 and 3.0 are stored as sent).
struct NumberAnswer {
  double value = 0;
  std::optional<std::int64_t> integer;
};

// An option ticked in a checkbox answer.
struct TickedOption {
  std::string id;
  std::string name;
};

// An answer read back from a stored booking: its JSON text, served byte for
// byte (stored answers are not checked again).
struct StoredAnswer {
  std::string json;
};

// The value of an answer: text for a string field, the option id for
// radio/dropdown, a number, the ticked options of a checkbox (never empty:
// a blank answer is no answer), or as stored. json/custom_field_answers.hpp
// encodes it.
using AnswerValue = std::variant<std::string, NumberAnswer, std::vector<TickedOption>, StoredAnswer>;

// An answer to a custom field.
struct CustomFieldAnswer {
  std::string id;  // the definition's id
  std::string name;
  AnswerValue value;
  std::string multiple_choice_value_name;  // radio/dropdown: the option's name
};

// The times a status change stamps; unset until it happens.
struct StatusStamps {
  std::optional<core::SystemTime> approved_at;
  std::optional<core::SystemTime> declined_at;
  std::optional<core::SystemTime> canceled_at;
  std::optional<core::SystemTime> arrived_at;
  std::optional<core::SystemTime> seated_at;
  std::optional<core::SystemTime> left_at;
  std::optional<core::SystemTime> no_show_at;
};

struct Booking {
  std::string id;
  std::string restaurant_id;
  std::string date;            // the restaurant's local date, YYYY-MM-DD
  int time = 0;                // local wall-clock minutes since midnight
  core::SystemTime date_time;  // the UTC instant of date + time
  int people = 2;
  int duration = 120;  // minutes
  std::string status = "request";
  std::string source = "other";
  std::string language_code = "en";
  Guest guest;
  std::vector<CustomFieldAnswer> custom_fields;
  std::vector<RestaurantNote> restaurant_notes;
  std::vector<BookingComment> comments;
  std::vector<BookedTable> tables;
  std::string opening_hour_id;
  std::string opening_hour_name;
  std::string comment;
  std::string referrer;
  std::string metadata_json = "{}";  // a JSON object, at most 2000 characters
  std::string customer_id;
  core::SystemTime created_at;
  core::SystemTime activity_at;  // last change of any kind
  StatusStamps stamps;
};

}  // namespace maitred::domain
