// XXH64 against the reference implementation's outputs.

#include "core/xxhash64.hpp"

#include <gtest/gtest.h>

#include <string>

namespace maitred::core {
namespace {

TEST(Xxhash64, KnownValues) {
  EXPECT_EQ(xxhash64(""), 0xEF46DB3751D8E999ULL);
  EXPECT_EQ(xxhash64("a"), 0xD24EC4F1A98C6E5BULL);
  EXPECT_EQ(xxhash64("abc"), 0x44BC2CF5AD770999ULL);
}

// Values from libxxhash 0.8.1's XXH64 for the lengths that take each path:
// the 32-byte stripes, the 8- and 4-byte tails and single bytes.
TEST(Xxhash64, EveryPathMatchesTheReference) {
  std::string text;
  for (int n = 0; n < 67; ++n) text.push_back(static_cast<char>(n * 37 + 11));
  EXPECT_EQ(xxhash64(text.substr(0, 7)), 0x5613AC510496C04EULL);
  EXPECT_EQ(xxhash64(text.substr(0, 31)), 0xE4A0E629E519A4AEULL);
  EXPECT_EQ(xxhash64(text.substr(0, 32)), 0xCC6B8AAADA790B2DULL);
  EXPECT_EQ(xxhash64(text), 0x5E65106AFEA9135EULL);
  EXPECT_EQ(xxhash64(text, 1), 0xEBD5C45DE85D2BA0ULL);
}

}  // namespace
}  // namespace maitred::core
