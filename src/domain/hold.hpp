#pragma once
// A hold: tables kept for a few minutes while a guest fills in the booking
// form (POST /v1/bookingFlow/holds). Until it expires, is released, or turns
// into a booking, it takes its tables exactly as a booking would.

#include <string>
#include <vector>

#include "core/clock.hpp"
#include "domain/booking.hpp"

namespace maitred::domain {

struct Hold {
  std::string id;
  std::string restaurant_id;
  std::string date;  // local
  int time = 0;      // local minutes
  core::SystemTime start;
  int people = 2;
  int duration = 120;
  std::vector<BookedTable> tables;
  std::string opening_hour_id;
  core::SystemTime expires_at;
};

bool is_active(const Hold& hold, core::SystemTime now);

// The hold as the engine and the conflict check see it: a booking in status
// `request` on its tables.
Booking as_booking(const Hold& hold);

}  // namespace maitred::domain
