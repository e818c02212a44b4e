#pragma once
// Local calendar dates ("2026-11-26") and wall-clock times as resOS writes
// them: HHMM integers in opening hours (1830), "HH:MM" strings in bookings.

#include <date/date.h>

#include <optional>
#include <string>
#include <string_view>

namespace maitred::domain {

// "YYYY-MM-DD", a real calendar date; nullopt otherwise.
std::optional<date::year_month_day> parse_iso_date(std::string_view text);

// Dates clients send (a booking's `date`, list bounds, special days) must lie
// in these years: anything else is a typo such as 0000-01-01, and year 0 or
// 9999 would only reach code that was never meant to see them.
inline constexpr date::year kFirstClientYear{1900};
inline constexpr date::year kLastClientYear{2199};
constexpr bool is_client_year(date::year_month_day day) {
  return day.year() >= kFirstClientYear && day.year() <= kLastClientYear;
}
std::string format_iso_date(date::year_month_day day);

// ISO weekday, Monday = 1 ... Sunday = 7 (resOS `day`).
int iso_weekday(date::year_month_day day);

// HHMM integers: 0 ... 2359 with minutes below 60.
bool is_valid_hhmm(long long hhmm);
int hhmm_to_minutes(int hhmm);
int minutes_to_hhmm(int minutes);

// Length of a service from `open` to `close` (HHMM), in minutes; a close
// before the open runs past midnight. 0 when open == close.
int service_length_minutes(int open_hhmm, int close_hhmm);

// "HH:MM", zero-padded, 24 h; nullopt otherwise (e.g. "1800", "7:30").
std::optional<int> parse_clock_time(std::string_view text);
std::string format_clock_time(int minutes_since_midnight);

}  // namespace maitred::domain
