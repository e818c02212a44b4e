#pragma once
// Which service a booking belongs to: the one whose opening-hours window
// contains its start. Seating checks its limits against that service, and a
// booking that names no service is filed under it (openingHourId and
// openingHourName), so clients that group bookings by service find them.

#include <span>
#include <string_view>

#include "domain/availability.hpp"

namespace maitred::domain {

struct ServiceAtStart {
  const OpeningHour* service = nullptr;  // none: no service is open then
  ServiceWindow window{};
};

// `start` is the instant of a booking on the local date `day` in `zone`. The
// window is one of that date's services, or one of the day before's that
// runs past midnight; windows include their opening and exclude their close.
// When windows overlap, the service `preferred_id` names wins, else the one
// that opened first.
ServiceAtStart service_at(std::span<const OpeningHour> hours, std::string_view zone, date::year_month_day day,
                          core::SystemTime start, std::string_view preferred_id = {});

}  // namespace maitred::domain
