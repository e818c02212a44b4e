#include "core/time_format.hpp"

#include <gtest/gtest.h>

namespace maitred::core {
namespace {

TEST(TimeFormat, FormatsUtcWithZ) {
  SystemTime t{std::chrono::milliseconds{1'795'687'200'123}};
  EXPECT_EQ(format_utc(t), "2026-11-26T10:00:00Z");
}

TEST(TimeFormat, RoundTrip) {
  auto text = "2038-01-19T03:14:08Z";  // past the 32-bit time_t edge
  auto parsed = parse_utc(text);
  ASSERT_TRUE(parsed);
  EXPECT_EQ(format_utc(*parsed), text);
}

TEST(TimeFormat, RejectsOtherForms) {
  for (const char* bad : {"", "2026-11-26", "2026-11-26T10:00:00", "2026-11-26T10:00:00+01:00", "2026-13-26T10:00:00Z",
                          "2026-11-26 10:00:00Z", "garbage-garbage-gar"}) {
    EXPECT_FALSE(parse_utc(bad)) << bad;
  }
}

}  // namespace
}  // namespace maitred::core

namespace maitred::core {
namespace {

TEST(TimeFormat, RejectsImpossibleDatesAndTimes) {
  for (const char* bad : {"2026-02-29T10:00:00Z", "2026-04-31T10:00:00Z", "2026-00-10T10:00:00Z",
                          "2026-11-26T24:00:00Z", "2026-11-26T10:60:00Z", "2026-11-26T10:00:60Z",
                          "2026-11-2xT10:00:00Z", "+026-11-26T10:00:00Z", "2026-11-26T10:00:00z"}) {
    EXPECT_FALSE(parse_utc(bad)) << bad;
  }
  EXPECT_TRUE(parse_utc("2028-02-29T23:59:59Z"));
}

TEST(TimeFormat, RoundTripsEverySecondOfADayAndManyDays) {
  SystemTime start{std::chrono::milliseconds{0}};
  for (long long s = 0; s < 86'400LL * 365 * 70; s += 86'400LL * 13 + 3'607) {
    SystemTime t = start + std::chrono::seconds{s};
    auto text = format_utc(t);
    auto back = parse_utc(text);
    ASSERT_TRUE(back) << text;
    EXPECT_EQ(*back, t) << text;
  }
}

}  // namespace
}  // namespace maitred::core
