#include "domain/date_time_bounds.hpp"

#include <gtest/gtest.h>

#include <string>

#include "core/time_format.hpp"

namespace maitred::domain {
namespace {

constexpr const char* kCopenhagen = "Europe/Copenhagen";

// The bound as UTC text, or "nullopt".
std::string bound(std::string_view text, Bound b, std::string_view zone = kCopenhagen) {
  auto t = parse_date_time_bound(text, zone, b);
  return t ? core::format_utc(*t) : "nullopt";
}

std::string from(std::string_view text, std::string_view zone = kCopenhagen) {
  return bound(text, Bound::from, zone);
}
std::string to(std::string_view text, std::string_view zone = kCopenhagen) {
  return bound(text, Bound::to, zone);
}

// --- date only --------------------------------------------------------------

TEST(DateTimeBounds, DateFromIsLocalMidnight) {
  EXPECT_EQ(from("2026-01-20"), "2026-01-19T23:00:00Z");
  EXPECT_EQ(from("2026-07-01"), "2026-06-30T22:00:00Z");
  EXPECT_EQ(from("2026-01-20", "UTC"), "2026-01-20T00:00:00Z");
  EXPECT_EQ(from("2026-01-20", "America/New_York"), "2026-01-20T05:00:00Z");
}

TEST(DateTimeBounds, DateToIsTheLastSecondOfTheLocalDay) {
  EXPECT_EQ(to("2026-01-20"), "2026-01-20T22:59:59Z");
  EXPECT_EQ(to("2026-07-01"), "2026-07-01T21:59:59Z");
  EXPECT_EQ(to("2026-01-20", "UTC"), "2026-01-20T23:59:59Z");
  EXPECT_EQ(to("2026-12-31", "UTC"), "2026-12-31T23:59:59Z");  // into the next year
}

TEST(DateTimeBounds, DateToIsExactlyOneSecondBeforeTheNextDay) {
  auto end = parse_date_time_bound("2026-01-20", kCopenhagen, Bound::to);
  auto next = parse_date_time_bound("2026-01-21", kCopenhagen, Bound::from);
  ASSERT_TRUE(end && next);
  EXPECT_EQ(*next - *end, std::chrono::seconds{1});
}

TEST(DateTimeBounds, SpringForwardDayIs23Hours) {
  EXPECT_EQ(from("2026-03-29"), "2026-03-28T23:00:00Z");
  EXPECT_EQ(to("2026-03-29"), "2026-03-29T21:59:59Z");
}

TEST(DateTimeBounds, FallBackDayIs25Hours) {
  EXPECT_EQ(from("2026-10-25"), "2026-10-24T22:00:00Z");
  EXPECT_EQ(to("2026-10-25"), "2026-10-25T22:59:59Z");
}

TEST(DateTimeBounds, DayWhoseMidnightWasSkipped) {
  // Sao Paulo 2018-11-04 began at 01:00 -02 (03:00Z); the 3rd ended just before.
  EXPECT_EQ(from("2018-11-04", "America/Sao_Paulo"), "2018-11-04T03:00:00Z");
  EXPECT_EQ(to("2018-11-03", "America/Sao_Paulo"), "2018-11-04T02:59:59Z");
  EXPECT_EQ(to("2018-11-04", "America/Sao_Paulo"), "2018-11-05T01:59:59Z");
}

TEST(DateTimeBounds, LeapDay) {
  EXPECT_EQ(from("2028-02-29"), "2028-02-28T23:00:00Z");
  EXPECT_EQ(to("2028-02-29"), "2028-02-29T22:59:59Z");
}

// --- instants with Z or an offset ------------------------------------------

TEST(DateTimeBounds, InstantWithZ) {
  EXPECT_EQ(from("2026-01-20T18:00:00Z"), "2026-01-20T18:00:00Z");
  EXPECT_EQ(to("2026-01-20T18:00:00Z"), "2026-01-20T18:00:00Z");  // no widening for instants
  EXPECT_EQ(from("2026-07-01T18:00:00Z"), "2026-07-01T18:00:00Z");
  EXPECT_EQ(from("2026-01-20T18:00:00Z", "America/New_York"), "2026-01-20T18:00:00Z");
}

TEST(DateTimeBounds, InstantWithoutSecondsOrWithFraction) {
  EXPECT_EQ(from("2026-01-20T18:00Z"), "2026-01-20T18:00:00Z");
  EXPECT_EQ(from("2026-01-20T18:00:45.789Z"), "2026-01-20T18:00:45Z");
  EXPECT_EQ(to("2026-01-20T18:00:45.1Z"), "2026-01-20T18:00:45Z");
}

TEST(DateTimeBounds, InstantWithOffset) {
  EXPECT_EQ(from("2026-01-20T18:00:00+01:00"), "2026-01-20T17:00:00Z");
  EXPECT_EQ(from("2026-01-20T18:00:00+02:00"), "2026-01-20T16:00:00Z");  // not the zone's offset: still exact
  EXPECT_EQ(from("2026-01-20T18:00:00-03:00"), "2026-01-20T21:00:00Z");
  EXPECT_EQ(from("2026-01-20T18:00:00+0530"), "2026-01-20T12:30:00Z");
  EXPECT_EQ(from("2026-01-20T18:00:00+00:00"), "2026-01-20T18:00:00Z");
  EXPECT_EQ(from("2026-01-20T18:00+01:00"), "2026-01-20T17:00:00Z");
}

TEST(DateTimeBounds, OffsetCrossesTheDate) {
  EXPECT_EQ(from("2026-01-20T00:30:00+01:00"), "2026-01-19T23:30:00Z");
  EXPECT_EQ(from("2026-12-31T23:30:00-01:00"), "2027-01-01T00:30:00Z");
}

// --- local wall clock -------------------------------------------------------

TEST(DateTimeBounds, WallClockWithSeconds) {
  EXPECT_EQ(from("2026-01-20T00:00:00"), "2026-01-19T23:00:00Z");
  EXPECT_EQ(from("2026-01-20T18:00:00"), "2026-01-20T17:00:00Z");
  EXPECT_EQ(from("2026-01-20T18:00:30"), "2026-01-20T17:00:30Z");
  EXPECT_EQ(from("2026-07-01T18:00:00"), "2026-07-01T16:00:00Z");
  EXPECT_EQ(from("2026-01-20T23:59:59"), "2026-01-20T22:59:59Z");
  EXPECT_EQ(from("2026-01-20T18:00:00", "UTC"), "2026-01-20T18:00:00Z");
  EXPECT_EQ(from("2026-01-20T18:00:00", "America/New_York"), "2026-01-20T23:00:00Z");
}

TEST(DateTimeBounds, WallClockToIsThatInstantToo) {
  // Only a date widens to the end of the day; a wall clock is exact.
  EXPECT_EQ(to("2026-01-20T18:00:00"), "2026-01-20T17:00:00Z");
  EXPECT_EQ(to("2026-01-20T18:00"), "2026-01-20T17:00:00Z");
}

TEST(DateTimeBounds, WallClockWithoutSeconds) {
  EXPECT_EQ(from("2026-01-20T18:00"), "2026-01-20T17:00:00Z");
  EXPECT_EQ(from("2026-07-01T09:15"), "2026-07-01T07:15:00Z");
}

TEST(DateTimeBounds, WallClockWithFractionalSeconds) {
  EXPECT_EQ(from("2026-01-20T18:00:30.250"), "2026-01-20T17:00:30Z");
  EXPECT_EQ(from("2026-01-20T18:00:00.000"), "2026-01-20T17:00:00Z");
  auto t = parse_date_time_bound("2026-01-20T18:00:30.999", kCopenhagen, Bound::from);
  ASSERT_TRUE(t);
  EXPECT_EQ(t->time_since_epoch() % std::chrono::seconds{1}, std::chrono::milliseconds{0});  // fraction ignored
}

TEST(DateTimeBounds, WallClockInTheSpringForwardGap) {
  // 2027-03-28 02:30 does not exist; read with the offset before the jump.
  EXPECT_EQ(from("2027-03-28T02:30:00"), "2027-03-28T01:30:00Z");
  EXPECT_EQ(from("2027-03-28T03:00:00"), "2027-03-28T01:00:00Z");
}

TEST(DateTimeBounds, WallClockInTheRepeatedHourTakesTheFirst) {
  EXPECT_EQ(from("2026-10-25T02:30:15"), "2026-10-25T00:30:15Z");
  EXPECT_EQ(from("2026-10-25T03:00:00"), "2026-10-25T02:00:00Z");
}

// --- malformed --------------------------------------------------------------

TEST(DateTimeBounds, MalformedInputsAreNullopt) {
  for (const char* text : {"",
                           "today",
                           "2026",
                           "2026-01",
                           "2026-1-20",
                           "20260120",
                           "2026/01/20",
                           "2026-02-30",
                           "2026-13-01",
                           "2026-01-20 ",
                           " 2026-01-20",
                           "2026-01-20T",
                           "2026-01-20T18",
                           "2026-01-20T18:0",
                           "2026-01-20 18:00:00",
                           "2026-01-20t18:00:00",
                           "2026-01-20T18-00-00",
                           "2026-01-20T1a:00",
                           "2026-01-20T18:0a",
                           "2026-01-20T24:00",
                           "2026-01-20T18:60",
                           "2026-01-20T18:00:60",
                           "2026-01-20T18:00:0",
                           "2026-01-20T18:00:00.",
                           "2026-01-20T18:00:00.12a",
                           "2026-01-20T18:00:00 ",
                           "2026-01-20T18:00x",
                           "2026-01-20T18:00:00X",
                           "2026-01-20T18:00:00Zjunk",
                           "2026-01-20T18:00:00ZZ",
                           "2026-01-20T18:00:00+25:00",
                           "2026-01-20T18:00:00+01:60",
                           "2026-01-20T18:00:00+01",
                           "2026-01-20T18:00:00+1:00",
                           "2026-02-30T18:00:00Z",
                           "2026-02-30T18:00:00",
                           "2026-01-20T-1:00:00"}) {
    EXPECT_EQ(from(text), "nullopt") << "'" << text << "'";
    EXPECT_EQ(to(text), "nullopt") << "'" << text << "'";
  }
}

}  // namespace
}  // namespace maitred::domain
