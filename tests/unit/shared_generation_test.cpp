#include "core/shared_generation.hpp"

#include <gtest/gtest.h>

#include "support/temp_dir.hpp"

namespace maitred::core {
namespace {

TEST(SharedGeneration, EveryMappingOfTheFileSeesEveryBump) {
  test::TempDir dir;
  SharedGeneration a(dir.path() / "gen");
  SharedGeneration b(dir.path() / "gen");
  const auto start = a.current();
  EXPECT_EQ(b.current(), start);
  a.bump();
  EXPECT_EQ(b.current(), start + 1);
  b.bump();
  b.bump();
  EXPECT_EQ(a.current(), start + 3);
}

TEST(SharedGeneration, SurvivesReopening) {
  test::TempDir dir;
  { SharedGeneration(dir.path() / "gen").bump(); }
  EXPECT_EQ(SharedGeneration(dir.path() / "gen").current(), 1u);
}

TEST(SharedGeneration, UnopenableFileThrows) {
  EXPECT_THROW(SharedGeneration("/nonexistent-dir/gen"), std::runtime_error);
}

}  // namespace
}  // namespace maitred::core
