#include "domain/seating.hpp"

#include <algorithm>

#include "domain/booking_status.hpp"
#include "domain/calendar.hpp"
#include "domain/cover_limits.hpp"
#include "domain/service_at.hpp"
#include "domain/table_conflicts.hpp"
#include "domain/time_zone.hpp"

namespace maitred::domain {

namespace {

std::string when(const Booking& b) {
  return format_clock_time(b.time) + " on " + b.date;
}

std::string party(int people) {
  return std::to_string(people) + (people == 1 ? " person" : " people");
}

// What the chosen tables seat: a set that is exactly a combination's seats
// what the restaurant says the joined tables seat; others the sum of theirs.
int seats_of(const RestaurantSnapshot& s, const std::vector<BookedTable>& booked) {
  auto is_booked = [&](const std::string& id) {
    return std::ranges::find(booked, id, &BookedTable::id) != booked.end();
  };
  for (const auto& c : s.combinations) {
    if (c.table_ids.size() == booked.size() && std::ranges::all_of(c.table_ids, is_booked)) return c.seats_max;
  }
  int seats = 0;
  for (const auto& t : booked) {
    auto table = std::ranges::find(s.tables, t.id, &Table::id);
    if (table != s.tables.end()) seats += table->seats_max;
  }
  return seats;
}

}  // namespace

SeatingVerdict check_seating(const RestaurantSnapshot& s, const Booking& b) {
  SeatingVerdict verdict;
  if (!holds_tables(b.status)) return verdict;
  auto refuse = [&](std::string code, std::string field, std::string message) {
    verdict.refusal = SeatingRefusal{std::move(code), std::move(field), std::move(message)};
    return verdict;
  };

  const auto day = parse_iso_date(b.date);
  const auto at =
      day ? service_at(s.opening_hours, s.restaurant.timezone, *day, b.date_time, b.opening_hour_id) : ServiceAtStart{};
  verdict.service = at.service;
  if (at.service == nullptr) {
    return refuse("closed", "time", "The restaurant takes no bookings at " + when(b) + ": no service is open then.");
  }
  const OpeningHour& h = *at.service;
  // Counting sorts the covers of the day: only a service with limits pays for it.
  if (has_cover_limits(h)) {
    if (auto hit = cover_limit_hit(CoverCounter(s.bookings), h, at.window, b.date_time, b.people)) {
      const std::string where =
          hit->reason == Unavailable::pacing_full ? "The slot of " + when(b) : h.name + " on " + b.date;
      return refuse(std::string(reason_code(hit->reason)), "time",
                    where + " already has " + std::to_string(hit->taken) + " of its " + std::to_string(hit->limit) +
                        " covers; " + party(b.people) + " do not fit.");
    }
  }

  const int buffer = s.restaurant.booking_rules.turnover_buffer;
  if (b.tables.empty()) {
    verdict.assigned = choose_tables(s, b.people, b.date_time, b.duration, false, {}, h.area_ids);
    if (!verdict.assigned) {
      return refuse("no_table", "tables",
                    "No suitable table was found for " + party(b.people) + " at " + when(b) + ".");
    }
    return verdict;
  }
  const int seats = seats_of(s, b.tables);
  if (seats < b.people) {
    return refuse(
        "tables_too_small", "tables",
        "The tables chosen seat at most " + std::to_string(seats) + "; the party is " + party(b.people) + ".");
  }
  if (auto conflict = find_table_conflict(b, s.bookings, buffer)) {
    return refuse(
        "table_unavailable", "tables",
        "Table '" + conflict->table_name + "' is already booked at that time (booking " + conflict->booking_id + ").");
  }
  return verdict;
}

}  // namespace maitred::domain
