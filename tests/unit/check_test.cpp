// Compiled as a release build would be: the check must not depend on NDEBUG.
#ifndef NDEBUG
#define NDEBUG
#endif

#include "core/check.hpp"

#include <gtest/gtest.h>

#include <string>

namespace maitred::core {
namespace {

TEST(CheckDeathTest, AFailedCheckPrintsWhereWhatAndWhyThenAborts) {
  const int tables = 2;
  EXPECT_DEATH(MAITRED_CHECK(tables == 3, "three tables were loaded"),
               "check_test\\.cpp:[0-9]+: CHECK failed: tables == 3: three tables were loaded");
}

TEST(CheckDeathTest, TheMessageMayBeBuiltAtTheCallSite) {
  const std::string id = "T12";
  EXPECT_DEATH(MAITRED_CHECK(id.empty(), "table '" + id + "' is not in the list"),
               "CHECK failed: id.empty\\(\\): table 'T12' is not in the list");
}

TEST(CheckDeathTest, ItStaysOnWithNdebugDefined) {
#ifndef NDEBUG
  FAIL() << "this file should compile with NDEBUG";
#endif
  EXPECT_DEATH(MAITRED_CHECK(false, "still checked"), "CHECK failed: false: still checked");
}

TEST(Check, APassingCheckEvaluatesItsConditionOnceAndNotItsMessage) {
  int evaluated = 0;
  int messages = 0;
  auto message = [&messages] {
    ++messages;
    return std::string("never built");
  };
  MAITRED_CHECK(++evaluated == 1, message());
  EXPECT_EQ(evaluated, 1);
  EXPECT_EQ(messages, 0);
}

TEST(Check, ItIsOneStatementInsideAnIfWithoutBraces) {
  bool reached = false;
  if (reached)
    MAITRED_CHECK(true, "fine");
  else
    reached = true;
  EXPECT_TRUE(reached);
}

}  // namespace
}  // namespace maitred::core
