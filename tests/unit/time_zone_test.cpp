#include "domain/time_zone.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <stdexcept>
#include <string>
#include <utility>

#include "core/time_format.hpp"

namespace maitred::domain {
namespace {

using namespace std::chrono_literals;
using date::day;
using date::month;
using date::year;
using date::year_month_day;

constexpr const char* kCopenhagen = "Europe/Copenhagen";

year_month_day ymd(int y, unsigned m, unsigned d) {
  return year_month_day{year{y}, month{m}, day{d}};
}

core::SystemTime utc(std::string_view text) {
  auto t = core::parse_utc(text);
  EXPECT_TRUE(t) << text;
  return t.value_or(core::SystemTime{});
}

std::string to_utc_text(std::string_view zone, year_month_day d, int minutes) {
  return core::format_utc(local_to_utc(zone, d, minutes).instant);
}

// --- local_to_utc -----------------------------------------------------------

TEST(TimeZone, CopenhagenWinterIsUtcPlusOne) {
  auto r = local_to_utc(kCopenhagen, ymd(2026, 1, 20), 18 * 60 + 30);
  EXPECT_EQ(core::format_utc(r.instant), "2026-01-20T17:30:00Z");
  EXPECT_EQ(r.kind, LocalTimeKind::unique);
}

TEST(TimeZone, CopenhagenSummerIsUtcPlusTwo) {
  auto r = local_to_utc(kCopenhagen, ymd(2026, 7, 1), 18 * 60 + 30);
  EXPECT_EQ(core::format_utc(r.instant), "2026-07-01T16:30:00Z");
  EXPECT_EQ(r.kind, LocalTimeKind::unique);
}

TEST(TimeZone, LocalMidnightAndLastMinute) {
  EXPECT_EQ(to_utc_text(kCopenhagen, ymd(2026, 1, 20), 0), "2026-01-19T23:00:00Z");
  EXPECT_EQ(to_utc_text(kCopenhagen, ymd(2026, 1, 20), 23 * 60 + 59), "2026-01-20T22:59:00Z");
  EXPECT_EQ(to_utc_text(kCopenhagen, ymd(2026, 7, 1), 0), "2026-06-30T22:00:00Z");
}

TEST(TimeZone, MinutesPastMidnightRollIntoTheNextDay) {
  // 24:30 on the 20th is 00:30 on the 21st.
  EXPECT_EQ(to_utc_text(kCopenhagen, ymd(2026, 1, 20), 24 * 60 + 30), "2026-01-20T23:30:00Z");
}

TEST(TimeZone, UtcZoneIsTheIdentity) {
  auto r = local_to_utc("UTC", ymd(2026, 3, 29), 2 * 60 + 30);
  EXPECT_EQ(core::format_utc(r.instant), "2026-03-29T02:30:00Z");
  EXPECT_EQ(r.kind, LocalTimeKind::unique);
}

TEST(TimeZone, SpringForwardGapIsNonexistent) {
  // 2027-03-28: 02:00 CET jumps to 03:00 CEST; 02:30 never happens. It is
  // read with the offset before the jump (+01:00).
  auto r = local_to_utc(kCopenhagen, ymd(2027, 3, 28), 2 * 60 + 30);
  EXPECT_EQ(r.kind, LocalTimeKind::nonexistent);
  EXPECT_EQ(core::format_utc(r.instant), "2027-03-28T01:30:00Z");
}

TEST(TimeZone, EdgesOfTheSpringForwardGap) {
  auto before = local_to_utc(kCopenhagen, ymd(2027, 3, 28), 1 * 60 + 59);
  EXPECT_EQ(before.kind, LocalTimeKind::unique);
  EXPECT_EQ(core::format_utc(before.instant), "2027-03-28T00:59:00Z");
  auto gap_start = local_to_utc(kCopenhagen, ymd(2027, 3, 28), 2 * 60);
  EXPECT_EQ(gap_start.kind, LocalTimeKind::nonexistent);
  EXPECT_EQ(core::format_utc(gap_start.instant), "2027-03-28T01:00:00Z");
  auto after = local_to_utc(kCopenhagen, ymd(2027, 3, 28), 3 * 60);
  EXPECT_EQ(after.kind, LocalTimeKind::unique);
  EXPECT_EQ(core::format_utc(after.instant), "2027-03-28T01:00:00Z");
}

TEST(TimeZone, FallBackHourIsAmbiguousAndTakesTheFirstOccurrence) {
  // 2026-10-25: 03:00 CEST goes back to 02:00 CET; 02:30 happens at 00:30Z
  // (CEST) and again at 01:30Z (CET).
  auto r = local_to_utc(kCopenhagen, ymd(2026, 10, 25), 2 * 60 + 30);
  EXPECT_EQ(r.kind, LocalTimeKind::ambiguous);
  EXPECT_EQ(core::format_utc(r.instant), "2026-10-25T00:30:00Z");
}

TEST(TimeZone, EdgesOfTheFallBackHour) {
  auto before = local_to_utc(kCopenhagen, ymd(2026, 10, 25), 1 * 60 + 59);
  EXPECT_EQ(before.kind, LocalTimeKind::unique);
  EXPECT_EQ(core::format_utc(before.instant), "2026-10-24T23:59:00Z");
  auto first = local_to_utc(kCopenhagen, ymd(2026, 10, 25), 2 * 60);
  EXPECT_EQ(first.kind, LocalTimeKind::ambiguous);
  EXPECT_EQ(core::format_utc(first.instant), "2026-10-25T00:00:00Z");
  auto after = local_to_utc(kCopenhagen, ymd(2026, 10, 25), 3 * 60);
  EXPECT_EQ(after.kind, LocalTimeKind::unique);
  EXPECT_EQ(core::format_utc(after.instant), "2026-10-25T02:00:00Z");
}

TEST(TimeZone, UnknownZoneThrows) {
  EXPECT_THROW(local_to_utc("Europe/Atlantis", ymd(2026, 1, 20), 0), std::runtime_error);
  EXPECT_THROW(utc_to_local("Not/AZone", utc("2026-01-20T00:00:00Z")), std::runtime_error);
  EXPECT_THROW(start_of_local_day("", ymd(2026, 1, 20)), std::runtime_error);
}

TEST(TimeZone, OtherZones) {
  EXPECT_EQ(to_utc_text("America/New_York", ymd(2026, 1, 20), 19 * 60), "2026-01-21T00:00:00Z");
  EXPECT_EQ(to_utc_text("America/New_York", ymd(2026, 7, 20), 19 * 60), "2026-07-20T23:00:00Z");
  EXPECT_EQ(to_utc_text("Asia/Kolkata", ymd(2026, 1, 20), 12 * 60), "2026-01-20T06:30:00Z");
  EXPECT_EQ(to_utc_text("Australia/Sydney", ymd(2026, 1, 20), 12 * 60), "2026-01-20T01:00:00Z");
}

// --- utc_to_local -----------------------------------------------------------

TEST(TimeZone, UtcToLocalWinterAndSummer) {
  auto winter = utc_to_local(kCopenhagen, utc("2026-01-20T17:30:00Z"));
  EXPECT_EQ(winter.day, ymd(2026, 1, 20));
  EXPECT_EQ(winter.minutes, 18 * 60 + 30);
  auto summer = utc_to_local(kCopenhagen, utc("2026-07-01T16:30:00Z"));
  EXPECT_EQ(summer.day, ymd(2026, 7, 1));
  EXPECT_EQ(summer.minutes, 18 * 60 + 30);
}

TEST(TimeZone, UtcToLocalCrossesTheDateLine) {
  auto late = utc_to_local(kCopenhagen, utc("2026-01-20T23:15:00Z"));
  EXPECT_EQ(late.day, ymd(2026, 1, 21));
  EXPECT_EQ(late.minutes, 15);
  auto ny = utc_to_local("America/New_York", utc("2026-01-21T02:00:00Z"));
  EXPECT_EQ(ny.day, ymd(2026, 1, 20));
  EXPECT_EQ(ny.minutes, 21 * 60);
}

TEST(TimeZone, UtcToLocalDropsSecondsAndMilliseconds) {
  auto t = utc("2026-01-20T17:30:59Z") + 999ms;
  auto local = utc_to_local(kCopenhagen, t);
  EXPECT_EQ(local.day, ymd(2026, 1, 20));
  EXPECT_EQ(local.minutes, 18 * 60 + 30);
}

TEST(TimeZone, UtcToLocalInsideTheRepeatedHour) {
  auto first = utc_to_local(kCopenhagen, utc("2026-10-25T00:30:00Z"));
  auto second = utc_to_local(kCopenhagen, utc("2026-10-25T01:30:00Z"));
  EXPECT_EQ(first.day, ymd(2026, 10, 25));
  EXPECT_EQ(first.minutes, 2 * 60 + 30);
  EXPECT_EQ(second.day, ymd(2026, 10, 25));
  EXPECT_EQ(second.minutes, 2 * 60 + 30);
}

TEST(TimeZone, UtcToLocalAcrossTheSpringForwardJump) {
  auto before = utc_to_local(kCopenhagen, utc("2027-03-28T00:59:00Z"));
  EXPECT_EQ(before.minutes, 1 * 60 + 59);
  auto after = utc_to_local(kCopenhagen, utc("2027-03-28T01:00:00Z"));
  EXPECT_EQ(after.minutes, 3 * 60);
}

TEST(TimeZone, RoundTripsEveryQuarterHourOfOrdinaryDays) {
  for (auto d : {ymd(2026, 1, 20), ymd(2026, 7, 1), ymd(2026, 12, 31), ymd(2028, 2, 29)}) {
    for (int minutes = 0; minutes < 24 * 60; minutes += 15) {
      auto r = local_to_utc(kCopenhagen, d, minutes);
      ASSERT_EQ(r.kind, LocalTimeKind::unique) << minutes;
      auto back = utc_to_local(kCopenhagen, r.instant);
      EXPECT_EQ(back.day, d) << minutes;
      EXPECT_EQ(back.minutes, minutes);
    }
  }
}

TEST(TimeZone, RoundTripsOnDstDaysOutsideTheGap) {
  for (auto d : {ymd(2027, 3, 28), ymd(2026, 10, 25)}) {
    for (int minutes = 0; minutes < 24 * 60; minutes += 15) {
      auto r = local_to_utc(kCopenhagen, d, minutes);
      if (r.kind == LocalTimeKind::nonexistent) continue;
      auto back = utc_to_local(kCopenhagen, r.instant);
      EXPECT_EQ(back.day, d) << minutes;
      EXPECT_EQ(back.minutes, minutes);
    }
  }
}

TEST(TimeZone, RoundTripsFromUtc) {
  // Every instant maps to a local time that maps back to it, except the
  // second pass through the repeated hour (which maps to the first).
  for (auto text : {"2026-01-20T17:30:00Z", "2026-07-01T00:00:00Z", "2027-03-28T00:59:00Z", "2027-03-28T01:00:00Z",
                    "2026-10-25T00:00:00Z", "2026-10-25T00:59:00Z", "2026-10-25T02:00:00Z"}) {
    auto instant = utc(text);
    auto local = utc_to_local(kCopenhagen, instant);
    auto back = local_to_utc(kCopenhagen, local.day, local.minutes);
    EXPECT_NE(back.kind, LocalTimeKind::nonexistent) << text;
    EXPECT_EQ(back.instant, instant) << text;
  }
  for (auto [second_pass, first_pass] : {std::pair{"2026-10-25T01:00:00Z", "2026-10-25T00:00:00Z"},
                                         std::pair{"2026-10-25T01:30:00Z", "2026-10-25T00:30:00Z"},
                                         std::pair{"2026-10-25T01:59:00Z", "2026-10-25T00:59:00Z"}}) {
    auto local = utc_to_local(kCopenhagen, utc(second_pass));
    auto back = local_to_utc(kCopenhagen, local.day, local.minutes);
    EXPECT_EQ(back.kind, LocalTimeKind::ambiguous) << second_pass;
    EXPECT_EQ(core::format_utc(back.instant), first_pass);
  }
}

// --- start_of_local_day -----------------------------------------------------

TEST(TimeZone, StartOfOrdinaryDays) {
  EXPECT_EQ(core::format_utc(start_of_local_day(kCopenhagen, ymd(2026, 1, 20))), "2026-01-19T23:00:00Z");
  EXPECT_EQ(core::format_utc(start_of_local_day(kCopenhagen, ymd(2026, 7, 1))), "2026-06-30T22:00:00Z");
  EXPECT_EQ(core::format_utc(start_of_local_day("UTC", ymd(2026, 7, 1))), "2026-07-01T00:00:00Z");
}

TEST(TimeZone, StartOfDstDaysInCopenhagen) {
  // The jumps are at 02:00/03:00, so midnight exists and is unique.
  EXPECT_EQ(core::format_utc(start_of_local_day(kCopenhagen, ymd(2027, 3, 28))), "2027-03-27T23:00:00Z");
  EXPECT_EQ(core::format_utc(start_of_local_day(kCopenhagen, ymd(2027, 3, 29))), "2027-03-28T22:00:00Z");
  EXPECT_EQ(core::format_utc(start_of_local_day(kCopenhagen, ymd(2026, 10, 25))), "2026-10-24T22:00:00Z");
  EXPECT_EQ(core::format_utc(start_of_local_day(kCopenhagen, ymd(2026, 10, 26))), "2026-10-25T23:00:00Z");
}

TEST(TimeZone, StartOfDayWhereMidnightWasSkipped) {
  // Sao Paulo, 2018-11-04: 00:00 -03 jumped to 01:00 -02, so the day began
  // at 01:00 local = 03:00Z.
  EXPECT_EQ(core::format_utc(start_of_local_day("America/Sao_Paulo", ymd(2018, 11, 4))), "2018-11-04T03:00:00Z");
  auto midnight = local_to_utc("America/Sao_Paulo", ymd(2018, 11, 4), 0);
  EXPECT_EQ(midnight.kind, LocalTimeKind::nonexistent);
  // The day before and after are ordinary.
  EXPECT_EQ(core::format_utc(start_of_local_day("America/Sao_Paulo", ymd(2018, 11, 3))), "2018-11-03T03:00:00Z");
  EXPECT_EQ(core::format_utc(start_of_local_day("America/Sao_Paulo", ymd(2018, 11, 5))), "2018-11-05T02:00:00Z");
  // Havana, 2026-03-08: 00:00 CST jumps to 01:00 CDT.
  EXPECT_EQ(core::format_utc(start_of_local_day("America/Havana", ymd(2026, 3, 8))), "2026-03-08T05:00:00Z");
}

TEST(TimeZone, StartOfDayWhereMidnightHappenedTwice) {
  // Havana, 2026-11-01: 01:00 CDT goes back to 00:00 CST; the day starts at
  // the first midnight (-04:00).
  EXPECT_EQ(core::format_utc(start_of_local_day("America/Havana", ymd(2026, 11, 1))), "2026-11-01T04:00:00Z");
  auto midnight = local_to_utc("America/Havana", ymd(2026, 11, 1), 0);
  EXPECT_EQ(midnight.kind, LocalTimeKind::ambiguous);
  EXPECT_EQ(core::format_utc(midnight.instant), "2026-11-01T04:00:00Z");
}

TEST(TimeZone, StartOfDayWhereTheEveningRepeats) {
  // Sao Paulo, 2018-02-18: 00:00 -02 went back to 23:00 -03 on the 17th, so
  // 2018-02-18 00:00 (-03) happened once, at 03:00Z.
  EXPECT_EQ(core::format_utc(start_of_local_day("America/Sao_Paulo", ymd(2018, 2, 18))), "2018-02-18T03:00:00Z");
}

TEST(TimeZone, StartOfDayHasNoMilliseconds) {
  auto t = start_of_local_day(kCopenhagen, ymd(2026, 1, 20));
  EXPECT_EQ(t, utc("2026-01-19T23:00:00Z"));
}

// --- kLastSupportedDate -----------------------------------------------------

TEST(TimeZone, LastSupportedDateIs20371231) {
  EXPECT_EQ(kLastSupportedDate, ymd(2037, 12, 31));
  EXPECT_TRUE(kLastSupportedDate.ok());
}

TEST(TimeZone, DstIsStillRightInTheLastSupportedYear) {
  EXPECT_EQ(to_utc_text(kCopenhagen, ymd(2037, 7, 1), 12 * 60), "2037-07-01T10:00:00Z");
  EXPECT_EQ(to_utc_text(kCopenhagen, ymd(2037, 12, 31), 12 * 60), "2037-12-31T11:00:00Z");
  EXPECT_EQ(local_to_utc(kCopenhagen, ymd(2037, 3, 29), 2 * 60 + 30).kind, LocalTimeKind::nonexistent);
  EXPECT_EQ(local_to_utc(kCopenhagen, ymd(2037, 10, 25), 2 * 60 + 30).kind, LocalTimeKind::ambiguous);
}

}  // namespace
}  // namespace maitred::domain
