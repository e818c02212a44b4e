#include "domain/booking_time.hpp"

#include "domain/calendar.hpp"
#include "domain/errors.hpp"
#include "domain/time_zone.hpp"

namespace maitred::domain {

namespace {

[[noreturn]] void fail(std::string field, const std::string& message) {
  throw InvalidInput("invalid_field", std::move(field), message);
}

}  // namespace

BookingTime place_in_time(std::string_view zone, std::string_view date_text, std::string_view time_text) {
  auto day = parse_iso_date(date_text);
  if (!day) fail("date", "date format invalid, should be YYYY-MM-DD.");
  if (!is_supported_date(*day)) {
    fail("date", "Bookings must be dated from 1900-01-01 to 2037-12-31 (time zone data ends there).");
  }
  auto minutes = parse_clock_time(time_text);
  if (!minutes) fail("time", "time format invalid, should be HH:MM.");
  auto utc = local_to_utc(zone, *day, *minutes);
  if (utc.kind == LocalTimeKind::nonexistent) {
    fail("time", std::string(time_text) + " does not exist on " + std::string(date_text) + " in " + std::string(zone) +
                     ": the clocks go forward then.");
  }
  return {std::string(date_text), *minutes, utc.instant};
}

}  // namespace maitred::domain
