#include "domain/calendar.hpp"

#include <gtest/gtest.h>

namespace maitred::domain {
namespace {

using date::day;
using date::month;
using date::year;
using date::year_month_day;

year_month_day ymd(int y, unsigned m, unsigned d) {
  return year_month_day{year{y}, month{m}, day{d}};
}

// --- parse_iso_date ---------------------------------------------------------

TEST(Calendar, ParsesIsoDate) {
  auto parsed = parse_iso_date("2026-11-26");
  ASSERT_TRUE(parsed);
  EXPECT_EQ(*parsed, ymd(2026, 11, 26));
}

TEST(Calendar, ParsesFirstAndLastDayOfYear) {
  auto first = parse_iso_date("2026-01-01");
  ASSERT_TRUE(first);
  EXPECT_EQ(*first, ymd(2026, 1, 1));
  auto last = parse_iso_date("2026-12-31");
  ASSERT_TRUE(last);
  EXPECT_EQ(*last, ymd(2026, 12, 31));
}

TEST(Calendar, AcceptsFebruary29InLeapYears) {
  for (const char* text : {"2024-02-29", "2028-02-29", "2000-02-29"}) {
    auto parsed = parse_iso_date(text);
    ASSERT_TRUE(parsed) << text;
    EXPECT_EQ(static_cast<unsigned>(parsed->day()), 29u) << text;
    EXPECT_EQ(static_cast<unsigned>(parsed->month()), 2u) << text;
  }
}

TEST(Calendar, RefusesFebruary29OutsideLeapYears) {
  for (const char* text : {"2026-02-29", "2027-02-29", "1900-02-29", "2100-02-29"}) {
    EXPECT_FALSE(parse_iso_date(text)) << text;
  }
}

TEST(Calendar, RefusesImpossibleDates) {
  for (const char* text : {"2026-13-01", "2026-00-10", "2026-01-00", "2026-01-32", "2026-04-31", "2026-06-31",
                           "2026-09-31", "2026-11-31", "2026-02-30"}) {
    EXPECT_FALSE(parse_iso_date(text)) << text;
  }
}

TEST(Calendar, RefusesBadFormats) {
  for (const char* text : {"", "2026-1-05", "2026-01-5", "26-01-05", "abcd-ef-gh", "2026/01/05", "2026-01-05 ",
                           " 2026-01-05", "2026-01-05T", "20260105", "2026-01-0a", "2026-0x-05", "+026-01-05",
                           "-026-01-05", "2026--1-05", "2026-01--5", "2026_01_05", "2026-01-050"}) {
    EXPECT_FALSE(parse_iso_date(text)) << "'" << text << "'";
  }
}

// --- format_iso_date --------------------------------------------------------

TEST(Calendar, FormatsIsoDateZeroPadded) {
  EXPECT_EQ(format_iso_date(ymd(2026, 11, 26)), "2026-11-26");
  EXPECT_EQ(format_iso_date(ymd(2026, 1, 5)), "2026-01-05");
  EXPECT_EQ(format_iso_date(ymd(999, 3, 9)), "0999-03-09");
  EXPECT_EQ(format_iso_date(ymd(2028, 2, 29)), "2028-02-29");
}

TEST(Calendar, FormatParseRoundTripOverSeveralYears) {
  date::sys_days start = date::sys_days{ymd(2024, 1, 1)};
  for (int i = 0; i < 366 * 5; ++i) {
    year_month_day d{start + date::days{i}};
    auto text = format_iso_date(d);
    auto back = parse_iso_date(text);
    ASSERT_TRUE(back) << text;
    EXPECT_EQ(*back, d) << text;
  }
}

// --- iso_weekday ------------------------------------------------------------

TEST(Calendar, IsoWeekdayMondayIsOneSundayIsSeven) {
  EXPECT_EQ(iso_weekday(ymd(2026, 11, 26)), 4);  // Thursday
  EXPECT_EQ(iso_weekday(ymd(2026, 11, 23)), 1);  // Monday
  EXPECT_EQ(iso_weekday(ymd(2026, 11, 24)), 2);
  EXPECT_EQ(iso_weekday(ymd(2026, 11, 25)), 3);
  EXPECT_EQ(iso_weekday(ymd(2026, 11, 27)), 5);
  EXPECT_EQ(iso_weekday(ymd(2026, 11, 28)), 6);
  EXPECT_EQ(iso_weekday(ymd(2026, 11, 29)), 7);  // Sunday
  EXPECT_EQ(iso_weekday(ymd(2026, 11, 30)), 1);
  EXPECT_EQ(iso_weekday(ymd(1970, 1, 1)), 4);  // a Thursday
  EXPECT_EQ(iso_weekday(ymd(2000, 1, 1)), 6);  // a Saturday
}

// --- HHMM -------------------------------------------------------------------

TEST(Calendar, ValidHhmm) {
  for (long long ok : {0LL, 1LL, 59LL, 100LL, 1130LL, 1830LL, 2300LL, 2359LL}) {
    EXPECT_TRUE(is_valid_hhmm(ok)) << ok;
  }
}

TEST(Calendar, InvalidHhmm) {
  for (long long bad : {-1LL, -100LL, 60LL, 99LL, 1260LL, 1299LL, 2360LL, 2400LL, 2459LL, 9999LL, 10000LL,
                        4'000'000'000LL, -4'000'000'000LL}) {
    EXPECT_FALSE(is_valid_hhmm(bad)) << bad;
  }
}

TEST(Calendar, HhmmToMinutes) {
  EXPECT_EQ(hhmm_to_minutes(0), 0);
  EXPECT_EQ(hhmm_to_minutes(1), 1);
  EXPECT_EQ(hhmm_to_minutes(100), 60);
  EXPECT_EQ(hhmm_to_minutes(1830), 18 * 60 + 30);
  EXPECT_EQ(hhmm_to_minutes(2359), 23 * 60 + 59);
}

TEST(Calendar, MinutesToHhmm) {
  EXPECT_EQ(minutes_to_hhmm(0), 0);
  EXPECT_EQ(minutes_to_hhmm(59), 59);
  EXPECT_EQ(minutes_to_hhmm(60), 100);
  EXPECT_EQ(minutes_to_hhmm(1110), 1830);
  EXPECT_EQ(minutes_to_hhmm(1439), 2359);
}

TEST(Calendar, HhmmMinutesRoundTripForEveryMinuteOfTheDay) {
  for (int m = 0; m < 24 * 60; ++m) {
    int hhmm = minutes_to_hhmm(m);
    EXPECT_TRUE(is_valid_hhmm(hhmm)) << m;
    EXPECT_EQ(hhmm_to_minutes(hhmm), m);
  }
}

TEST(Calendar, ServiceLength) {
  EXPECT_EQ(service_length_minutes(1200, 1500), 180);
  EXPECT_EQ(service_length_minutes(1130, 1445), 195);
  EXPECT_EQ(service_length_minutes(0, 2359), 1439);
  EXPECT_EQ(service_length_minutes(1800, 1800), 0);
}

TEST(Calendar, ServiceLengthPastMidnight) {
  EXPECT_EQ(service_length_minutes(1730, 130), 480);
  EXPECT_EQ(service_length_minutes(2300, 0), 60);
  EXPECT_EQ(service_length_minutes(2359, 0), 1);
  EXPECT_EQ(service_length_minutes(1, 0), 1439);
  EXPECT_EQ(service_length_minutes(2200, 200), 240);
}

// --- "HH:MM" ------------------------------------------------------------------

TEST(Calendar, ParsesClockTime) {
  EXPECT_EQ(parse_clock_time("18:00"), 18 * 60);
  EXPECT_EQ(parse_clock_time("00:00"), 0);
  EXPECT_EQ(parse_clock_time("07:30"), 7 * 60 + 30);
  EXPECT_EQ(parse_clock_time("23:59"), 23 * 60 + 59);
  EXPECT_EQ(parse_clock_time("12:05"), 12 * 60 + 5);
}

TEST(Calendar, RefusesBadClockTimes) {
  for (const char* bad : {"", "1800", "7:30", "07:3", "24:00", "18:60", "18:0a", "1a:00", "18-00", "18:00:00", " 18:00",
                          "18:00 ", "-1:00", "18:-1", "+8:00", "18.00", "99:99", "ab:cd"}) {
    EXPECT_FALSE(parse_clock_time(bad)) << "'" << bad << "'";
  }
}

TEST(Calendar, FormatsClockTime) {
  EXPECT_EQ(format_clock_time(0), "00:00");
  EXPECT_EQ(format_clock_time(18 * 60), "18:00");
  EXPECT_EQ(format_clock_time(7 * 60 + 5), "07:05");
  EXPECT_EQ(format_clock_time(23 * 60 + 59), "23:59");
}

TEST(Calendar, FormatsClockTimePastMidnightModuloADay) {
  EXPECT_EQ(format_clock_time(24 * 60), "00:00");
  EXPECT_EQ(format_clock_time(25 * 60 + 30), "01:30");
}

TEST(Calendar, ClockTimeRoundTripForEveryMinute) {
  for (int m = 0; m < 24 * 60; ++m) {
    auto text = format_clock_time(m);
    auto back = parse_clock_time(text);
    ASSERT_TRUE(back) << text;
    EXPECT_EQ(*back, m) << text;
  }
}

}  // namespace
}  // namespace maitred::domain
