#include "core/config.hpp"

#include <gtest/gtest.h>

namespace maitred::core {
namespace {

TEST(ListenAddress, HostAndPort) {
  std::string error;
  auto a = parse_listen_address("127.0.0.1:8443", error);
  ASSERT_TRUE(a);
  EXPECT_EQ(a->host, "127.0.0.1");
  EXPECT_EQ(a->port, 8443);
  auto any = parse_listen_address("0.0.0.0:0", error);
  ASSERT_TRUE(any);
  EXPECT_EQ(any->port, 0);
}

TEST(ListenAddress, Ipv6InBrackets) {
  std::string error;
  auto a = parse_listen_address("[::1]:9000", error);
  ASSERT_TRUE(a);
  EXPECT_EQ(a->host, "::1");
  EXPECT_EQ(a->port, 9000);
}

TEST(PublicUrl, SchemeHostPortAndRootOnly) {
  std::string error;
  EXPECT_EQ(parse_public_url("https://book.example.com", error), "https://book.example.com");
  EXPECT_EQ(parse_public_url("https://book.example.com/", error), "https://book.example.com") << "slash dropped";
  EXPECT_EQ(parse_public_url("HTTP://10.0.0.5:8080/", error), "http://10.0.0.5:8080") << "scheme lowercased";
  EXPECT_EQ(parse_public_url("https://[::1]:8443", error), "https://[::1]:8443");
  EXPECT_EQ(parse_public_url("https://[2001:db8::1]", error), "https://[2001:db8::1]");
}

TEST(PublicUrl, Refused) {
  for (const char* bad :
       {"", "book.example.com", "ftp://book.example.com", "https://", "https:///x", "https://book.example.com/app",
        "https://book.example.com/?a=1", "https://book.example.com?a=1", "https://book.example.com#top",
        "https://user:pw@book.example.com", "https://book.example.com:", "https://book.example.com:0",
        "https://book.example.com:65536", "https://book.example.com:80x", "https://bo ok.example.com", "https://[::1",
        "https://[::1]x", "https://[]", "https://book.example.com/manage/"}) {
    std::string error;
    EXPECT_FALSE(parse_public_url(bad, error)) << bad;
    EXPECT_TRUE(error.starts_with("--public-url: ")) << bad << ": " << error;
  }
}

TEST(ListenAddress, Malformed) {
  for (const char* bad : {"", "8443", ":8443", "host:", "host:http", "host:65536", "host:-1", "host:80x", "::1:80",
                          "[::1]", "[::1]80", "[::1:80", "127.0.0.1:99999999999999999999"}) {
    std::string error;
    EXPECT_FALSE(parse_listen_address(bad, error)) << bad;
    EXPECT_FALSE(error.empty()) << bad;
  }
}

TEST(ServeConfig, DefaultsAreValid) {
  EXPECT_FALSE(validate(ServeConfig{}));
}

// One address never gets every connection by default, however few there are.
TEST(ServeConfig, OneAddressGetsHalfTheConnectionsAtMost256) {
  EXPECT_EQ(default_connections_per_address(1), 1u);
  EXPECT_EQ(default_connections_per_address(2), 1u);
  EXPECT_EQ(default_connections_per_address(100), 50u);
  EXPECT_EQ(default_connections_per_address(512), 256u);
  EXPECT_EQ(default_connections_per_address(10000), 256u);
  EXPECT_EQ(ServeConfig{}.max_connections_per_address, 256u);
}

TEST(ServeConfig, CertificateAndKeyGoTogether) {
  ServeConfig c;
  c.tls_cert = "cert.pem";
  EXPECT_TRUE(validate(c));
  c.tls_key = "key.pem";
  EXPECT_FALSE(validate(c));
  c.insecure_http = true;
  EXPECT_TRUE(validate(c));
}

TEST(ServeConfig, RateLimitAndThreadsMustBeSane) {
  ServeConfig c;
  c.rate_limit_per_second = 0;
  EXPECT_TRUE(validate(c));
  c = ServeConfig{};
  c.threads = 1000;
  EXPECT_TRUE(validate(c));
  c = ServeConfig{};
  c.max_connections = 0;
  EXPECT_TRUE(validate(c));
}

TEST(ServeConfig, BusyTimeoutIsBetweenZeroAndTenMinutes) {
  ServeConfig c;
  c.store_busy_timeout = std::chrono::milliseconds{0};
  EXPECT_FALSE(validate(c));
  c.store_busy_timeout = std::chrono::minutes{10};
  EXPECT_FALSE(validate(c));
  c.store_busy_timeout = std::chrono::milliseconds{-1};
  EXPECT_TRUE(validate(c));
  c.store_busy_timeout = std::chrono::milliseconds{600'001};
  EXPECT_TRUE(validate(c));
}

}  // namespace
}  // namespace maitred::core
