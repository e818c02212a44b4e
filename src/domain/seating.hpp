#pragma once
// The check every booking write passes before it may hold tables: the start
// falls in a service, the slot's and the service's cover limits hold, and the
// party has a table — the one asked for, free and big enough, or the best one
// the engine finds. The same rules as the booking flow's times, applied to
// one booking at any minute a member of staff chooses (docs/AVAILABILITY.md,
// "Booking writes"). Pure: the caller loads the snapshot.

#include <optional>
#include <string>

#include "domain/availability.hpp"
#include "domain/booking.hpp"

namespace maitred::domain {

struct SeatingRefusal {
  std::string code;   // closed, pacing_full, service_full, no_table, table_unavailable, tables_too_small
  std::string field;  // the request field to point at
  std::string message;
};

struct SeatingVerdict {
  const OpeningHour* service = nullptr;   // the service the start falls in
  std::optional<TableChoice> assigned;    // chosen tables, when the booking had none
  std::optional<SeatingRefusal> refusal;  // none: it may be written
};

// `candidate` has its start, people, duration and status set, and either its
// tables or none (then the best free seating is chosen, in the service's
// areas). The snapshot's bookings must not contain the candidate itself.
// Bookings whose status holds no table (waitlist, ...) always pass.
SeatingVerdict check_seating(const RestaurantSnapshot& snapshot, const Booking& candidate);

}  // namespace maitred::domain
