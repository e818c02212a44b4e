#pragma once
// Whether a booking's tables are free: no table is ever held by two
// overlapping bookings. Pure; the store calls it inside the write
// transaction with the bookings around the candidate's time.

#include <optional>
#include <span>
#include <string>
#include <vector>

#include "domain/booking.hpp"

namespace maitred::domain {

// The instants a booking holds its tables: from its start to its end plus the
// turn-over buffer; a `left` booking only until the guest left. Empty
// (start == end) when its status holds nothing.
struct Occupancy {
  core::SystemTime start;
  core::SystemTime end;
};
Occupancy occupancy(const Booking& booking, int turnover_buffer_minutes);

struct TableConflict {
  std::string table_id;
  std::string table_name;
  std::string booking_id;  // the booking already holding it
};

// The first conflict of `candidate` with `others` (the candidate itself, by
// id, is skipped), or none.
std::optional<TableConflict> find_table_conflict(const Booking& candidate, std::span<const Booking> others,
                                                 int turnover_buffer_minutes);

}  // namespace maitred::domain
