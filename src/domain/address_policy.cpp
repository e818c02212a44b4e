#include "domain/address_policy.hpp"

#include <arpa/inet.h>

#include <string>

namespace maitred::domain {

namespace {

std::optional<std::string_view> ipv4_kind(const Ipv4& a) {
  if (a[0] == 0) return "unspecified";  // 0.0.0.0/8: "this network"
  if (a[0] == 127) return "loopback";
  if (a[0] == 10) return "private";
  if (a[0] == 172 && (a[1] & 0xF0) == 16) return "private";  // 172.16/12
  if (a[0] == 192 && a[1] == 168) return "private";
  if (a[0] == 169 && a[1] == 254) return "link-local (cloud metadata)";
  if (a[0] == 100 && (a[1] & 0xC0) == 64) return "shared address space";  // 100.64/10, also a metadata range
  if (a[0] == 192 && a[1] == 0 && a[2] == 0) return "reserved";           // 192.0.0/24 (IETF protocol assignments)
  if (a[0] == 198 && (a[1] & 0xFE) == 18) return "reserved";              // 198.18/15 (benchmarking)
  if (a[0] >= 224) return "multicast or reserved";                        // 224/4, 240/4, broadcast
  return std::nullopt;
}

std::optional<std::string_view> ipv6_kind(const Ipv6& a) {
  const bool first_ten_zero = [&] {
    for (int i = 0; i < 10; ++i)
      if (a[i] != 0) return false;
    return true;
  }();
  if (first_ten_zero && a[10] == 0xFF && a[11] == 0xFF)
    return ipv4_kind({a[12], a[13], a[14], a[15]});  // ::ffff:a.b.c.d
  if (first_ten_zero && a[10] == 0 && a[11] == 0) {
    bool rest_zero = a[12] == 0 && a[13] == 0 && a[14] == 0;
    if (rest_zero && a[15] == 0) return "unspecified";
    if (rest_zero && a[15] == 1) return "loopback";
    return ipv4_kind({a[12], a[13], a[14], a[15]});  // deprecated ::a.b.c.d
  }
  if ((a[0] & 0xFE) == 0xFC) return "private";  // fc00::/7 (unique local; AWS metadata fd00:ec2::254)
  if (a[0] == 0xFE && (a[1] & 0xC0) == 0x80) return "link-local";    // fe80::/10
  if (a[0] == 0xFE && (a[1] & 0xC0) == 0xC0) return "private";       // fec0::/10 (old site-local)
  if (a[0] == 0xFF) return "multicast";                              // ff00::/8
  if (a[0] == 0x00 && a[1] == 0x64 && a[2] == 0xFF && a[3] == 0x9B)  // 64:ff9b::/96 NAT64 of an IPv4 address
    return ipv4_kind({a[12], a[13], a[14], a[15]});
  return std::nullopt;
}

}  // namespace

std::optional<std::string_view> non_public_address_kind(const IpAddress& address) {
  if (const auto* v4 = std::get_if<Ipv4>(&address)) return ipv4_kind(*v4);
  return ipv6_kind(std::get<Ipv6>(address));
}

std::optional<IpAddress> parse_ip_literal(std::string_view host) {
  if (host.size() >= 2 && host.front() == '[' && host.back() == ']') host = host.substr(1, host.size() - 2);
  if (host.empty() || host.size() > 45) return std::nullopt;
  const std::string text(host);
  Ipv4 v4{};
  if (inet_pton(AF_INET, text.c_str(), v4.data()) == 1) return v4;
  Ipv6 v6{};
  if (inet_pton(AF_INET6, text.c_str(), v6.data()) == 1) return v6;
  return std::nullopt;
}

}  // namespace maitred::domain
