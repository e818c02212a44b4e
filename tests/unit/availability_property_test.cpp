// Properties of the availability engine over many random restaurants: what it
// offers can always be booked without a table conflict and passes the seating
// check a booking write makes (domain/seating.hpp); what it refuses for its
// cover limits the seating check refuses for the same reason; and what it
// refuses for want of a table has no free table. Some worlds put a night
// service across a daylight-saving change, where pacing slots are easiest to
// get wrong.

#include <gtest/gtest.h>

#include <random>

#include "core/ids.hpp"
#include "domain/availability.hpp"
#include "domain/booking_status.hpp"
#include "domain/calendar.hpp"
#include "domain/restaurant_rules.hpp"
#include "domain/seating.hpp"
#include "domain/table_conflicts.hpp"
#include "domain/time_zone.hpp"

namespace maitred::domain {
namespace {

using std::chrono::minutes;

constexpr const char* kZone = "Europe/Copenhagen";

// A plain Friday, and the Saturdays whose nights the clocks go forward
// (2027-03-28, 02:00 -> 03:00) and back (2027-10-31, 03:00 -> 02:00).
constexpr date::year_month_day kServiceDays[] = {
    {date::year{2027}, date::month{1}, date::day{8}},
    {date::year{2027}, date::month{3}, date::day{27}},
    {date::year{2027}, date::month{10}, date::day{30}},
};

date::year_month_day add_days(date::year_month_day day, int n) {
  return date::year_month_day{date::sys_days{day} + date::days{n}};
}

struct World {
  Restaurant restaurant;
  date::year_month_day service_day;
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
  w.restaurant.timezone = kZone;
  w.restaurant.booking_rules.turnover_buffer = pick(0, 2) * 15;
  w.restaurant.booking_rules.min_notice_minutes = 0;
  w.restaurant.booking_rules.max_days_ahead = 730;
  w.service_day = kServiceDays[pick(0, 2)];
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
  OpeningHour h;
  h.id = core::new_id();
  h.day = iso_weekday(w.service_day);
  if (pick(0, 1) == 0) {
    h.name = "Dinner";
    h.open = 1700 + pick(0, 2) * 30;
    h.close = pick(0, 1) ? 2300 : 100;  // sometimes past midnight
  } else {
    h.name = "Night";  // across the clock change on the DST days, with starts well after it
    h.open = 2100 + pick(0, 3) * 30;
    h.close = 400 + pick(0, 3) * 100;
  }
  // 45 and 90 minutes do not divide the hour the clocks jump, so their slots
  // after the jump no longer fall on the wall clock's: a booking flow that
  // counted a slot from each start time, not on the seating check's grid,
  // fails these worlds.
  static constexpr int kIntervals[] = {15, 20, 30, 45, 60, 90};
  h.seating.interval = kIntervals[pick(0, 5)];
  if (pick(0, 2) == 0) h.max_people = pick(10, 40);
  if (pick(0, 1) == 0) h.max_people_per_slot = pick(4, 12);
  if (pick(0, 4) == 0) h.area_ids = {w.areas[0].id};
  w.hours.push_back(h);
  // Existing bookings on random tables at any five minutes of the service,
  // some not holding anything.
  static const std::vector<std::string> statuses = {"request", "approved", "seated", "waitlist", "canceled", "left"};
  const int open = hhmm_to_minutes(h.open);
  const int length = service_length_minutes(h.open, h.close);
  const int booking_count = pick(0, 16);
  for (int i = 0; i < booking_count; ++i) {
    const int start = open + pick(0, length / 5 - 1) * 5;
    const auto day = add_days(w.service_day, start / (24 * 60));
    const auto utc = local_to_utc(kZone, day, start % (24 * 60));
    if (utc.kind == LocalTimeKind::nonexistent) continue;
    Booking b;
    b.id = core::new_id();
    b.restaurant_id = w.restaurant.id;
    b.people = pick(1, 6);
    b.duration = duration_for(w.restaurant.booking_rules, b.people);
    b.status = statuses[static_cast<std::size_t>(pick(0, 5))];
    b.date = format_iso_date(day);
    b.time = start % (24 * 60);
    b.date_time = utc.instant;
    if (b.status == "left") b.stamps.left_at = b.date_time + minutes{pick(10, b.duration)};
    const auto& t = w.tables[static_cast<std::size_t>(pick(0, table_count - 1))];
    b.tables = {{t.id, t.name, t.area_id, ""}};
    // Only consistent worlds: existing bookings never conflict with each other.
    if (find_table_conflict(b, w.bookings, w.restaurant.booking_rules.turnover_buffer)) continue;
    w.bookings.push_back(b);
  }
  return w;
}

// The booking a guest or member of staff would write for `slot`, on `tables`.
Booking booking_for(const World& w, const ServiceSlots& service, const Slot& slot, int people, int duration,
                    const std::vector<std::string>& tables) {
  Booking b;
  b.id = core::new_id();
  b.restaurant_id = w.restaurant.id;
  b.status = "request";
  b.people = people;
  b.duration = duration;
  b.date = slot.date;
  b.time = slot.minutes;
  b.date_time = slot.start;
  b.opening_hour_id = service.service->id;
  for (const auto& id : tables) b.tables.push_back({id, "", "", ""});
  return b;
}

std::string refusal_code(const SeatingVerdict& verdict) {
  return verdict.refusal ? verdict.refusal->code : "ok";
}

TEST(AvailabilityProperties, WhatIsOfferedCanBeBookedAndWhatIsRefusedTheSeatingCheckRefusesToo) {
  std::mt19937 rng(20261126);
  int offered = 0, refused_for_tables = 0, refused_for_covers = 0, dst_offered = 0;
  for (int round = 0; round < 500; ++round) {
    World w = random_world(rng);
    const auto snapshot = w.snapshot();
    const auto now = local_to_utc(kZone, w.service_day, 8 * 60).instant;
    const int buffer = w.restaurant.booking_rules.turnover_buffer;
    const auto window = service_window(kZone, w.service_day, w.hours.front());
    for (const auto day : {w.service_day, add_days(w.service_day, 1)}) {
      for (int people = 1; people <= 9; ++people) {
        for (bool online : {true, false}) {
          AvailabilityRequest request{day, people, online, {}, {}};
          const int duration = duration_for(w.restaurant.booking_rules, people);
          for (const auto& service : available_times(snapshot, request, now)) {
            for (const auto& slot : service.slots) {
              const std::string where = "round " + std::to_string(round) + ", " + slot.date + " " +
                                        format_clock_time(slot.minutes) + ", " + std::to_string(people) +
                                        (online ? " online" : " staff");
              auto choice =
                  choose_tables(snapshot, people, slot.start, duration, online, {}, service.service->area_ids);
              // The seating check of a write that names no tables (staff
              // rules: every table of the service's areas).
              const auto unseated = check_seating(snapshot, booking_for(w, service, slot, people, duration, {}));
              if (!slot.unavailable) {
                ++offered;
                if (w.service_day != kServiceDays[0] && w.hours.front().name == "Night") ++dst_offered;
                ASSERT_TRUE(choice) << where << ": offered but no table";
                const auto b = booking_for(w, service, slot, people, duration, choice->table_ids);
                EXPECT_FALSE(find_table_conflict(b, w.bookings, buffer)) << where << ": offered a table that is taken";
                // The write of what was offered, on the engine's tables, passes.
                EXPECT_EQ(refusal_code(check_seating(snapshot, b)), "ok") << where;
                EXPECT_EQ(refusal_code(unseated), "ok") << where;
                if (!online) {
                  ASSERT_TRUE(unseated.assigned) << where;
                  EXPECT_EQ(unseated.assigned->table_ids, choice->table_ids) << where << ": another table";
                }
                EXPECT_LE(slot.start + minutes{duration}, window.end) << where << ": ends after closing";
              } else if (*slot.unavailable == Unavailable::no_table) {
                ++refused_for_tables;
                EXPECT_FALSE(choice) << where << ": refused for want of a table, yet one is free";
                if (!online) {
                  EXPECT_EQ(refusal_code(unseated), "no_table") << where;
                }
              } else if (*slot.unavailable == Unavailable::pacing_full ||
                         *slot.unavailable == Unavailable::service_full) {
                ++refused_for_covers;
                EXPECT_EQ(refusal_code(unseated), reason_code(*slot.unavailable)) << where;
              }
            }
          }
        }
      }
    }
  }
  // The worlds are varied enough to exercise every side.
  EXPECT_GT(offered, 1000);
  EXPECT_GT(refused_for_tables, 100);
  EXPECT_GT(refused_for_covers, 100);
  EXPECT_GT(dst_offered, 100);
}

}  // namespace
}  // namespace maitred::domain
