#include "domain/availability.hpp"
#include "domain/calendar.hpp"
#include "domain/seating.hpp"
#include "domain/time_zone.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <string>
#include <vector>

#include "core/time_format.hpp"

namespace maitred::domain {
namespace {

using namespace std::chrono_literals;
using date::year_month_day;

// Dates used below (Europe/Copenhagen is UTC+2 in summer, UTC+1 in winter):
// 2026-06-01 Monday ... 2026-06-05 Friday, 2026-06-06 Saturday, 2026-06-07 Sunday.
// 2027-03-28 Sunday: clocks go 02:00 CET -> 03:00 CEST.
// 2026-10-25 Sunday: clocks go 03:00 CEST -> 02:00 CET.

year_month_day ymd(int y, unsigned m, unsigned d) {
  return year_month_day{date::year{y}, date::month{m}, date::day{d}};
}

core::SystemTime utc(std::string_view text) {
  auto t = core::parse_utc(text);
  EXPECT_TRUE(t) << text;
  return t.value_or(core::SystemTime{});
}

std::string text(core::SystemTime t) {
  return core::format_utc(t);
}

std::string hhmm(int minutes) {
  auto two = [](int n) { return std::string(n < 10 ? "0" : "") + std::to_string(n); };
  return two(minutes / 60) + ":" + two(minutes % 60);
}

// "17:00" for a bookable slot, "17:00 too_soon" for one that is not.
std::vector<std::string> describe(const ServiceSlots& service) {
  std::vector<std::string> out;
  for (const auto& s : service.slots) {
    std::string line = hhmm(s.minutes);
    if (s.unavailable) line += " " + std::string(reason_code(*s.unavailable));
    out.push_back(line);
  }
  return out;
}

std::vector<std::string> start_times(const ServiceSlots& service) {
  std::vector<std::string> out;
  for (const auto& s : service.slots) out.push_back(hhmm(s.minutes));
  return out;
}

// Every `step` minutes from `from` to `to` (inclusive), "HH:MM" with an optional suffix.
std::vector<std::string> every(int from, int to, int step, const std::string& suffix = "") {
  std::vector<std::string> out;
  for (int m = from; m <= to; m += step) out.push_back(hhmm(m) + suffix);
  return out;
}

std::vector<std::string> concat(std::vector<std::string> a, const std::vector<std::string>& b) {
  a.insert(a.end(), b.begin(), b.end());
  return a;
}

constexpr int H(int h, int m = 0) {
  return h * 60 + m;
}

OpeningHour weekly(const std::string& id, int weekday, int open, int close, int interval = 15) {
  OpeningHour h;
  h.id = id;
  h.name = id;
  h.day = weekday;
  h.open = open;
  h.close = close;
  h.seating.interval = interval;
  return h;
}

OpeningHour special(const std::string& id, const std::string& date, bool is_open, int open = 1200, int close = 1500,
                    const std::string& to_date = "") {
  OpeningHour h;
  h.id = id;
  h.name = id;
  h.special = true;
  h.date = date;
  h.to_date = to_date;
  h.is_open = is_open;
  h.open = open;
  h.close = close;
  return h;
}

Table table(const std::string& id, int seats_min, int seats_max, const std::string& area = "in", int priority = 0,
            bool online = true) {
  Table t;
  t.id = id;
  t.name = id;
  t.seats_min = seats_min;
  t.seats_max = seats_max;
  t.area_id = area;
  t.priority = priority;
  t.bookable_online = online;
  return t;
}

TableCombination combination(const std::string& id, const std::string& name, std::vector<std::string> tables,
                             int seats_min, int seats_max, bool online = true) {
  TableCombination c;
  c.id = id;
  c.name = name;
  c.table_ids = std::move(tables);
  c.seats_min = seats_min;
  c.seats_max = seats_max;
  c.bookable_online = online;
  return c;
}

Booking booking(const std::string& id, core::SystemTime start, int people, const std::string& status,
                std::vector<std::string> tables = {}, int duration = 90) {
  Booking b;
  b.id = id;
  b.restaurant_id = "r1";
  b.date_time = start;
  b.people = people;
  b.duration = duration;
  b.status = status;
  for (const auto& t : tables) b.tables.push_back(BookedTable{t, t, "in", "Inside"});
  return b;
}

std::vector<std::string> ids(const std::vector<const OpeningHour*>& hours) {
  std::vector<std::string> out;
  for (const auto* h : hours) out.push_back(h->id);
  return out;
}

std::vector<std::string> ids(const std::vector<ServiceSlots>& services) {
  std::vector<std::string> out;
  for (const auto& s : services) out.push_back(s.service->id);
  return out;
}

// A restaurant in Copenhagen with the default booking rules and, unless a
// test says otherwise, one table big enough for every party.
struct World {
  Restaurant restaurant;
  std::vector<OpeningHour> hours;
  std::vector<Area> areas{{"in", "Inside", "", 0}, {"out", "Terrace", "", 1}};
  std::vector<Table> tables{table("Big", 1, 20)};
  std::vector<TableCombination> combinations;
  std::vector<Booking> bookings;
  // Monday 2026-06-01 10:00 local.
  core::SystemTime now = utc("2026-06-01T08:00:00Z");

  World() {
    restaurant.id = "r1";
    restaurant.name = "Maitred";
    restaurant.timezone = "Europe/Copenhagen";
  }

  RestaurantSnapshot snapshot() const { return {restaurant, hours, areas, tables, combinations, bookings}; }

  std::vector<ServiceSlots> times(year_month_day day, int people, bool online = true, const std::string& hour_id = "",
                                  const std::string& area_id = "") const {
    AvailabilityRequest r;
    r.day = day;
    r.people = people;
    r.only_bookable_online = online;
    r.opening_hour_id = hour_id;
    r.area_id = area_id;
    return available_times(snapshot(), r, now);
  }

  std::optional<TableChoice> choose(int people, core::SystemTime start, int duration = 90, bool online = true,
                                    const std::string& area_id = "",
                                    const std::vector<std::string>& service_areas = {}) const {
    return choose_tables(snapshot(), people, start, duration, online, area_id, service_areas);
  }

