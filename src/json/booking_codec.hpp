#pragma once
// The booking document (resos-api.md): what the API answers, and what the
// store keeps, byte for byte, so a list is the stored documents joined.
// And what a POST or PUT body may say about a booking.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/booking.hpp"
#include "json/json_reader.hpp"
#include "json/json_writer.hpp"

namespace maitred::json {

void write_booking(JsonWriter& out, const domain::Booking& booking);
std::string booking_to_json(const domain::Booking& booking);

// Throws std::runtime_error (via InvalidInput) for a document this version
// did not write.
domain::Booking booking_from_stored(std::string_view json);

// A create or update body, decoded but not yet checked against the
// restaurant (that is app/booking_service.cpp's job). Absent fields are
// nullopt: for PUT they stay as they are.
struct BookingChanges {
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
  const rapidjson::Value* custom_fields = nullptr;  // the raw array; lives as long as the body
  std::optional<std::string> comment;
  std::optional<std::string> note;
  std::optional<std::string> note_author;
  std::optional<std::string> referrer;
  std::optional<std::string> metadata_json;  // a serialised JSON object
  std::optional<std::string> opening_hour_id;
  std::optional<std::string> hold_id;  // create only: turn this hold into the booking
  // Staff overbooking on purpose: skip the seating check (opening hours,
  // pacing, covers, table conflicts). Never stored; the history records it.
  bool allow_overbooking = false;
};

// Reads every key a resOS client may send; unknown keys are refused (422).
BookingChanges read_booking_changes(ObjectReader& in);

}  // namespace maitred::json
