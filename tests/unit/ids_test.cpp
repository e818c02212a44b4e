#include "core/ids.hpp"

#include <gtest/gtest.h>

#include <map>
#include <set>

namespace maitred::core {
namespace {

TEST(Ids, SeventeenBase62Characters) {
  for (int i = 0; i < 1000; ++i) {
    auto id = new_id();
    EXPECT_EQ(id.size(), 17u);
    EXPECT_TRUE(is_valid_id(id)) << id;
  }
}

TEST(Ids, Unique) {
  std::set<std::string> seen;
  for (int i = 0; i < 20000; ++i) seen.insert(new_id());
  EXPECT_EQ(seen.size(), 20000u);
}

TEST(Ids, EveryCharacterOfTheAlphabetAppearsRoughlyEvenly) {
  std::map<char, int> counts;
  for (int i = 0; i < 2000; ++i) {
    for (char c : random_base62(62)) ++counts[c];
  }
  EXPECT_EQ(counts.size(), 62u);
  for (auto [c, n] : counts) {
    EXPECT_GT(n, 1500) << c;  // expected 2000 each
    EXPECT_LT(n, 2500) << c;
  }
}

TEST(Ids, Validation) {
  EXPECT_FALSE(is_valid_id(""));
  EXPECT_FALSE(is_valid_id("abc"));
  EXPECT_FALSE(is_valid_id("AAAAAAAAAAAAAAAA-"));
  EXPECT_FALSE(is_valid_id("AAAAAAAAAAAAAAAAAA"));
  EXPECT_TRUE(is_valid_id("AAAAAAAAAAAAAAAAA"));
}

}  // namespace
}  // namespace maitred::core
