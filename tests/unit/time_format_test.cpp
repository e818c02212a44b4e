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
