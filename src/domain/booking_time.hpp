#pragma once
// When a booking is: the local date and wall-clock time a client gives, and
// the instant they mean in the restaurant's time zone.

#include <string>
#include <string_view>

#include "core/clock.hpp"

namespace maitred::domain {

struct BookingTime {
  std::string date;          // "YYYY-MM-DD", local
  int time = 0;              // minutes since local midnight
  core::SystemTime instant;  // dateTime
};

// `date_text` ("YYYY-MM-DD", 1900-01-01 to 2037-12-31: the time zone data
// ends there) at `time_text` ("HH:MM") in `zone`. A time that occurs twice
// (clocks going back) means its first occurrence; one the clocks skip is
// refused. Throws InvalidInput naming date or time.
BookingTime place_in_time(std::string_view zone, std::string_view date_text, std::string_view time_text);

}  // namespace maitred::domain
