#pragma once
// Converting between a restaurant's local calendar and UTC instants, with the
// daylight-saving decisions made explicit.

#include <date/date.h>

#include <optional>
#include <string_view>

#include "core/clock.hpp"

namespace maitred::domain {

// The last local date maitred accepts: the OS tz database read by date-tz
// ignores TZif rule footers, so DST after 2037 would come out wrong (DESIGN.md).
inline constexpr date::year_month_day kLastSupportedDate{date::year{2037}, date::month{12}, date::day{31}};
inline constexpr date::year_month_day kFirstSupportedDate{date::year{1900}, date::month{1}, date::day{1}};
constexpr bool is_supported_date(date::year_month_day day) {
  return day >= kFirstSupportedDate && day <= kLastSupportedDate;
}

enum class LocalTimeKind { unique, ambiguous, nonexistent };

struct UtcResult {
  core::SystemTime instant;
  LocalTimeKind kind;
};

// `minutes` after local midnight of `day` in `zone`. A time that occurs
// twice (the hour repeated when clocks go back) maps to its first
// occurrence; a time that does not exist (skipped when clocks go forward)
// maps to the instant it would have been before the jump, with kind
// nonexistent so callers can refuse it. Throws std::runtime_error for an
// unknown zone (settings are validated, so that is a bug).
UtcResult local_to_utc(std::string_view zone, date::year_month_day day, int minutes);

struct LocalDateTime {
  date::year_month_day day;
  int minutes;  // since local midnight
};
LocalDateTime utc_to_local(std::string_view zone, core::SystemTime instant);

// The instant local `day` starts in `zone` (midnight, or the first existing
// time after it).
core::SystemTime start_of_local_day(std::string_view zone, date::year_month_day day);

}  // namespace maitred::domain