  std::string chosen(int people, core::SystemTime start, int duration = 90, bool online = true,
                     const std::string& area_id = "", const std::vector<std::string>& service_areas = {}) const {
    auto c = choose(people, start, duration, online, area_id, service_areas);
    return c ? c->name : "none";
  }
};

// --- services_on -------------------------------------------------------------

TEST(AvailabilityServices, RecurringServicesByIsoWeekday) {
  std::vector<OpeningHour> hours{weekly("mon", 1, 1700, 2200), weekly("fri-lunch", 5, 1130, 1430),
                                 weekly("fri-dinner", 5, 1730, 2200), weekly("sun", 7, 1200, 1600)};
  EXPECT_EQ(ids(services_on(hours, ymd(2026, 6, 1))), (std::vector<std::string>{"mon"}));
  EXPECT_EQ(ids(services_on(hours, ymd(2026, 6, 2))), (std::vector<std::string>{}));
  EXPECT_EQ(ids(services_on(hours, ymd(2026, 6, 5))), (std::vector<std::string>{"fri-lunch", "fri-dinner"}));
  EXPECT_EQ(ids(services_on(hours, ymd(2026, 6, 6))), (std::vector<std::string>{}));
  EXPECT_EQ(ids(services_on(hours, ymd(2026, 6, 7))), (std::vector<std::string>{"sun"}));
  EXPECT_EQ(ids(services_on(hours, ymd(2026, 6, 8))), (std::vector<std::string>{"mon"}));
}

TEST(AvailabilityServices, SpecialOpenDayReplacesTheWeekdaysServices) {
  std::vector<OpeningHour> hours{weekly("fri-lunch", 5, 1130, 1430), weekly("fri-dinner", 5, 1730, 2200),
                                 special("xmas-brunch", "2026-06-05", true, 1000, 1400),
                                 special("xmas-dinner", "2026-06-05", true, 1800, 2300)};
  EXPECT_EQ(ids(services_on(hours, ymd(2026, 6, 5))), (std::vector<std::string>{"xmas-brunch", "xmas-dinner"}));
  // The next Friday is an ordinary one again.
  EXPECT_EQ(ids(services_on(hours, ymd(2026, 6, 12))), (std::vector<std::string>{"fri-lunch", "fri-dinner"}));
}

TEST(AvailabilityServices, SpecialOpenDayOnAWeekdayWithoutServices) {
  std::vector<OpeningHour> hours{weekly("fri", 5, 1730, 2200), special("pop-up", "2026-06-02", true, 1800, 2200)};
  EXPECT_EQ(ids(services_on(hours, ymd(2026, 6, 2))), (std::vector<std::string>{"pop-up"}));
}

TEST(AvailabilityServices, SpecialClosedDayHasNoServices) {
  std::vector<OpeningHour> hours{weekly("fri", 5, 1730, 2200), special("closed", "2026-06-05", false)};
  EXPECT_TRUE(services_on(hours, ymd(2026, 6, 5)).empty());
  EXPECT_EQ(ids(services_on(hours, ymd(2026, 6, 12))), (std::vector<std::string>{"fri"}));
}

TEST(AvailabilityServices, ClosedSpecialWinsOverAnOpenSpecialInEitherOrder) {
  std::vector<OpeningHour> open_first{weekly("fri", 5, 1730, 2200), special("open", "2026-06-05", true),
                                      special("closed", "2026-06-05", false)};
  std::vector<OpeningHour> closed_first{weekly("fri", 5, 1730, 2200), special("closed", "2026-06-05", false),
                                        special("open", "2026-06-05", true)};
  EXPECT_TRUE(services_on(open_first, ymd(2026, 6, 5)).empty());
  EXPECT_TRUE(services_on(closed_first, ymd(2026, 6, 5)).empty());
}

TEST(AvailabilityServices, ClosureRangeClosesEveryDayInsideAndNotTheDayAfter) {
  std::vector<OpeningHour> hours;
  for (int d = 1; d <= 7; ++d) hours.push_back(weekly("day" + std::to_string(d), d, 1700, 2200));
  hours.push_back(special("holiday", "2026-06-03", false, 1200, 1500, "2026-06-05"));
  EXPECT_EQ(ids(services_on(hours, ymd(2026, 6, 2))), (std::vector<std::string>{"day2"}));
  EXPECT_TRUE(services_on(hours, ymd(2026, 6, 3)).empty());
  EXPECT_TRUE(services_on(hours, ymd(2026, 6, 4)).empty());
  EXPECT_TRUE(services_on(hours, ymd(2026, 6, 5)).empty());
  EXPECT_EQ(ids(services_on(hours, ymd(2026, 6, 6))), (std::vector<std::string>{"day6"}));
}

TEST(AvailabilityServices, ClosureRangeAcrossAMonthEnd) {
  std::vector<OpeningHour> hours;
  for (int d = 1; d <= 7; ++d) hours.push_back(weekly("day" + std::to_string(d), d, 1700, 2200));
  hours.push_back(special("holiday", "2026-06-29", false, 1200, 1500, "2026-07-02"));
  EXPECT_EQ(services_on(hours, ymd(2026, 6, 28)).size(), 1u);
  EXPECT_TRUE(services_on(hours, ymd(2026, 6, 30)).empty());
  EXPECT_TRUE(services_on(hours, ymd(2026, 7, 1)).empty());
  EXPECT_TRUE(services_on(hours, ymd(2026, 7, 2)).empty());
  EXPECT_EQ(services_on(hours, ymd(2026, 7, 3)).size(), 1u);
}

TEST(AvailabilityServices, DeletedEntriesAreIgnored) {
  auto gone = weekly("fri-old", 5, 1100, 1400);
  gone.deleted = true;
  auto gone_closed = special("closed-old", "2026-06-05", false);
  gone_closed.deleted = true;
  auto gone_special = special("special-old", "2026-06-12", true, 1000, 1200);
  gone_special.deleted = true;
  std::vector<OpeningHour> hours{gone, weekly("fri", 5, 1730, 2200), gone_closed, gone_special};
  EXPECT_EQ(ids(services_on(hours, ymd(2026, 6, 5))), (std::vector<std::string>{"fri"}));
  EXPECT_EQ(ids(services_on(hours, ymd(2026, 6, 12))), (std::vector<std::string>{"fri"}));
}

// --- start times ---------------------------------------------------------------

TEST(AvailabilitySlots, FromOpenEveryIntervalUntilTheBookingEndsByClose) {
  World w;
  w.hours = {weekly("fri", 5, 1700, 2100, 30)};
  // Party of 2: 90 minutes, last start 19:30.
  auto two = w.times(ymd(2026, 6, 5), 2);
  ASSERT_EQ(two.size(), 1u);
  EXPECT_EQ(two[0].service, &w.hours[0]);
  EXPECT_EQ(describe(two[0]), every(H(17), H(19, 30), 30));
  // 3-4: 120 minutes, last start 19:00; 5-8: 150 minutes, last 18:30.
  EXPECT_EQ(start_times(w.times(ymd(2026, 6, 5), 4)[0]), every(H(17), H(19), 30));
  EXPECT_EQ(start_times(w.times(ymd(2026, 6, 5), 3)[0]), every(H(17), H(19), 30));
  EXPECT_EQ(start_times(w.times(ymd(2026, 6, 5), 5)[0]), every(H(17), H(18, 30), 30));
  EXPECT_EQ(start_times(w.times(ymd(2026, 6, 5), 8)[0]), every(H(17), H(18, 30), 30));
  // 9+: 180 minutes, last 18:00 (staff only: online stops at 8).
  EXPECT_EQ(describe(w.times(ymd(2026, 6, 5), 9, false)[0]), every(H(17), H(18), 30));
}

TEST(AvailabilitySlots, SlotCarriesDateLocalMinutesAndUtcInstant) {
  World w;
  w.hours = {weekly("fri", 5, 1700, 2100, 30)};
  auto out = w.times(ymd(2026, 6, 5), 2);
  ASSERT_EQ(out.size(), 1u);
  ASSERT_FALSE(out[0].slots.empty());
  const auto& first = out[0].slots.front();
  EXPECT_EQ(first.date, "2026-06-05");
  EXPECT_EQ(first.minutes, H(17));
  EXPECT_EQ(text(first.start), "2026-06-05T15:00:00Z");
  const auto& last = out[0].slots.back();
  EXPECT_EQ(last.minutes, H(19, 30));
  EXPECT_EQ(text(last.start), "2026-06-05T17:30:00Z");
}

TEST(AvailabilitySlots, IntervalThatDoesNotDivideTheServiceStopsAtTheLastFittingStart) {
  World w;
  w.hours = {weekly("fri", 5, 1700, 1900, 20)};
  // 17:40 + 90 = 19:10 is past close.
  EXPECT_EQ(start_times(w.times(ymd(2026, 6, 5), 2)[0]), (std::vector<std::string>{"17:00", "17:20"}));
}

TEST(AvailabilitySlots, ServiceShorterThanTheDurationHasNoStartsButIsListed) {
  World w;
  w.hours = {weekly("fri", 5, 1700, 1800)};
  auto out = w.times(ymd(2026, 6, 5), 2);
  ASSERT_EQ(out.size(), 1u);
  EXPECT_TRUE(out[0].slots.empty());
}

TEST(AvailabilitySlots, UsesTheServicesSeatingIntervalNotTheRestaurantDefault) {
  World w;
  w.restaurant.booking_rules.slot_interval = 15;
  w.hours = {weekly("fri", 5, 1700, 1930, 45)};
  EXPECT_EQ(start_times(w.times(ymd(2026, 6, 5), 2)[0]), (std::vector<std::string>{"17:00", "17:45"}));
}

TEST(AvailabilitySlots, ZeroIntervalIsTreatedAsFiveMinutes) {
  World w;
  w.hours = {weekly("fri", 5, 1700, 1845, 0)};
  EXPECT_EQ(start_times(w.times(ymd(2026, 6, 5), 2)[0]), every(H(17), H(17, 15), 5));
}

TEST(AvailabilitySlots, DayWithoutServicesIsEmpty) {
  World w;
  w.hours = {weekly("fri", 5, 1700, 2100)};
  EXPECT_TRUE(w.times(ymd(2026, 6, 4), 2).empty());
}

TEST(AvailabilitySlots, ServicePastMidnightEndsItsOwnDayAtTheLastFittingStart) {
  World w;
  w.hours = {weekly("fri-late", 5, 1730, 30), weekly("sat", 6, 1200, 1500)};
  auto friday = w.times(ymd(2026, 6, 5), 2);
  ASSERT_EQ(ids(friday), (std::vector<std::string>{"fri-late"}));
  // 23:00 + 90 = 00:30.
  EXPECT_EQ(describe(friday[0]), every(H(17, 30), H(23), 15));
  for (const auto& s : friday[0].slots) EXPECT_EQ(s.date, "2026-06-05");
  EXPECT_EQ(text(friday[0].slots.back().start), "2026-06-05T21:00:00Z");
  // Nothing starts after midnight, so Saturday shows only its own service.
  auto saturday = w.times(ymd(2026, 6, 6), 2);
  EXPECT_EQ(ids(saturday), (std::vector<std::string>{"sat"}));
}

TEST(AvailabilitySlots, AfterMidnightStartsBelongToTheNextDate) {
  World w;
  w.restaurant.booking_rules.durations = {{1, 1000, 30}};
  w.hours = {weekly("fri-late", 5, 1730, 100), weekly("sat", 6, 1200, 1300, 30)};
  // Friday lists the starts up to 23:45 only.
  auto friday = w.times(ymd(2026, 6, 5), 2);
  ASSERT_EQ(ids(friday), (std::vector<std::string>{"fri-late"}));
  EXPECT_EQ(describe(friday[0]), every(H(17, 30), H(23, 45), 15));
  // Saturday: Friday's service with its after-midnight starts, then Saturday's own.
  auto saturday = w.times(ymd(2026, 6, 6), 2);
  ASSERT_EQ(ids(saturday), (std::vector<std::string>{"fri-late", "sat"}));
  EXPECT_EQ(saturday[0].service, &w.hours[0]);
  EXPECT_EQ(describe(saturday[0]), (std::vector<std::string>{"00:00", "00:15", "00:30"}));
  for (const auto& s : saturday[0].slots) EXPECT_EQ(s.date, "2026-06-06");
  EXPECT_EQ(text(saturday[0].slots[0].start), "2026-06-05T22:00:00Z");
  EXPECT_EQ(text(saturday[0].slots[2].start), "2026-06-05T22:30:00Z");
  EXPECT_EQ(describe(saturday[1]), (std::vector<std::string>{"12:00", "12:30"}));
  // Two days later nothing of Friday's remains.
  EXPECT_TRUE(w.times(ymd(2026, 6, 7), 2).empty());
}

TEST(AvailabilitySlots, AfterMidnightStartsOfAClosedPreviousDayAreNotOffered) {
  World w;
  w.restaurant.booking_rules.durations = {{1, 1000, 30}};
  w.hours = {weekly("fri-late", 5, 1730, 100), special("closed", "2026-06-05", false)};
  EXPECT_TRUE(w.times(ymd(2026, 6, 6), 2).empty());
}

TEST(AvailabilitySlots, OpeningHourFilterPicksOneService) {
  World w;
  w.hours = {weekly("fri-lunch", 5, 1130, 1430, 30), weekly("fri-dinner", 5, 1730, 2200, 30)};
  EXPECT_EQ(ids(w.times(ymd(2026, 6, 5), 2)), (std::vector<std::string>{"fri-lunch", "fri-dinner"}));
  auto dinner = w.times(ymd(2026, 6, 5), 2, true, "fri-dinner");
  ASSERT_EQ(ids(dinner), (std::vector<std::string>{"fri-dinner"}));
  EXPECT_EQ(start_times(dinner[0]), every(H(17, 30), H(20, 30), 30));
  EXPECT_TRUE(w.times(ymd(2026, 6, 5), 2, true, "no-such-service").empty());
}

TEST(AvailabilitySlots, OpeningHourFilterAppliesToThePreviousDaysService) {
  World w;
  w.restaurant.booking_rules.durations = {{1, 1000, 30}};
  w.hours = {weekly("fri-late", 5, 1730, 100), weekly("sat", 6, 1200, 1300, 30)};
  EXPECT_EQ(ids(w.times(ymd(2026, 6, 6), 2, true, "sat")), (std::vector<std::string>{"sat"}));
  EXPECT_EQ(ids(w.times(ymd(2026, 6, 6), 2, true, "fri-late")), (std::vector<std::string>{"fri-late"}));
}

// --- daylight saving ---------------------------------------------------------

TEST(AvailabilityDst, SpringForwardSkipsTheMissingHour) {
  World w;
  w.now = utc("2027-03-01T12:00:00Z");
  w.restaurant.booking_rules.durations = {{1, 1000, 30}};
  w.hours = {weekly("night", 7, 100, 400)};
  auto out = w.times(ymd(2027, 3, 28), 2);
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(describe(out[0]),
            (std::vector<std::string>{"01:00", "01:15", "01:30", "01:45", "03:00", "03:15", "03:30"}));
  EXPECT_EQ(text(out[0].slots[0].start), "2027-03-28T00:00:00Z");  // CET
  EXPECT_EQ(text(out[0].slots[3].start), "2027-03-28T00:45:00Z");
  EXPECT_EQ(text(out[0].slots[4].start), "2027-03-28T01:00:00Z");  // CEST
  EXPECT_EQ(text(out[0].slots[6].start), "2027-03-28T01:30:00Z");
}

TEST(AvailabilityDst, SpringForwardLastStartEndsByCloseInRealTime) {
  World w;
  w.now = utc("2027-03-01T12:00:00Z");
  w.hours = {weekly("night", 7, 100, 400)};
  auto out = w.times(ymd(2027, 3, 28), 2);
  ASSERT_EQ(out.size(), 1u);
  // Close is 04:00 CEST = 02:00Z. 01:30 CET (00:30Z) + 90 min ends exactly at
  // close; 01:45 CET (00:45Z) + 90 min ends at 02:15Z = 04:15 CEST, after close.
  // Regression (fixed): the last-start rule is applied on the wall clock (01:45 + 90 = 03:15
  // "local"), ignoring the lost hour, so 01:45 is offered although the
  // booking would end 15 minutes after close.
  EXPECT_EQ(start_times(out[0]), (std::vector<std::string>{"01:00", "01:15", "01:30"}));
}

TEST(AvailabilityDst, FallBackOffersTheRepeatedHourOnceAtItsFirstOccurrence) {
  World w;
  w.now = utc("2026-10-01T12:00:00Z");
  w.restaurant.booking_rules.durations = {{1, 1000, 30}};
  w.hours = {weekly("night", 7, 100, 400)};
  auto out = w.times(ymd(2026, 10, 25), 2);
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(describe(out[0]), every(H(1), H(3, 30), 15));
  ASSERT_EQ(out[0].slots.size(), 11u);
  EXPECT_EQ(text(out[0].slots[0].start), "2026-10-24T23:00:00Z");  // 01:00 CEST
  EXPECT_EQ(text(out[0].slots[4].start), "2026-10-25T00:00:00Z");  // 02:00, first (CEST)
  EXPECT_EQ(text(out[0].slots[7].start), "2026-10-25T00:45:00Z");  // 02:45, first (CEST)
  EXPECT_EQ(text(out[0].slots[8].start), "2026-10-25T02:00:00Z");  // 03:00 CET
  EXPECT_EQ(text(out[0].slots[10].start), "2026-10-25T02:30:00Z");
  for (std::size_t i = 1; i < out[0].slots.size(); ++i) EXPECT_LT(out[0].slots[i - 1].start, out[0].slots[i].start);
}

TEST(AvailabilityDst, ServiceCrossingMidnightIntoSpringForward) {
  World w;
  w.now = utc("2027-03-01T12:00:00Z");
  w.restaurant.booking_rules.durations = {{1, 1000, 30}};
  // Saturday 2027-03-27 22:00 until 04:00 on Sunday.
  w.hours = {weekly("late", 6, 2200, 400, 30)};
  auto sunday = w.times(ymd(2027, 3, 28), 2);
  ASSERT_EQ(ids(sunday), (std::vector<std::string>{"late"}));
  EXPECT_EQ(start_times(sunday[0]), (std::vector<std::string>{"00:00", "00:30", "01:00", "01:30", "03:00", "03:30"}));
  for (const auto& s : sunday[0].slots) EXPECT_EQ(s.date, "2027-03-28");
  EXPECT_EQ(text(sunday[0].slots[3].start), "2027-03-28T00:30:00Z");
  EXPECT_EQ(text(sunday[0].slots[4].start), "2027-03-28T01:00:00Z");
}

// New York changes at 02:00 local: 2027-03-14 (02:00 EST -> 03:00 EDT) and
// 2026-11-01 (02:00 EDT -> 01:00 EST, so 01:00-01:59 happens twice).
TEST(AvailabilityDst, NewYorkSpringForwardSkipsTwoOClock) {
  World w;
  w.restaurant.timezone = "America/New_York";
  w.now = utc("2027-03-01T12:00:00Z");
  w.restaurant.booking_rules.durations = {{1, 1000, 30}};
  w.hours = {weekly("night", 7, 100, 400, 30)};
  auto out = w.times(ymd(2027, 3, 14), 2);
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(start_times(out[0]), (std::vector<std::string>{"01:00", "01:30", "03:00", "03:30"}));
  EXPECT_EQ(text(out[0].slots[1].start), "2027-03-14T06:30:00Z");  // EST
  EXPECT_EQ(text(out[0].slots[2].start), "2027-03-14T07:00:00Z");  // EDT
}

TEST(AvailabilityDst, NewYorkFallBackOffersOneOClockOnce) {
  World w;
  w.restaurant.timezone = "America/New_York";
  w.now = utc("2026-10-01T12:00:00Z");
  w.restaurant.booking_rules.durations = {{1, 1000, 30}};
  w.hours = {weekly("night", 7, 0, 300, 30)};
  auto out = w.times(ymd(2026, 11, 1), 2);
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(start_times(out[0]), every(H(0), H(2, 30), 30));
  EXPECT_EQ(text(out[0].slots[2].start), "2026-11-01T05:00:00Z");  // 01:00, first (EDT)
  EXPECT_EQ(text(out[0].slots[3].start), "2026-11-01T05:30:00Z");  // 01:30, first (EDT)
  EXPECT_EQ(text(out[0].slots[4].start), "2026-11-01T07:00:00Z");  // 02:00 EST
}

// A dinner from 18:00 to 01:00 on both change days and the days around
// them: its after-midnight starts belong to the next date, and its instants
// follow the offset of their own moment.
TEST(AvailabilityDst, DinnerFromSixToOneAroundTheChangeDays) {
  for (const auto* zone : {"Europe/Copenhagen", "America/New_York"}) {
    World w;
    w.restaurant.timezone = zone;
    w.now = utc("2026-09-01T12:00:00Z");
    w.restaurant.booking_rules.max_days_ahead = 730;
    w.restaurant.booking_rules.durations = {{1, 1000, 60}};
    for (int day = 1; day <= 7; ++day) w.hours.push_back(weekly("dinner" + std::to_string(day), day, 1800, 100, 30));
    for (auto day : {ymd(2026, 10, 25), ymd(2026, 11, 1), ymd(2027, 3, 14), ymd(2027, 3, 28)}) {
      auto out = w.times(day, 2);
      // The night before's after-midnight start (00:00) first, then the
      // evening: 18:00 .. 00:00 would end at 01:00, so 18:00 .. 23:30 and
      // the next date's 00:00 belongs to tomorrow.
      ASSERT_EQ(out.size(), 2u) << zone << " " << date::format("%F", day);
      EXPECT_EQ(start_times(out[0]), (std::vector<std::string>{"00:00"})) << zone;
      EXPECT_EQ(start_times(out[1]), every(H(18), H(23, 30), 30)) << zone;
      for (std::size_t i = 1; i < out[1].slots.size(); ++i) {
        EXPECT_EQ(out[1].slots[i].start - out[1].slots[i - 1].start, 30min) << zone;
      }
      const auto local = local_to_utc(zone, day, H(18)).instant;
      EXPECT_EQ(out[1].slots[0].start, local) << zone;
    }
  }
}

// --- reasons -------------------------------------------------------------------

TEST(AvailabilityReasons, TooSoonWithinTheMinimumNotice) {
  World w;
  w.hours = {weekly("fri", 5, 1600, 1900)};
  w.now = utc("2026-06-05T14:00:00Z");  // 16:00 local: earliest start 17:00
  auto out = w.times(ymd(2026, 6, 5), 2);
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(describe(out[0]), concat(every(H(16), H(16, 45), 15, " too_soon"), every(H(17), H(17, 30), 15)));
}

TEST(AvailabilityReasons, MinimumNoticeFollowsTheRule) {
  World w;
  w.hours = {weekly("fri", 5, 1600, 1900)};
  w.restaurant.booking_rules.min_notice_minutes = 0;
  w.now = utc("2026-06-05T14:10:00Z");  // 16:10 local
  auto out = w.times(ymd(2026, 6, 5), 2);
  EXPECT_EQ(describe(out[0]), concat({"16:00 too_soon"}, every(H(16, 15), H(17, 30), 15)));
}

TEST(AvailabilityReasons, PastDayIsTooSoon) {
  World w;
  w.hours = {weekly("fri", 5, 1700, 1900)};
  w.now = utc("2026-06-10T08:00:00Z");
  EXPECT_EQ(describe(w.times(ymd(2026, 6, 5), 2)[0]), every(H(17), H(17, 30), 15, " too_soon"));
}

TEST(AvailabilityReasons, TooFarAheadAfterMaxDays) {
  World w;
  for (int d = 1; d <= 7; ++d) w.hours.push_back(weekly("d" + std::to_string(d), d, 1700, 1900, 30));
  // now: 2026-06-01 local; 90 days on is 2026-08-30.
  EXPECT_EQ(describe(w.times(ymd(2026, 8, 30), 2)[0]), (std::vector<std::string>{"17:00", "17:30"}));
  EXPECT_EQ(describe(w.times(ymd(2026, 8, 31), 2)[0]),
            (std::vector<std::string>{"17:00 too_far_ahead", "17:30 too_far_ahead"}));
  w.restaurant.booking_rules.max_days_ahead = 91;
  EXPECT_EQ(describe(w.times(ymd(2026, 8, 31), 2)[0]), (std::vector<std::string>{"17:00", "17:30"}));
}

TEST(AvailabilityReasons, TooFarAheadCountsFromTheRestaurantsLocalToday) {
  World w;
  for (int d = 1; d <= 7; ++d) w.hours.push_back(weekly("d" + std::to_string(d), d, 1700, 1900, 30));
  w.now = utc("2026-06-01T23:30:00Z");  // already 2026-06-02 01:30 in Copenhagen
  EXPECT_EQ(describe(w.times(ymd(2026, 8, 31), 2)[0]), (std::vector<std::string>{"17:00", "17:30"}));
  EXPECT_EQ(describe(w.times(ymd(2026, 9, 1), 2)[0]),
            (std::vector<std::string>{"17:00 too_far_ahead", "17:30 too_far_ahead"}));
}

TEST(AvailabilityReasons, AfterMidnightStartsPastTheLastDayAreTooFarAhead) {
  World w;
  w.restaurant.booking_rules.durations = {{1, 1000, 30}};
  for (int d = 1; d <= 7; ++d) w.hours.push_back(weekly("d" + std::to_string(d), d, 2300, 100, 30));
  auto last = w.times(ymd(2026, 8, 30), 2);
  ASSERT_EQ(last.size(), 2u);  // 08-29's late starts, then 08-30's own
  EXPECT_EQ(describe(last[0]), (std::vector<std::string>{"00:00", "00:30"}));
  EXPECT_EQ(describe(last[1]), (std::vector<std::string>{"23:00", "23:30"}));
  auto after = w.times(ymd(2026, 8, 31), 2);
  ASSERT_EQ(after.size(), 2u);
  EXPECT_EQ(describe(after[0]), (std::vector<std::string>{"00:00 too_far_ahead", "00:30 too_far_ahead"}));
  EXPECT_EQ(describe(after[1]), (std::vector<std::string>{"23:00 too_far_ahead", "23:30 too_far_ahead"}));
}

TEST(AvailabilityReasons, PartyTooLargeOnlineOnly) {
  World w;
  w.hours = {weekly("fri", 5, 1700, 2100, 30)};
  // 8 is the online maximum.
  EXPECT_EQ(describe(w.times(ymd(2026, 6, 5), 8)[0]), every(H(17), H(18, 30), 30));
  EXPECT_EQ(describe(w.times(ymd(2026, 6, 5), 9)[0]), every(H(17), H(18), 30, " party_too_large"));
  EXPECT_EQ(describe(w.times(ymd(2026, 6, 5), 9, false)[0]), every(H(17), H(18), 30));
  w.restaurant.booking_rules.max_online_party_size = 10;
  EXPECT_EQ(describe(w.times(ymd(2026, 6, 5), 9)[0]), every(H(17), H(18), 30));
}

TEST(AvailabilityReasons, PacingCountsHoldingBookingsStartingInTheSlot) {
  World w;
  auto h = weekly("fri", 5, 1800, 2200);
  h.max_people_per_slot = 6;
  w.hours = {h};
  w.bookings = {
      booking("a", utc("2026-06-05T16:00:00Z"), 4, "approved"),  // 18:00
      booking("w", utc("2026-06-05T16:15:00Z"), 6, "waitlist"),  // 18:15, none of these count
      booking("c", utc("2026-06-05T16:15:00Z"), 6, "canceled"),  //
      booking("d", utc("2026-06-05T16:15:00Z"), 6, "declined"),  //
      booking("n", utc("2026-06-05T16:15:00Z"), 6, "no_show"),   //
      booking("s", utc("2026-06-05T16:30:00Z"), 3, "seated"),    // 18:30
      booking("l", utc("2026-06-05T16:40:00Z"), 2, "left"),      // 18:40, in the 18:30 slot
      booking("r", utc("2026-06-05T16:45:00Z"), 2, "arrived"),   // 18:45
      booking("q", utc("2026-06-05T16:50:00Z"), 2, "request"),   // 18:50
      booking("x", utc("2026-06-05T17:00:00Z"), 6, "waitlist"),  // 19:00
  };
  auto three = w.times(ymd(2026, 6, 5), 3);
  ASSERT_EQ(three.size(), 1u);
  // 18:00: 4 + 3 > 6; 18:15: 0 + 3; 18:30: 5 + 3 > 6; 18:45: 4 + 3 > 6.
  EXPECT_EQ(describe(three[0]),
            concat({"18:00 pacing_full", "18:15", "18:30 pacing_full", "18:45 pacing_full"}, every(H(19), H(20), 15)));
  auto two = w.times(ymd(2026, 6, 5), 2);
  // 18:00: 4 + 2 = 6 fits; 18:30: 5 + 2 > 6; 18:45: 4 + 2 = 6 fits.
  EXPECT_EQ(describe(two[0]), concat({"18:00", "18:15", "18:30 pacing_full", "18:45"}, every(H(19), H(20, 30), 15)));
}

TEST(AvailabilityReasons, ServiceFullCountsHoldingBookingsDuringTheService) {
  World w;
  auto h = weekly("fri", 5, 1700, 2200, 30);
  h.max_people = 10;
  w.hours = {h};
  w.bookings = {
      booking("first", utc("2026-06-05T15:00:00Z"), 4, "approved"),    // 17:00, counts
      booking("late", utc("2026-06-05T19:45:00Z"), 4, "request"),      // 21:45, counts
      booking("wait", utc("2026-06-05T17:00:00Z"), 20, "waitlist"),    // holds nothing
      booking("gone", utc("2026-06-05T17:00:00Z"), 20, "canceled"),    // holds nothing
      booking("after", utc("2026-06-05T20:00:00Z"), 20, "approved"),   // 22:00: after close
      booking("before", utc("2026-06-05T14:45:00Z"), 20, "approved"),  // 16:45: before open
  };
  EXPECT_EQ(describe(w.times(ymd(2026, 6, 5), 2)[0]), every(H(17), H(20, 30), 30));
  EXPECT_EQ(describe(w.times(ymd(2026, 6, 5), 3)[0]), every(H(17), H(20), 30, " service_full"));
}

TEST(AvailabilityReasons, ServiceFullOnlyCountsThatDaysService) {
  World w;
  auto h = weekly("fri", 5, 1700, 2200, 30);
  h.max_people = 4;
  auto thu = weekly("thu", 4, 1700, 2200, 30);
  w.hours = {thu, h};
  w.bookings = {booking("thursday", utc("2026-06-04T16:00:00Z"), 4, "approved")};
  auto out = w.times(ymd(2026, 6, 5), 4);
  ASSERT_EQ(ids(out), (std::vector<std::string>{"fri"}));
  EXPECT_EQ(describe(out[0]), every(H(17), H(20), 30));
}

TEST(AvailabilityReasons, NoTableWhenTheOnlyTableIsHeldOrTooSmall) {
  World w;
  w.tables = {table("T2", 1, 2)};
  w.hours = {weekly("fri", 5, 1600, 2200)};
  w.bookings = {booking("b", utc("2026-06-05T16:00:00Z"), 2, "approved", {"T2"}, 90)};  // 18:00-19:30
  auto out = w.times(ymd(2026, 6, 5), 2);
  ASSERT_EQ(out.size(), 1u);
  // 16:45 + 90 = 18:15 overlaps; 16:30 ends as it starts; 19:30 starts as it ends.
  EXPECT_EQ(describe(out[0]), concat(concat(every(H(16), H(16, 30), 15), every(H(16, 45), H(19, 15), 15, " no_table")),
                                     every(H(19, 30), H(20, 30), 15)));
  EXPECT_EQ(describe(w.times(ymd(2026, 6, 5), 3)[0]), every(H(16), H(20), 15, " no_table"));
}

TEST(AvailabilityReasons, FirstApplicableReasonWins) {
  World w;
  auto h = weekly("fri", 5, 1600, 2000, 60);
  h.max_people_per_slot = 2;
  h.max_people = 2;
  w.hours = {h};
  w.tables = {table("T2", 1, 2)};
  w.now = utc("2026-06-05T14:00:00Z");  // 16:00 local
  // too_soon before party_too_large.
  EXPECT_EQ(describe(w.times(ymd(2026, 6, 5), 9)[0]),
            (std::vector<std::string>{"16:00 too_soon", "17:00 party_too_large"}));
  // pacing before service_full before no_table.
  EXPECT_EQ(describe(w.times(ymd(2026, 6, 5), 3)[0]),
            (std::vector<std::string>{"16:00 too_soon", "17:00 pacing_full", "18:00 pacing_full"}));
  h.max_people_per_slot.reset();
  w.hours = {h};
  EXPECT_EQ(describe(w.times(ymd(2026, 6, 5), 3)[0]),
            (std::vector<std::string>{"16:00 too_soon", "17:00 service_full", "18:00 service_full"}));
  h.max_people.reset();
  w.hours = {h};
  EXPECT_EQ(describe(w.times(ymd(2026, 6, 5), 3)[0]),
            (std::vector<std::string>{"16:00 too_soon", "17:00 no_table", "18:00 no_table"}));
}

TEST(AvailabilityReasons, ServiceFullOnFallBackDayCountsTheWholeService) {
  World w;
  w.now = utc("2026-10-01T12:00:00Z");
  w.restaurant.booking_rules.durations = {{1, 1000, 30}};
  auto h = weekly("night", 7, 100, 400, 60);
  h.max_people = 4;
  w.hours = {h};
  // 03:15 CET on 2026-10-25, inside the 01:00-04:00 service (which lasts four
  // real hours that day: 2026-10-24T23:00Z .. 2026-10-25T03:00Z).
  w.bookings = {booking("late", utc("2026-10-25T02:15:00Z"), 4, "approved")};
  // Regression (fixed): service_full measures the service as open + (close - open) on the
  // wall clock (3 h, until 02:00Z), so the 03:15 booking is not counted and
  // every slot is offered, overbooking the service's maxPeople.
  EXPECT_EQ(describe(w.times(ymd(2026, 10, 25), 2)[0]),
            (std::vector<std::string>{"01:00 service_full", "02:00 service_full", "03:00 service_full"}));
}

TEST(AvailabilityReasons, ServiceFullOnSpringForwardDayIgnoresTheNextService) {
  World w;
  w.now = utc("2027-03-01T12:00:00Z");
  w.restaurant.booking_rules.durations = {{1, 1000, 30}};
  auto night = weekly("night", 7, 100, 400, 60);
  night.max_people = 4;
  w.hours = {night, weekly("morning", 7, 400, 800, 60)};
  // 04:30 CEST, in the morning service (the night service ends at 02:00Z).
  w.bookings = {booking("morning", utc("2027-03-28T02:30:00Z"), 4, "approved")};
  auto out = w.times(ymd(2027, 3, 28), 2);
  ASSERT_EQ(ids(out), (std::vector<std::string>{"night", "morning"}));
  // Regression (fixed): the night service's end is taken as 01:00 CET + 180 min = 03:00Z
  // (05:00 CEST), so the morning service's 04:30 booking counts against the
  // night service's maxPeople and 01:00 and 03:00 are reported service_full.
  EXPECT_EQ(describe(out[0]), (std::vector<std::string>{"01:00", "03:00"}));
}

// --- choose_tables -------------------------------------------------------------

const core::SystemTime k18 = utc("2026-06-05T16:00:00Z");  // Friday 18:00 in Copenhagen

TEST(AvailabilityTables, FewestEmptySeatsFirst) {
  World w;
  w.tables = {table("T6", 1, 6), table("T4", 1, 4), table("T2", 1, 2), table("T8", 6, 8)};
  EXPECT_EQ(w.chosen(1, k18), "T2");
  EXPECT_EQ(w.chosen(2, k18), "T2");
  EXPECT_EQ(w.chosen(3, k18), "T4");
  EXPECT_EQ(w.chosen(5, k18), "T6");
  EXPECT_EQ(w.chosen(6, k18), "T6");
  EXPECT_EQ(w.chosen(7, k18), "T8");
  EXPECT_EQ(w.chosen(9, k18), "none");
}

TEST(AvailabilityTables, SeatsMinIsRespected) {
  World w;
  w.tables = {table("T8", 6, 8), table("T4", 3, 4)};
  EXPECT_EQ(w.chosen(2, k18), "none");
  EXPECT_EQ(w.chosen(3, k18), "T4");
  EXPECT_EQ(w.chosen(5, k18), "none");
}

TEST(AvailabilityTables, ReturnsTheTableIdAndNoCombination) {
  World w;
  w.tables = {table("t-42", 1, 4)};
  w.tables[0].name = "Window";
  auto c = w.choose(2, k18);
  ASSERT_TRUE(c);
  EXPECT_EQ(c->table_ids, (std::vector<std::string>{"t-42"}));
  EXPECT_EQ(c->combination_id, "");
  EXPECT_EQ(c->name, "Window");
}

TEST(AvailabilityTables, ThenLowestPriorityThenAreaPriorityThenName) {
  World w;
  // Fewer empty seats beats priority.
  w.tables = {table("T4", 1, 4, "in", 0), table("T2", 1, 2, "in", 9)};
  EXPECT_EQ(w.chosen(2, k18), "T2");
  // Same seats: the lower priority number.
  w.tables = {table("A", 1, 4, "in", 2), table("B", 1, 4, "in", 1)};
  EXPECT_EQ(w.chosen(3, k18), "B");
  // Same seats and priority: the area with the lower bookingPriority.
  w.areas = {{"in", "Inside", "", 3}, {"out", "Terrace", "", 1}};
  w.tables = {table("A", 1, 4, "in", 0), table("B", 1, 4, "out", 0)};
  EXPECT_EQ(w.chosen(3, k18), "B");
  // Priority beats area priority.
  w.tables = {table("A", 1, 4, "in", 0), table("B", 1, 4, "out", 1)};
  EXPECT_EQ(w.chosen(3, k18), "A");
  // All equal: the name.
  w.tables = {table("B", 1, 4, "in", 0), table("A", 1, 4, "in", 0)};
  EXPECT_EQ(w.chosen(3, k18), "A");
}

TEST(AvailabilityTables, BookableOnlineOnlyWhenAsked) {
  World w;
  w.tables = {table("T2", 1, 2, "in", 0, false), table("T4", 1, 4)};
  EXPECT_EQ(w.chosen(2, k18, 90, true), "T4");
  EXPECT_EQ(w.chosen(2, k18, 90, false), "T2");
  w.tables = {table("T2", 1, 2, "in", 0, false)};
  EXPECT_EQ(w.chosen(2, k18, 90, true), "none");
}

TEST(AvailabilityTables, AreaFilterAndServiceAreas) {
  World w;
  w.tables = {table("In2", 1, 2, "in"), table("Out4", 1, 4, "out"), table("Free2", 1, 2, "")};
  EXPECT_EQ(w.chosen(2, k18), "Free2");  // name breaks the tie with In2
  EXPECT_EQ(w.chosen(2, k18, 90, true, "out"), "Out4");
  EXPECT_EQ(w.chosen(2, k18, 90, true, "in"), "In2");
  EXPECT_EQ(w.chosen(2, k18, 90, true, "", {"out"}), "Out4");
  EXPECT_EQ(w.chosen(2, k18, 90, true, "", {"in", "out"}), "In2");
  // Both filters: a table must pass each.
  EXPECT_EQ(w.chosen(2, k18, 90, true, "in", {"out"}), "none");
  EXPECT_EQ(w.chosen(2, k18, 90, true, "terrace-2"), "none");
}

class AvailabilityHoldingStatus : public ::testing::TestWithParam<std::pair<const char*, bool>> {};

TEST_P(AvailabilityHoldingStatus, OverlappingBookingHoldsItsTableOrNot) {
  const auto [status, holds] = GetParam();
  World w;
  w.tables = {table("T2", 1, 2), table("T4", 1, 4)};
  w.bookings = {booking("b", k18, 2, status, {"T2"}, 90)};
  EXPECT_EQ(w.chosen(2, k18 + 30min), holds ? "T4" : "T2") << status;
}

INSTANTIATE_TEST_SUITE_P(Statuses, AvailabilityHoldingStatus,
                         ::testing::Values(std::pair{"request", true}, std::pair{"approved", true},
                                           std::pair{"arrived", true}, std::pair{"seated", true},
                                           std::pair{"left", true}, std::pair{"waitlist", false},
                                           std::pair{"declined", false}, std::pair{"canceled", false},
                                           std::pair{"no_show", false}));

TEST(AvailabilityTables, LeftBookingHoldsUntilTheGuestLeft) {
  World w;
  w.tables = {table("T2", 1, 2), table("T4", 1, 4)};
  auto b = booking("b", k18, 2, "left", {"T2"}, 90);
  b.stamps.left_at = k18 + 45min;
  w.bookings = {b};
  EXPECT_EQ(w.chosen(2, k18 + 30min), "T4");
  EXPECT_EQ(w.chosen(2, k18 + 45min), "T2");
  // Before it started, too: 16:45 + 90 reaches into 18:00..18:45.
  EXPECT_EQ(w.chosen(2, k18 - 75min), "T4");
  EXPECT_EQ(w.chosen(2, k18 - 90min), "T2");
}

TEST(AvailabilityTables, TouchingBookingsDoNotConflict) {
  World w;
  w.tables = {table("T2", 1, 2), table("T4", 1, 4)};
  w.bookings = {booking("b", k18, 2, "approved", {"T2"}, 90)};  // 18:00-19:30
  EXPECT_EQ(w.chosen(2, k18 + 90min), "T2");
  EXPECT_EQ(w.chosen(2, k18 + 89min), "T4");
  EXPECT_EQ(w.chosen(2, k18 - 90min, 90), "T2");
  EXPECT_EQ(w.chosen(2, k18 - 89min, 90), "T4");
  // A longer stay reaches into it.
  EXPECT_EQ(w.chosen(2, k18 - 90min, 91), "T4");
}

TEST(AvailabilityTables, OtherTablesOfABookingAreHeldToo) {
  World w;
  w.tables = {table("T1", 1, 2), table("T2", 1, 2), table("T4", 1, 4)};
  w.bookings = {booking("b", k18, 4, "approved", {"T1", "T2"}, 120)};
  EXPECT_EQ(w.chosen(2, k18 + 60min), "T4");
}

TEST(AvailabilityTables, TurnoverBufferExtendsOccupancyBothWays) {
  World w;
  w.restaurant.booking_rules.turnover_buffer = 15;
  w.tables = {table("T2", 1, 2), table("T4", 1, 4)};
  w.bookings = {booking("b", k18, 2, "approved", {"T2"}, 90)};  // holds 18:00-19:45
  EXPECT_EQ(w.chosen(2, k18 + 90min), "T4");
  EXPECT_EQ(w.chosen(2, k18 + 105min), "T2");
  // The candidate's own buffer: 16:30 + 90 + 15 = 18:15.
  EXPECT_EQ(w.chosen(2, k18 - 90min), "T4");
  EXPECT_EQ(w.chosen(2, k18 - 105min), "T2");
}

TEST(AvailabilityTables, FallsBackToACombinationWhenNoSingleTableFits) {
  World w;
  w.tables = {table("T1", 1, 2), table("T2", 1, 2), table("T3", 1, 2)};
  w.combinations = {combination("c12", "T1 + T2", {"T1", "T2"}, 3, 4)};
  auto c = w.choose(4, k18);
  ASSERT_TRUE(c);
  EXPECT_EQ(c->table_ids, (std::vector<std::string>{"T1", "T2"}));
  EXPECT_EQ(c->combination_id, "c12");
  EXPECT_EQ(c->name, "T1 + T2");
  // Fits a single table: no combination.
  auto single = w.choose(2, k18);
  ASSERT_TRUE(single);
  EXPECT_EQ(single->combination_id, "");
  EXPECT_EQ(single->name, "T1");
  // Outside the combination's seats.
  EXPECT_EQ(w.chosen(5, k18), "none");
}

TEST(AvailabilityTables, SingleTableBeatsACombinationWithFewerEmptySeats) {
  World w;
  w.tables = {table("T1", 1, 2), table("T2", 1, 2), table("T8", 1, 8)};
  w.combinations = {combination("c12", "T1 + T2", {"T1", "T2"}, 3, 4)};
  EXPECT_EQ(w.chosen(4, k18), "T8");
  w.bookings = {booking("b", k18, 8, "approved", {"T8"}, 120)};
  EXPECT_EQ(w.chosen(4, k18), "T1 + T2");
}

TEST(AvailabilityTables, CombinationOnlyWhenAllItsTablesAreFree) {
  World w;
  w.tables = {table("T1", 1, 2), table("T2", 1, 2), table("T3", 1, 2)};
  w.combinations = {combination("c12", "T1 + T2", {"T1", "T2"}, 3, 4),
                    combination("c23", "T2 + T3", {"T2", "T3"}, 3, 4)};
  w.bookings = {booking("b", k18, 2, "approved", {"T1"}, 90)};
  EXPECT_EQ(w.chosen(4, k18), "T2 + T3");
  w.bookings = {booking("b", k18, 2, "approved", {"T2"}, 90)};
  EXPECT_EQ(w.chosen(4, k18), "none");
  // Not held any more once it is canceled.
  w.bookings[0].status = "canceled";
  EXPECT_EQ(w.chosen(4, k18), "T1 + T2");
}

TEST(AvailabilityTables, CombinationRankedByEmptySeatsThenPriority) {
  World w;
  w.tables = {table("T1", 1, 2, "in", 0), table("T2", 1, 2, "in", 0), table("T3", 1, 2, "in", 5),
              table("T4", 1, 2, "in", 0)};
  w.combinations = {combination("c123", "T1 + T2 + T3", {"T1", "T2", "T3"}, 3, 6),
                    combination("c12", "T1 + T2", {"T1", "T2"}, 3, 4)};
  EXPECT_EQ(w.chosen(4, k18), "T1 + T2");
  EXPECT_EQ(w.chosen(5, k18), "T1 + T2 + T3");
  // Same seats: the lower priority (of its tables).
  w.combinations = {combination("a", "T1 + T3", {"T1", "T3"}, 3, 4), combination("b", "T2 + T4", {"T2", "T4"}, 3, 4)};
  EXPECT_EQ(w.chosen(4, k18), "T2 + T4");
}

TEST(AvailabilityTables, CombinationRankedByAreaPriorityLikeTables) {
  World w;
  w.areas = {{"in", "Inside", "", 5}, {"out", "Terrace", "", 1}};
  w.tables = {table("A1", 1, 2, "in"), table("A2", 1, 2, "in"), table("Z1", 1, 2, "out"), table("Z2", 1, 2, "out")};
  w.combinations = {combination("ca", "A1 + A2", {"A1", "A2"}, 3, 4), combination("cz", "Z1 + Z2", {"Z1", "Z2"}, 3, 4)};
  // docs/AVAILABILITY.md: combinations are "ranked the same way" as tables
  // (empty seats, priority, area bookingPriority, name).
  // Regression (fixed): the combination rank is (empty seats, summed table priority, name):
  // the area's bookingPriority is skipped, so "A1 + A2" (area priority 5) wins
  // over "Z1 + Z2" (area priority 1) on its name.
  EXPECT_EQ(w.chosen(4, k18), "Z1 + Z2");
}

TEST(AvailabilityTables, CombinationBookableOnlineAndAreaFilters) {
  World w;
  w.areas = {{"in", "Inside", "", 0}, {"out", "Terrace", "", 0}};
  w.tables = {table("T1", 1, 2, "in"), table("T2", 1, 2, "in"), table("O1", 1, 2, "out"), table("O2", 1, 2, "out")};
  w.combinations = {combination("c12", "T1 + T2", {"T1", "T2"}, 3, 4, false),
                    combination("co", "O1 + O2", {"O1", "O2"}, 3, 4)};
  EXPECT_EQ(w.chosen(4, k18, 90, true), "O1 + O2");
  EXPECT_EQ(w.chosen(4, k18, 90, false), "O1 + O2");  // the name decides
  EXPECT_EQ(w.chosen(4, k18, 90, false, "in"), "T1 + T2");
  EXPECT_EQ(w.chosen(4, k18, 90, true, "in"), "none");
  EXPECT_EQ(w.chosen(4, k18, 90, false, "", {"in"}), "T1 + T2");
}

TEST(AvailabilityTables, CombinationWithAMissingTableIsSkipped) {
  World w;
  w.tables = {table("T1", 1, 2)};
  w.combinations = {combination("c", "T1 + gone", {"T1", "gone"}, 3, 4)};
  EXPECT_EQ(w.chosen(4, k18), "none");
}

// --- request filters through available_times ----------------------------------

TEST(AvailabilityFilters, AreaIdRestrictsTables) {
  World w;
  w.tables = {table("In4", 1, 4, "in"), table("Out2", 1, 2, "out")};
  w.hours = {weekly("fri", 5, 1800, 2000, 60)};
  EXPECT_EQ(describe(w.times(ymd(2026, 6, 5), 3)[0]), (std::vector<std::string>{"18:00"}));
  EXPECT_EQ(describe(w.times(ymd(2026, 6, 5), 3, true, "", "out")[0]), (std::vector<std::string>{"18:00 no_table"}));
  EXPECT_EQ(describe(w.times(ymd(2026, 6, 5), 2, true, "", "out")[0]), (std::vector<std::string>{"18:00"}));
}

TEST(AvailabilityFilters, ServiceAreasRestrictTables) {
  World w;
  w.tables = {table("In4", 1, 4, "in"), table("Out2", 1, 2, "out")};
  auto h = weekly("fri", 5, 1800, 2000, 60);
  h.area_ids = {"out"};
  w.hours = {h};
  EXPECT_EQ(describe(w.times(ymd(2026, 6, 5), 3)[0]), (std::vector<std::string>{"18:00 no_table"}));
  EXPECT_EQ(describe(w.times(ymd(2026, 6, 5), 2)[0]), (std::vector<std::string>{"18:00"}));
}

TEST(AvailabilityFilters, StaffRequestsMayUseTablesNotBookableOnline) {
  World w;
  w.tables = {table("Private", 1, 4, "in", 0, false)};
  w.hours = {weekly("fri", 5, 1800, 2000, 60)};
  EXPECT_EQ(describe(w.times(ymd(2026, 6, 5), 4)[0]), (std::vector<std::string>{"18:00 no_table"}));
  EXPECT_EQ(describe(w.times(ymd(2026, 6, 5), 4, false)[0]), (std::vector<std::string>{"18:00"}));
}

TEST(AvailabilityFilters, AvailabilityUsesThePartysDurationForTables) {
  World w;
  w.tables = {table("T4", 1, 4)};
  w.hours = {weekly("fri", 5, 1600, 2200, 30)};
  // 18:00-19:30 on the only table.
  w.bookings = {booking("b", k18, 2, "approved", {"T4"}, 90)};
  // Party of 4: 120 minutes, so 16:00 (ends 18:00) fits and 16:30 does not.
  EXPECT_EQ(describe(w.times(ymd(2026, 6, 5), 4)[0]),
            concat({"16:00"}, concat(every(H(16, 30), H(19), 30, " no_table"), every(H(19, 30), H(20), 30))));
}

TEST(AvailabilityReasonCodes, AreStable) {
  EXPECT_EQ(reason_code(Unavailable::too_soon), "too_soon");
  EXPECT_EQ(reason_code(Unavailable::too_far_ahead), "too_far_ahead");
  EXPECT_EQ(reason_code(Unavailable::party_too_large), "party_too_large");
  EXPECT_EQ(reason_code(Unavailable::pacing_full), "pacing_full");
  EXPECT_EQ(reason_code(Unavailable::service_full), "service_full");
  EXPECT_EQ(reason_code(Unavailable::no_table), "no_table");
}

// --- check_seating: the check of one booking write ---------------------------

// A booking written by staff for local `date` at `minutes` in Copenhagen,
// with `tables` named or none.
Booking candidate(const std::string& date, int minutes, int people, std::vector<std::string> tables = {},
                  const std::string& status = "approved") {
  const auto start = local_to_utc("Europe/Copenhagen", *parse_iso_date(date), minutes).instant;
  Booking b = booking("new", start, people, status, std::move(tables));
  b.date = date;
  b.time = minutes;
  return b;
}

std::string refusal(const SeatingVerdict& v) {
  return v.refusal ? v.refusal->code : "ok";
}

TEST(AvailabilitySeating, TheStartMustFallInAServiceOfThatDayOrTheNightBefore) {
  World w;
  w.hours = {weekly("dinner", 5, 1800, 2200), weekly("late", 6, 2200, 200)};
  auto s = w.snapshot();
  EXPECT_EQ(refusal(check_seating(s, candidate("2026-06-05", H(18), 2))), "ok");
  EXPECT_EQ(refusal(check_seating(s, candidate("2026-06-05", H(21, 59), 2))), "ok");  // staff: any minute
  EXPECT_EQ(refusal(check_seating(s, candidate("2026-06-05", H(22), 2))), "closed");  // closing time
  EXPECT_EQ(refusal(check_seating(s, candidate("2026-06-05", H(17, 59), 2))), "closed");
  EXPECT_EQ(refusal(check_seating(s, candidate("2026-06-04", H(19), 2))), "closed");  // Thursday
  // Saturday's late service runs into Sunday.
  const auto after_midnight = check_seating(s, candidate("2026-06-07", H(1, 30), 2));
  EXPECT_EQ(refusal(after_midnight), "ok");
  ASSERT_NE(after_midnight.service, nullptr);
  EXPECT_EQ(after_midnight.service->id, "late");
  EXPECT_EQ(check_seating(s, candidate("2026-06-07", H(2), 2)).refusal->field, "time");
}

TEST(AvailabilitySeating, NoTableIsNeededForWhatHoldsNoTable) {
  World w;  // no opening hours at all
  auto s = w.snapshot();
  EXPECT_EQ(refusal(check_seating(s, candidate("2026-06-05", H(19), 2))), "closed");
  for (const char* status : {"waitlist", "declined", "canceled", "no_show"}) {
    const auto v = check_seating(s, candidate("2026-06-05", H(19), 2, {}, status));
    EXPECT_EQ(refusal(v), "ok") << status;
    EXPECT_FALSE(v.assigned) << status;
  }
}

TEST(AvailabilitySeating, PacingCountsTheSlotTheStartFallsIn) {
  World w;
  auto h = weekly("dinner", 5, 1800, 2200, 30);
  h.max_people_per_slot = 6;
  w.hours = {h};
  w.bookings = {booking("a", utc("2026-06-05T17:10:00Z"), 4, "approved"),   // 19:10: the 19:00 slot
                booking("b", utc("2026-06-05T17:00:00Z"), 8, "waitlist"),   // holds nothing
                booking("c", utc("2026-06-05T17:30:00Z"), 6, "canceled")};  // 19:30 slot, holds nothing
  auto s = w.snapshot();
  EXPECT_EQ(refusal(check_seating(s, candidate("2026-06-05", H(19, 20), 2))), "ok");
  EXPECT_EQ(refusal(check_seating(s, candidate("2026-06-05", H(19, 0), 3))), "pacing_full");
  EXPECT_EQ(refusal(check_seating(s, candidate("2026-06-05", H(19, 29), 3))), "pacing_full");
  EXPECT_EQ(refusal(check_seating(s, candidate("2026-06-05", H(19, 30), 6))), "ok");
  EXPECT_EQ(refusal(check_seating(s, candidate("2026-06-05", H(18, 59), 6))), "ok");
}

TEST(AvailabilitySeating, PacingAgreesWithTheBookingFlowWhenTheClocksGoForward) {
  // Sunday 2027-03-28, 00:00 to 05:00, a start every 45 minutes: 02:15 does
  // not exist, and 03:00 CEST is only 120 real minutes after opening, inside
  // the real 90-135 minute slot that 01:30 starts. Both count it there.
  World w;
  auto h = weekly("night", 7, 0, 500, 45);
  h.max_people_per_slot = 4;
  w.hours = {h};
  w.bookings = {booking("a", utc("2027-03-28T00:35:00Z"), 3, "approved")};  // 01:35 CET
  // Staff times (no booking window); two sit 90 minutes, so 03:45 would end after closing.
  auto out = w.times(ymd(2027, 3, 28), 2, false);
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(describe(out[0]), (std::vector<std::string>{"00:00", "00:45", "01:30 pacing_full", "03:00 pacing_full"}));
  auto s = w.snapshot();
  EXPECT_EQ(refusal(check_seating(s, candidate("2027-03-28", H(1, 30), 2))), "pacing_full");
  EXPECT_EQ(refusal(check_seating(s, candidate("2027-03-28", H(3), 2))), "pacing_full");
  EXPECT_EQ(refusal(check_seating(s, candidate("2027-03-28", H(3, 15), 2))), "ok");  // the 135-180 slot
  EXPECT_EQ(refusal(check_seating(s, candidate("2027-03-28", H(3, 45), 2))), "ok");
}

TEST(AvailabilitySeating, ServiceCoversCountTheWholeService) {
  World w;
  auto h = weekly("dinner", 5, 1800, 2200);
  h.max_people = 10;
  w.hours = {weekly("lunch", 5, 1200, 1500), h};
  w.bookings = {booking("a", utc("2026-06-05T16:00:00Z"), 6, "approved"),    // 18:00
                booking("b", utc("2026-06-05T10:00:00Z"), 20, "approved")};  // lunch
  auto s = w.snapshot();
  EXPECT_EQ(refusal(check_seating(s, candidate("2026-06-05", H(21), 4))), "ok");
  const auto full = check_seating(s, candidate("2026-06-05", H(21), 5));
  EXPECT_EQ(refusal(full), "service_full");
  EXPECT_NE(full.refusal->message.find("6 of its 10 covers"), std::string::npos) << full.refusal->message;
}

TEST(AvailabilitySeating, WithoutTablesTheBestFreeSeatingIsChosenInTheServicesAreas) {
  World w;
  auto h = weekly("dinner", 5, 1800, 2200);
  h.area_ids = {"in"};
  w.hours = {h};
  w.tables = {table("T2", 1, 2, "in", 2), table("T4", 2, 4, "in"), table("O2", 1, 2, "out"), table("A", 1, 2, "in"),
              table("B", 1, 2, "in")};
  w.combinations = {combination("ab", "A + B", {"A", "B"}, 3, 4)};
  w.bookings = {booking("x", utc("2026-06-05T17:00:00Z"), 2, "approved", {"A"})};
  auto s = w.snapshot();
  auto two = check_seating(s, candidate("2026-06-05", H(19), 2));
  ASSERT_TRUE(two.assigned);
  EXPECT_EQ(two.assigned->name, "B");  // A is taken, O2 is outside the service's areas
  auto four = check_seating(s, candidate("2026-06-05", H(19), 4));
  ASSERT_TRUE(four.assigned);
  EXPECT_EQ(four.assigned->name, "T4");
  w.bookings.push_back(booking("y", utc("2026-06-05T17:00:00Z"), 4, "approved", {"T4"}));
  // T4 taken; A + B would do but A is taken too.
  const auto none = check_seating(w.snapshot(), candidate("2026-06-05", H(19), 4));
  EXPECT_EQ(refusal(none), "no_table");
  EXPECT_EQ(none.refusal->field, "tables");
  EXPECT_EQ(refusal(check_seating(w.snapshot(), candidate("2026-06-05", H(20, 30), 4))), "ok");  // both end 20:30
}

TEST(AvailabilitySeating, NamedTablesMustSeatThePartyAndBeFree) {
  World w;
  w.hours = {weekly("dinner", 5, 1800, 2200)};
  w.tables = {table("S1", 1, 2), table("S2", 1, 2), table("F1", 2, 4)};
  w.restaurant.booking_rules.turnover_buffer = 15;
  w.bookings = {booking("x", utc("2026-06-05T16:00:00Z"), 2, "approved", {"S1"})};  // 18:00-19:30 (+15)
  auto s = w.snapshot();
  EXPECT_EQ(refusal(check_seating(s, candidate("2026-06-05", H(19), 3, {"S2"}))), "tables_too_small");
  EXPECT_EQ(refusal(check_seating(s, candidate("2026-06-05", H(19), 3, {"S2", "F1"}))), "ok");
  // The turn-over buffer counts: S1 is free from 19:45.
  EXPECT_EQ(refusal(check_seating(s, candidate("2026-06-05", H(19, 40), 2, {"S1"}))), "table_unavailable");
  EXPECT_EQ(refusal(check_seating(s, candidate("2026-06-05", H(19, 45), 2, {"S1"}))), "ok");
  // Named tables are staff's choice: not limited to seatsMin or the service's areas.
  EXPECT_EQ(refusal(check_seating(s, candidate("2026-06-05", H(19), 1, {"F1"}))), "ok");
  EXPECT_FALSE(check_seating(s, candidate("2026-06-05", H(19), 1, {"F1"})).assigned);
}

TEST(AvailabilitySeating, TablesThatMakeUpACombinationSeatWhatItSays) {
  World w;
  w.hours = {weekly("dinner", 5, 1800, 2200)};
  w.tables = {table("S1", 1, 2), table("S2", 1, 2), table("S3", 1, 2)};
  // Joined, S1 and S2 seat five (more than their sum); S2 and S3 three.
  w.combinations = {combination("s12", "S1 + S2", {"S1", "S2"}, 3, 5),
                    combination("s23", "S2 + S3", {"S2", "S3"}, 2, 3)};
  auto s = w.snapshot();
  EXPECT_EQ(refusal(check_seating(s, candidate("2026-06-05", H(19), 5, {"S2", "S1"}))), "ok");
  EXPECT_EQ(refusal(check_seating(s, candidate("2026-06-05", H(19), 6, {"S1", "S2"}))), "tables_too_small");
  EXPECT_EQ(refusal(check_seating(s, candidate("2026-06-05", H(19), 4, {"S2", "S3"}))), "tables_too_small");
  // Not exactly a combination: the tables' own seats add up.
  EXPECT_EQ(refusal(check_seating(s, candidate("2026-06-05", H(19), 6, {"S1", "S2", "S3"}))), "ok");
  EXPECT_EQ(refusal(check_seating(s, candidate("2026-06-05", H(19), 4, {"S1", "S3"}))), "ok");
}

}  // namespace
}  // namespace maitred::domain
