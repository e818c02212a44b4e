#include "domain/booking_time.hpp"

#include <gtest/gtest.h>

#include "core/time_format.hpp"
#include "support/domain_error.hpp"

namespace maitred::domain {
namespace {

using test::Thrown;
using test::thrown;

constexpr const char* kZone = "Europe/Copenhagen";

TEST(BookingTime, PlacesALocalDateAndTimeInTheZone) {
  const auto placed = place_in_time(kZone, "2026-06-05", "19:30");
  EXPECT_EQ(placed.date, "2026-06-05");
  EXPECT_EQ(placed.time, 19 * 60 + 30);
  EXPECT_EQ(core::format_utc(placed.instant), "2026-06-05T17:30:00Z");  // summer: UTC+2
  EXPECT_EQ(core::format_utc(place_in_time(kZone, "2026-01-09", "00:00").instant), "2026-01-08T23:00:00Z");
  EXPECT_EQ(core::format_utc(place_in_time("UTC", "2037-12-31", "23:59").instant), "2037-12-31T23:59:00Z");
}

TEST(BookingTime, ATimeThatOccursTwiceMeansTheFirst) {
  // 2026-10-25: clocks go back from 03:00 CEST to 02:00 CET.
  EXPECT_EQ(core::format_utc(place_in_time(kZone, "2026-10-25", "02:30").instant), "2026-10-25T00:30:00Z");
}

TEST(BookingTime, AMalformedDateIsRefused) {
  const Thrown refused{"InvalidInput", "invalid_field", "date", "date format invalid, should be YYYY-MM-DD."};
  for (const char* date : {"", "2026-6-5", "05-06-2026", "2026-02-30", "2026-06-05T19:30"}) {
    EXPECT_EQ(thrown([&] { place_in_time(kZone, date, "19:30"); }), refused) << date;
  }
}

TEST(BookingTime, ADateOutsideTheTimeZoneDataIsRefused) {
  const Thrown refused{"InvalidInput", "invalid_field", "date",
                       "Bookings must be dated from 1900-01-01 to 2037-12-31 (time zone data ends there)."};
  EXPECT_EQ(thrown([] { place_in_time(kZone, "2038-01-01", "19:30"); }), refused);
  EXPECT_EQ(thrown([] { place_in_time(kZone, "1899-12-31", "19:30"); }), refused);
  EXPECT_EQ(thrown([] { place_in_time(kZone, "1900-01-01", "19:30"); }).kind, "none");
}

TEST(BookingTime, AMalformedTimeIsRefused) {
  const Thrown refused{"InvalidInput", "invalid_field", "time", "time format invalid, should be HH:MM."};
  for (const char* time : {"", "7:30", "1930", "24:00", "19:60", "19:30:00"}) {
    EXPECT_EQ(thrown([&] { place_in_time(kZone, "2026-06-05", time); }), refused) << time;
  }
}

TEST(BookingTime, TheDateIsCheckedBeforeTheTime) {
  EXPECT_EQ(thrown([] { place_in_time(kZone, "nope", "nope"); }).field, "date");
}

TEST(BookingTime, ATimeTheClocksSkipIsRefused) {
  // 2027-03-28: clocks go forward from 02:00 CET to 03:00 CEST.
  EXPECT_EQ(thrown([] { place_in_time(kZone, "2027-03-28", "02:30"); }),
            (Thrown{"InvalidInput", "invalid_field", "time",
                    "02:30 does not exist on 2027-03-28 in Europe/Copenhagen: the clocks go forward then."}));
  EXPECT_EQ(core::format_utc(place_in_time(kZone, "2027-03-28", "03:00").instant), "2027-03-28T01:00:00Z");
}

}  // namespace
}  // namespace maitred::domain
