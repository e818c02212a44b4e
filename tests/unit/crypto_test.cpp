#include "core/crypto.hpp"

#include <gtest/gtest.h>

namespace maitred::core {
namespace {

TEST(Crypto, Sha256KnownVector) {
  EXPECT_EQ(to_hex(sha256("abc")), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

TEST(Crypto, ConstantTimeEqual) {
  auto a = sha256("a");
  auto b = sha256("b");
  EXPECT_TRUE(constant_time_equal(a, a));
  EXPECT_FALSE(constant_time_equal(a, b));
  EXPECT_FALSE(constant_time_equal(std::span(a).first(31), a));
}

TEST(Crypto, Base64RoundTrip) {
  for (std::string s : {"", "f", "fo", "foo", "foob", "fooba", "foobar", "key:\xff\x00"}) {
    auto decoded = base64_decode(base64_encode(s));
    ASSERT_TRUE(decoded) << s;
    EXPECT_EQ(*decoded, s);
  }
  EXPECT_EQ(base64_encode("foobar"), "Zm9vYmFy");
  EXPECT_EQ(*base64_decode("Zm9vYg=="), "foob");
}

TEST(Crypto, Base64RejectsMalformed) {
  for (const char* bad : {"Zm9", "Zm9v YmFy", "Zm9vYmF=y", "====", "Zg=a", "Z===", "Zm9v\n", "Zm9vYmFy=", "!!!!"}) {
    EXPECT_FALSE(base64_decode(bad)) << bad;
  }
}

TEST(Crypto, RandomBytesDiffer) {
  std::array<unsigned char, 32> a{}, b{};
  random_bytes(a);
  random_bytes(b);
  EXPECT_NE(a, b);
}

}  // namespace
}  // namespace maitred::core
