#include "domain/cover_limits.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "core/time_format.hpp"
#include "domain/time_zone.hpp"

namespace maitred::domain {
namespace {

using std::chrono::minutes;

// Minutes after 2026-06-05T16:00:00Z (18:00 in Copenhagen), as an instant.
core::SystemTime at(int m) {
  return *core::parse_utc("2026-06-05T16:00:00Z") + minutes{m};
}

Booking booking(int start, int people, const std::string& status = "approved") {
  Booking b;
  b.id = "b" + std::to_string(start);
  b.date_time = at(start);
  b.people = people;
  b.status = status;
  return b;
}

// 18:00 to 22:00, start times every `interval` minutes.
OpeningHour dinner(int interval = 30) {
  OpeningHour h;
  h.id = "dinner";
  h.name = "Dinner";
  h.open = 1800;
  h.close = 2200;
  h.seating.interval = interval;
  return h;
}

const ServiceWindow kDinnerWindow{at(0), at(240)};

TEST(CoverCounter, CountsHoldingBookingsStartingInTheWindow) {
  const std::vector<Booking> bookings = {booking(0, 4), booking(10, 2, "seated"), booking(30, 3, "request"),
                                         booking(45, 2, "left"), booking(60, 5, "arrived")};
  const CoverCounter covers(bookings);
  EXPECT_EQ(covers.starting_between(at(0), at(30)), 6);   // the start is in, the end is out
  EXPECT_EQ(covers.starting_between(at(30), at(60)), 5);  // request and left count
  EXPECT_EQ(covers.starting_between(at(0), at(240)), 16);
  EXPECT_EQ(covers.starting_between(at(-60), at(0)), 0);
  EXPECT_EQ(covers.starting_between(at(61), at(240)), 0);
  EXPECT_EQ(covers.starting_between(at(30), at(30)), 0);
}

TEST(CoverCounter, BookingsThatHoldNoTableNeverCount) {
  const std::vector<Booking> bookings = {booking(0, 4, "waitlist"), booking(0, 4, "canceled"),
                                         booking(0, 4, "declined"), booking(0, 4, "no_show"), booking(0, 1)};
  EXPECT_EQ(CoverCounter(bookings).starting_between(at(0), at(240)), 1);
  EXPECT_EQ(CoverCounter(std::span<const Booking>{}).starting_between(at(0), at(240)), 0);
}

TEST(CoverCounter, UnsortedBookingsAreCountedAlike) {
  const std::vector<Booking> bookings = {booking(90, 1), booking(0, 2), booking(60, 4), booking(30, 8)};
  const CoverCounter covers(bookings);
  EXPECT_EQ(covers.starting_between(at(30), at(61)), 12);
  EXPECT_EQ(covers.starting_between(at(0), at(1)), 2);
}

TEST(PacingSlot, AStartCountsInTheSlotItFallsIn) {
  auto slot = pacing_slot(dinner(30), kDinnerWindow, at(70));  // 19:10
  EXPECT_EQ(slot.start, at(60));
  EXPECT_EQ(slot.end, at(90));
  slot = pacing_slot(dinner(30), kDinnerWindow, at(90));  // a slot's first minute
  EXPECT_EQ(slot.start, at(90));
  EXPECT_EQ(slot.end, at(120));
  slot = pacing_slot(dinner(45), kDinnerWindow, at(89));
  EXPECT_EQ(slot.start, at(45));
  EXPECT_EQ(slot.end, at(90));
}

TEST(PacingSlot, AnIntervalUnderFiveMinutesCountsAsFive) {
  const auto slot = pacing_slot(dinner(0), kDinnerWindow, at(12));
  EXPECT_EQ(slot.start, at(10));
  EXPECT_EQ(slot.end, at(15));
}

TEST(PacingSlot, SlotsRunInRealTimeAcrossTheClocksGoingForward) {
  // 2027-03-28 in Copenhagen: 02:00 CET becomes 03:00 CEST. A night service
  // from 00:00 with 45-minute slots: real slots from 23:00Z every 45 minutes,
  // so 03:00 local (01:00Z, 120 real minutes in) counts in the 01:30 slot.
  OpeningHour night = dinner(45);
  night.open = 0;
  night.close = 500;
  const date::year_month_day day{date::year{2027}, date::month{3}, date::day{28}};
  const auto window = service_window("Europe/Copenhagen", day, night);
  const auto three = local_to_utc("Europe/Copenhagen", day, 3 * 60).instant;
  ASSERT_EQ(three - window.start, minutes{120});
  const auto slot = pacing_slot(night, window, three);
  EXPECT_EQ(slot.start, window.start + minutes{90});
  EXPECT_EQ(slot.end, window.start + minutes{135});
}

TEST(CoverLimits, AServiceWithoutLimitsTakesAnyone) {
  const std::vector<Booking> bookings = {booking(0, 100)};
  EXPECT_FALSE(has_cover_limits(dinner()));
  EXPECT_FALSE(cover_limit_hit(CoverCounter(bookings), dinner(), kDinnerWindow, at(0), 1000));
}

TEST(CoverLimits, PacingCountsTheSlot) {
  auto h = dinner(30);
  h.max_people_per_slot = 6;
  EXPECT_TRUE(has_cover_limits(h));
  const std::vector<Booking> bookings = {booking(60, 4), booking(95, 6)};
  const CoverCounter covers(bookings);
  EXPECT_FALSE(cover_limit_hit(covers, h, kDinnerWindow, at(70), 2));  // 4 + 2: exactly full
  const auto hit = cover_limit_hit(covers, h, kDinnerWindow, at(70), 3);
  ASSERT_TRUE(hit);
  EXPECT_EQ(hit->reason, Unavailable::pacing_full);
  EXPECT_EQ(hit->taken, 4);
  EXPECT_EQ(hit->limit, 6);
  EXPECT_FALSE(cover_limit_hit(covers, h, kDinnerWindow, at(30), 6));  // the 18:30 slot is empty
}

TEST(CoverLimits, TheServiceLimitCountsTheWholeService) {
  auto h = dinner();
  h.max_people = 10;
  const std::vector<Booking> bookings = {booking(-30, 20), booking(0, 4), booking(230, 4), booking(240, 20)};
  const CoverCounter covers(bookings);
  EXPECT_FALSE(cover_limit_hit(covers, h, kDinnerWindow, at(120), 2));
  const auto hit = cover_limit_hit(covers, h, kDinnerWindow, at(120), 3);
  ASSERT_TRUE(hit);
  EXPECT_EQ(hit->reason, Unavailable::service_full);
  EXPECT_EQ(hit->taken, 8);
  EXPECT_EQ(hit->limit, 10);
}

TEST(CoverLimits, PacingIsCheckedBeforeTheService) {
  auto h = dinner();
  h.max_people = 4;
  h.max_people_per_slot = 4;
  const std::vector<Booking> bookings = {booking(0, 4)};
  const auto hit = cover_limit_hit(CoverCounter(bookings), h, kDinnerWindow, at(0), 1);
  ASSERT_TRUE(hit);
  EXPECT_EQ(hit->reason, Unavailable::pacing_full);
  EXPECT_EQ(cover_limit_hit(CoverCounter(bookings), h, kDinnerWindow, at(60), 1)->reason, Unavailable::service_full);
}

}  // namespace
}  // namespace maitred::domain
