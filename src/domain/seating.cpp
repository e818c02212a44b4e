#include "domain/seating.hpp"

#include <algorithm>

#include "domain/booking_status.hpp"
#include "domain/calendar.hpp"
#include "domain/service_at.hpp"
#include "domain/table_conflicts.hpp"
#include "domain/time_zone.hpp"

namespace maitred::domain {

namespace {

using std::chrono::minutes;

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
  if (h.max_people_per_slot) {
    // Pacing counts the covers starting in the slot the start falls in, the
    // slots running from opening every `seating.interval` minutes.
    const auto interval = minutes{std::max(h.seating.interval, 5)};
    const auto slot_start = at.window.start + (b.date_time - at.window.start) / interval * interval;
    const int taken = covers_starting_between(s.bookings, slot_start, slot_start + interval);
    if (taken + b.people > *h.max_people_per_slot) {
      return refuse("pacing_full", "time",
                    "The slot of " + when(b) + " already has " + std::to_string(taken) + " of its " +
                        std::to_string(*h.max_people_per_slot) + " covers; " + party(b.people) + " do not fit.");
    }
  }
  if (h.max_people) {
    const int taken = covers_starting_between(s.bookings, at.window.start, at.window.end);
    if (taken + b.people > *h.max_people) {
      return refuse("service_full", "time",
                    h.name + " on " + b.date + " already has " + std::to_string(taken) + " of its " +
                        std::to_string(*h.max_people) + " covers; " + party(b.people) + " do not fit.");
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
