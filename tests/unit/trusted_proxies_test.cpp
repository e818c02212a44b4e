// Who the client is behind a trusted reverse proxy (serve --trusted-proxy).

#include "http/trusted_proxies.hpp"

#include <gtest/gtest.h>

#include <stdexcept>

namespace maitred::http {
namespace {

TEST(TrustedProxies, NetworksParseInBothFamilies) {
  EXPECT_TRUE(parse_cidr("10.0.0.0/8"));
  EXPECT_TRUE(parse_cidr("192.0.2.1"));
  EXPECT_TRUE(parse_cidr("2001:db8::/32"));
  EXPECT_TRUE(parse_cidr("::1"));
  for (const char* bad : {"", "10.0.0.0/33", "10.0.0.0/", "10.0.0/8", "2001:db8::/129", "example.com", "1.2.3.4/x"}) {
    EXPECT_FALSE(parse_cidr(bad)) << bad;
  }
  EXPECT_THROW(TrustedProxies({"10.0.0.0/8", "nonsense"}), std::invalid_argument);
}

TEST(TrustedProxies, MembershipFollowsThePrefix) {
  const TrustedProxies proxies({"10.1.0.0/16", "2001:db8::/32", "127.0.0.1/32"});
  EXPECT_TRUE(proxies.contains("10.1.200.3"));
  EXPECT_FALSE(proxies.contains("10.2.0.1"));
  EXPECT_TRUE(proxies.contains("2001:db8:ffff::1"));
  EXPECT_FALSE(proxies.contains("2001:db9::1"));
  EXPECT_TRUE(proxies.contains("127.0.0.1"));
  EXPECT_TRUE(proxies.contains("::ffff:127.0.0.1")) << "a dual-stack socket's IPv4 peer";
  EXPECT_FALSE(proxies.contains("127.0.0.2"));
  EXPECT_FALSE(proxies.contains("not an address"));
}

TEST(TrustedProxies, AnUntrustedPeerIsTheClientWhateverItForwards) {
  const TrustedProxies proxies({"10.0.0.0/8"});
  EXPECT_EQ(proxies.client_address("203.0.113.9", "198.51.100.1"), "203.0.113.9");
  EXPECT_EQ(TrustedProxies{}.client_address("10.0.0.1", "198.51.100.1"), "10.0.0.1") << "no proxies configured";
}

TEST(TrustedProxies, BehindATrustedProxyTheRightMostUntrustedEntryIsTheClient) {
  const TrustedProxies proxies({"10.0.0.0/8", "2001:db8::/32"});
  EXPECT_EQ(proxies.client_address("10.0.0.1", "198.51.100.1"), "198.51.100.1");
  // The client may send anything on the left; the proxies' own hops on the
  // right are skipped.
  EXPECT_EQ(proxies.client_address("10.0.0.1", "1.1.1.1, 198.51.100.1, 10.0.0.7"), "198.51.100.1");
  EXPECT_EQ(proxies.client_address("10.0.0.1", " 2001:db9::5 ,2001:db8::1"), "2001:db9::5");
  // Only proxies: the left-most of them.
  EXPECT_EQ(proxies.client_address("10.0.0.1", "10.0.0.3, 10.0.0.2"), "10.0.0.3");
  // No header, or garbage where the client should be: the peer.
  EXPECT_EQ(proxies.client_address("10.0.0.1", ""), "10.0.0.1");
  EXPECT_EQ(proxies.client_address("10.0.0.1", "1.1.1.1, unknown"), "10.0.0.1");
}

}  // namespace
}  // namespace maitred::http
