// Properties of the availability engine over many random restaurants: what it
// offers can always be booked without a table conflict, and what it refuses
// for want of a table has no free table.

#include <gtest/gtest.h>

#include <random>

#include "core/ids.hpp"
#include "domain/availability.hpp"
#include "domain/booking_status.hpp"
#include "domain/calendar.hpp"
#include "domain/restaurant_rules.hpp"
#include "domain/table_conflicts.hpp"
#include "domain/time_zone.hpp"

namespace maitred::domain {
namespace {

using std::chrono::minutes;

constexpr date::year_month_day kFriday{date::year{2027}, date::month{1}, date::day{8}};

struct World {
  Restaurant restaurant;
  std::vector<OpeningHour> hours;
  std::vector<Area> areas;
  std::vector<Table> tables;
  std::vector<TableCombination> combinations;
  std::vector<Booking> bookings;
  RestaurantSnapshot snapshot() const { return {restaurant, hours, areas, tables, combinations, bookings}; }
};

World random_world(std::mt19937& rng) {
  auto pick = [&](int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng); };
  World w;
  w.restaurant.id = core::new_id();
  w.restaurant.name = "R";
  w.restaurant.timezone = "Europe/Copenhagen";
  w.restaurant.booking_rules.turnover_buffer = pick(0, 2) * 15;
  w.restaurant.booking_rules.min_notice_minutes = 0;
  w.restaurant.booking_rules.max_days_ahead = 730;
  w.areas = {{core::new_id(), "A", "", 0}, {core::new_id(), "B", "", 1}};
  const int table_count = pick(1, 8);
  for (int i = 0; i < table_count; ++i) {
    Table t;
    t.id = core::new_id();
    t.name = "T" + std::to_string(i);
    t.seats_max = pick(2, 8);
    t.seats_min = pick(1, t.seats_max);
    t.area_id = w.areas[static_cast<std::size_t>(pick(0, 1))].id;
    t.bookable_online = pick(0, 4) != 0;
    t.priority = pick(0, 3);
    w.tables.push_back(t);
  }
  for (int i = 0; i + 1 < table_count && i < 3; i += 2) {
    TableCombination c;
    c.id = core::new_id();
    c.table_ids = {w.tables[static_cast<std::size_t>(i)].id, w.tables[static_cast<std::size_t>(i + 1)].id};
    c.name = w.tables[static_cast<std::size_t>(i)].name + " + " + w.tables[static_cast<std::size_t>(i + 1)].name;
    c.seats_min = pick(4, 8);
    c.seats_max = c.seats_min + pick(0, 6);
    w.combinations.push_back(c);
  }
  OpeningHour dinner;
  dinner.id = core::new_id();
  dinner.name = "Dinner";
  dinner.day = 5;
  dinner.open = 1700 + pick(0, 2) * 30;
  dinner.close = pick(0, 1) ? 2300 : 100;  // sometimes past midnight
  dinner.seating.interval = pick(1, 3) * 15;
  if (pick(0, 2) == 0) dinner.max_people = pick(10, 40);
  if (pick(0, 2) == 0) dinner.max_people_per_slot = pick(4, 12);
  w.hours.push_back(dinner);
  // Existing bookings on random tables, some not holding anything.
  static const std::vector<std::string> statuses = {"request", "approved", "seated", "waitlist", "canceled", "left"};
  const int booking_count = pick(0, 12);
  for (int i = 0; i < booking_count; ++i) {
    Booking b;
    b.id = core::new_id();
    b.restaurant_id = w.restaurant.id;
    b.people = pick(1, 6);
    b.duration = duration_for(w.restaurant.booking_rules, b.people);
    b.status = statuses[static_cast<std::size_t>(pick(0, 5))];
    const int start = 17 * 60 + pick(0, 20) * 15;
    b.date = format_iso_date(kFriday);
    b.time = start % (24 * 60);
    b.date_time = local_to_utc(w.restaurant.timezone, kFriday, start).instant;
    if (b.status == "left") b.stamps.left_at = b.date_time + minutes{pick(10, b.duration)};
    const auto& t = w.tables[static_cast<std::size_t>(pick(0, table_count - 1))];
    Booking candidate = b;
    candidate.tables = {{t.id, t.name, t.area_id, ""}};
    // Only consistent worlds: existing bookings never conflict with each other.
    if (find_table_conflict(candidate, w.bookings, w.restaurant.booking_rules.turnover_buffer)) continue;
    w.bookings.push_back(candidate);
  }
  return w;
}

TEST(AvailabilityProperties, WhatIsOfferedCanBeBookedAndWhatIsRefusedHasNoTable) {
  std::mt19937 rng(20261126);
  const core::SystemTime now = local_to_utc("Europe/Copenhagen", kFriday, 8 * 60).instant;
  int offered = 0, refused_for_tables = 0;
  for (int round = 0; round < 300; ++round) {
    World w = random_world(rng);
    const auto snapshot = w.snapshot();
    for (int people = 1; people <= 9; ++people) {
      for (bool online : {true, false}) {
        AvailabilityRequest request{kFriday, people, online, {}, {}};
        const int duration = duration_for(w.restaurant.booking_rules, people);
        for (const auto& service : available_times(snapshot, request, now)) {
          for (const auto& slot : service.slots) {
            auto choice = choose_tables(snapshot, people, slot.start, duration, online, {}, service.service->area_ids);
            if (!slot.unavailable) {
              ++offered;
              ASSERT_TRUE(choice) << "offered " << format_clock_time(slot.minutes) << " but no table";
              Booking b;
              b.id = core::new_id();
              b.people = people;
              b.duration = duration;
              b.date_time = slot.start;
              for (const auto& id : choice->table_ids) b.tables.push_back({id, "", "", ""});
              EXPECT_FALSE(find_table_conflict(b, w.bookings, w.restaurant.booking_rules.turnover_buffer))
                  << "round " << round << ": offered a table that is taken";
              // The slot ends by closing.
              EXPECT_LE(slot.start + minutes{duration},
                        local_to_utc(w.restaurant.timezone,
                                     service.service->close < service.service->open
                                         ? date::year_month_day{date::sys_days{kFriday} + date::days{1}}
                                         : kFriday,
                                     hhmm_to_minutes(service.service->close))
                            .instant);
            } else if (*slot.unavailable == Unavailable::no_table) {
              ++refused_for_tables;
              EXPECT_FALSE(choice) << "refused for want of a table, yet one is free";
            }
          }
        }
      }
    }
  }
  // The worlds are varied enough to exercise both sides.
  EXPECT_GT(offered, 1000);
  EXPECT_GT(refused_for_tables, 100);
}

}  // namespace
}  // namespace maitred::domain
