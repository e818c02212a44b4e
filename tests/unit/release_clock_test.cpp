// cli/process_clock.cpp as a release build compiles it (without
// MAITRED_TEST_CLOCK): a production binary never runs on a pinned clock, and
// says so instead of ignoring the variable.

#include <gtest/gtest.h>
#include <stdlib.h>

#include "app/admin.hpp"
#include "cli/process_clock.hpp"
#include "core/pinned_clock.hpp"

namespace maitred::cli {
namespace {

TEST(ReleaseProcessClock, RefusesToRunWithMaitredTestNowSet) {
  ::setenv(kTestNowVariable, "2026-12-02T10:00:00Z", 1);
  try {
    (void)process_clock();
    ADD_FAILURE() << "a release build accepted MAITRED_TEST_NOW";
  } catch (const app::UsageError& e) {
    EXPECT_NE(std::string(e.what()).find("only test builds"), std::string::npos) << e.what();
  }
  ::unsetenv(kTestNowVariable);
}

TEST(ReleaseProcessClock, RunsOnTheSystemClockOtherwise) {
  ::unsetenv(kTestNowVariable);
  auto clock = process_clock();
  EXPECT_NE(dynamic_cast<core::SystemClock*>(clock.get()), nullptr);
}

}  // namespace
}  // namespace maitred::cli
