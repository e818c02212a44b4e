#pragma once
// The booking document (resos-api.md): what the API answers, and what the
// store keeps, byte for byte, so a list is the stored documents joined.
// And what a POST or PUT body may say about a booking.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/booking.hpp"
#include "domain/booking_draft.hpp"
#include "json/json_reader.hpp"
#include "json/json_writer.hpp"

namespace maitred::json {

void write_booking(JsonWriter& out, const domain::Booking& booking);
std::string booking_to_json(const domain::Booking& booking);

// Throws std::runtime_error (via InvalidInput) for a document this version
// did not write.
domain::Booking booking_from_stored(std::string_view json);

// A create or update body (domain/booking_draft.hpp). Reads every key a
// resOS client may send; unknown keys are refused (422).
domain::BookingDraft read_booking_changes(ObjectReader& in);

}  // namespace maitred::json
