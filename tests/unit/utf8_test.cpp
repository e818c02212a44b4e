#include "core/utf8.hpp"

#include <gtest/gtest.h>

#include <string>

namespace maitred::core {
namespace {

TEST(Utf8, WellFormedTextIsValid) {
  EXPECT_TRUE(is_valid_utf8(""));
  EXPECT_TRUE(is_valid_utf8("plain ASCII, longer than eight bytes"));
  EXPECT_TRUE(
      is_valid_utf8("Sm\xc3\xb8rrebr\xc3\xb8"
                    "d \xe2\x82\xac \xf0\x9f\x8d\xb7"));
  EXPECT_TRUE(is_valid_utf8("\xed\x9f\xbf"));      // U+D7FF, just below the surrogates
  EXPECT_TRUE(is_valid_utf8("\xee\x80\x80"));      // U+E000, just above
  EXPECT_TRUE(is_valid_utf8("\xf4\x8f\xbf\xbf"));  // U+10FFFF
}

TEST(Utf8, IllFormedTextSaysWhere) {
  struct Case {
    std::string text;
    std::size_t at;
  };
  for (const auto& [text, at] : {Case{"\xff", 0}, Case{"abc\xc3", 3}, Case{"\xc0\xaf", 0}, Case{"\xe0\x80\xaf", 0},
                                 Case{"ok \xed\xa0\x80", 3}, Case{"\xed\xb0\x80", 0}, Case{"\xf4\x90\x80\x80", 0},
                                 Case{"\xf8\x88\x80\x80\x80", 0}, Case{"12345678\x80", 8}, Case{"\xe2\x82", 0}}) {
    EXPECT_FALSE(is_valid_utf8(text)) << text;
    EXPECT_EQ(first_invalid_utf8(text), at) << text;
  }
}

}  // namespace
}  // namespace maitred::core
