// The progress display of `maitred import` and `maitred migrate`.

#include "cli/progress_bar.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <sstream>

namespace maitred::cli {
namespace {

TEST(ProgressBarTest, PlainOutputIsOneLinePerTenthReachedAndNoMore) {
  std::ostringstream out;
  ProgressBar bar("bookings", 435, out, false);
  for (long long done = 0; done <= 435; done += 5) bar.show(done);
  bar.finish(435);
  const std::string text = out.str();
  EXPECT_EQ(std::count(text.begin(), text.end(), '\n'), 10) << text;
  EXPECT_NE(text.find("bookings: 10% (45/435 rows)\n"), std::string::npos) << text;
  EXPECT_TRUE(text.ends_with("bookings: 100% (435/435 rows)\n")) << text;
}

TEST(ProgressBarTest, PlainOutputJumpsStraightToWhereItIs) {
  std::ostringstream out;
  ProgressBar bar("restaurants", 1, out, false);
  bar.show(0);
  bar.show(1);
  bar.finish(1);
  EXPECT_EQ(out.str(), "restaurants: 100% (1/1 rows)\n");
}

TEST(ProgressBarTest, AnEmptyTotalIsDoneAtOnce) {
  std::ostringstream out;
  ProgressBar bar("settings", 0, out, false);
  bar.show(0);
  bar.finish(0, ", nothing to copy");
  EXPECT_EQ(out.str(), "settings: 100% (0/0 rows)\n");
}

TEST(ProgressBarTest, AFinishShortOfTheTotalIsStillReported) {
  std::ostringstream out;
  ProgressBar bar("import", 10, out, false);
  bar.show(5, ", 0 failed");
  bar.finish(7, ", 1 failed");
  EXPECT_EQ(out.str(), "import: 50% (5/10 rows, 0 failed)\nimport: 70% (7/10 rows, 1 failed)\n");
}

TEST(ProgressBarTest, ATerminalGetsOneRedrawPerPercentAndANewlineAtTheEnd) {
  std::ostringstream out;
  ProgressBar bar("bookings", 1000, out, true);
  for (long long done = 0; done <= 1000; ++done) bar.show(done);
  bar.finish(1000, ", 3 already in the target");
  const std::string text = out.str();
  EXPECT_EQ(std::count(text.begin(), text.end(), '\r'), 102) << "101 percents and the final draw";
  EXPECT_EQ(std::count(text.begin(), text.end(), '\n'), 1);
  EXPECT_TRUE(
      text.ends_with("\rbookings [" + std::string(30, '#') + "] 100% 1000/1000 rows, 3 already in the target\n"))
      << text;
}

}  // namespace
}  // namespace maitred::cli
