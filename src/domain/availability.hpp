#pragma once
// The availability engine: given a local date and a party size, which start
// times each service offers, why the others are not bookable, and which
// table (or combination) a booking at a chosen time gets. Pure: the caller
// loads the restaurant's setup and the bookings around the date.
//
// Rules (docs/AVAILABILITY.md has the why):
// - Services of a date: the special entries for that date (a closed one, or a
//   closure range covering it, closes the day); without specials, the
//   recurring services of its weekday. A service of the day before that runs
//   past midnight contributes its after-midnight start times to this date.
// - Start times run from `open` every `seating.interval` minutes; the last
//   one lets the booking end by `close`.
// - A local time that does not exist (clocks going forward) is skipped; one
//   that occurs twice is offered once, meaning its first occurrence.
// - Bookings in request, approved, arrived, seated hold their tables for
//   their duration plus the turn-over buffer, left ones until they left;
//   waitlist, declined, canceled and no_show hold nothing.

#include <date/date.h>

#include <optional>
#include <span>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "domain/booking.hpp"
#include "domain/restaurant.hpp"
#include "domain/setup.hpp"

namespace maitred::domain {

struct AvailabilityRequest {
  date::year_month_day day;
  int people = 2;
  // false (staff): every table, and no online booking window (minimum notice,
  // days ahead, largest online party); pacing and covers still apply.
  bool only_bookable_online = true;
  std::string opening_hour_id;  // empty: every service
  std::string area_id;          // empty: every area
};

struct RestaurantSnapshot {
  const Restaurant& restaurant;
  std::span<const OpeningHour> opening_hours;  // not deleted
  std::span<const Area> areas;
  std::span<const Table> tables;
  std::span<const TableCombination> combinations;
  std::span<const Booking> bookings;  // those that may overlap the day
};

enum class Unavailable { too_soon, too_far_ahead, party_too_large, pacing_full, service_full, no_table };
std::string_view reason_code(Unavailable reason);

struct Slot {
  std::string date;  // local date of the start (the day, or the next for after-midnight starts)
  int minutes;       // local wall clock
  core::SystemTime start;
  std::optional<Unavailable> unavailable;  // none: bookable
};

struct ServiceSlots {
  const OpeningHour* service;
  std::vector<Slot> slots;
};

// The services open on request.day with their slots.
std::vector<ServiceSlots> available_times(const RestaurantSnapshot& snapshot, const AvailabilityRequest& request,
                                          core::SystemTime now);

// Which services run on `day` (specials replace the weekday's services), in
// order of opening time.
std::vector<const OpeningHour*> services_on(std::span<const OpeningHour> hours, date::year_month_day day);

struct TableChoice {
  std::vector<std::string> table_ids;
  std::string combination_id;  // empty for a single table
  std::string name;            // "T4" or "T1 + T2"
};

// The best free seating for `people` from `start` for `duration` minutes:
// the single table with the fewest empty seats, then the lowest priority
// number, then its area's priority; else the best combination the same way.
// Never a table an overlapping holding booking has.
std::optional<TableChoice> choose_tables(const RestaurantSnapshot& snapshot, int people, core::SystemTime start,
                                         int duration, bool only_bookable_online, const std::string& area_id,
                                         const std::vector<std::string>& service_area_ids);

// Minutes between a service's start times: its `seating.interval`, at least 5.
int start_interval(const OpeningHour& service);

// A service's real span on `service_day`, in UTC: from opening to closing
// (the next day's when it closes past midnight). On daylight-saving days it
// is an hour shorter or longer than its wall-clock length.
struct ServiceWindow {
  core::SystemTime start;
  core::SystemTime end;
};
ServiceWindow service_window(const std::string& zone, date::year_month_day service_day, const OpeningHour& service);

// Whether `table_id` is held by a booking in [start, end) (the turn-over
// buffer of the bookings included).
bool is_table_free(const RestaurantSnapshot& snapshot, const std::string& table_id, core::SystemTime start,
                   core::SystemTime end);

}  // namespace maitred::domain
