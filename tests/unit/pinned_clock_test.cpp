#include "core/pinned_clock.hpp"

#include <gtest/gtest.h>

#include <fstream>

#include "core/time_format.hpp"
#include "support/temp_dir.hpp"

namespace maitred::core {
namespace {

using namespace std::chrono_literals;

SystemTime at(const char* text) {
  return *parse_utc(text);
}

void write(const std::filesystem::path& file, const std::string& text) {
  std::ofstream(file) << text;
}

TEST(PinnedClock, StartsAtThePinnedInstantAndRunsOn) {
  PinnedClock clock("2037-12-30T23:59:58Z");
  const auto first = clock.now();
  EXPECT_GE(first, at("2037-12-30T23:59:58Z"));
  // Generous: only that it is the pinned day, not the machine's.
  EXPECT_LT(first, at("2037-12-31T00:00:00Z") + 1h);
  EXPECT_GE(clock.now(), first);  // never backwards
}

TEST(PinnedClock, RefusesWhatIsNotAnInstant) {
  for (const char* bad : {"", "tomorrow", "2026-12-02", "2026-02-30T10:00:00Z", "@/nonexistent/maitred-clock"}) {
    EXPECT_THROW(PinnedClock{bad}, std::invalid_argument) << bad;
  }
}

TEST(PinnedClock, AFileMovesTheClockWhenItChanges) {
  test::TempDir dir;
  const auto file = dir.path() / "now";
  write(file, "2028-02-29T12:00:00Z\n");
  PinnedClock clock("@" + file.string());
  const auto before = clock.now();
  EXPECT_GE(before, at("2028-02-29T12:00:00Z"));
  EXPECT_LT(before, at("2028-02-29T13:00:00Z"));

  // A test moves it a day on: the clock jumps, keeping the time it ran.
  write(file, "2028-03-01T12:00:00Z\n");
  const auto after = clock.now();
  EXPECT_GE(after - before, 24h);
  EXPECT_LT(after - before, 25h);

  // And back, when a test says so.
  write(file, "2027-03-28T00:30:00Z");
  EXPECT_LT(clock.now(), at("2027-03-28T01:30:00Z"));
}

TEST(PinnedClockDeathTest, ABrokenFileStopsTheProcessLoudly) {
  test::TempDir dir;
  const auto file = dir.path() / "now";
  write(file, "2028-02-29T12:00:00Z");
  PinnedClock clock("@" + file.string());
  write(file, "not a time");
  EXPECT_DEATH(clock.now(), "not an instant");
}

}  // namespace
}  // namespace maitred::core
