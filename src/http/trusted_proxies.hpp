#pragma once
// Who the client is behind a reverse proxy (serve --trusted-proxy CIDR).
// X-Forwarded-For is only believed when the connection comes from a proxy
// we trust; then the client is the right-most address in it that is not one
// of our proxies (each proxy appends the address it saw, so entries to the
// left of the last untrusted one are whatever the client chose to send).
// Pure: no sockets, unit-tested (tests/unit/trusted_proxies_test.cpp).

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace maitred::http {

// An IPv4 or IPv6 network. IPv4 is kept as its IPv4-mapped IPv6 form
// (::ffff:a.b.c.d, prefix + 96), so "127.0.0.1" and "::ffff:127.0.0.1" (how
// a dual-stack socket reports an IPv4 peer) are the same address.
struct Cidr {
  std::array<unsigned char, 16> network{};
  int prefix = 128;
};

// "10.0.0.0/8", "2001:db8::/32", or a single address ("192.0.2.1" = /32).
// nullopt when malformed.
std::optional<Cidr> parse_cidr(std::string_view text);

// An address as 16 bytes (IPv4 mapped); nullopt when it is not one.
std::optional<std::array<unsigned char, 16>> parse_address(std::string_view text);

class TrustedProxies {
 public:
  TrustedProxies() = default;
  // Throws std::invalid_argument naming a malformed entry.
  explicit TrustedProxies(const std::vector<std::string>& cidrs);

  bool empty() const { return networks_.empty(); }
  bool contains(std::string_view address) const;

  // The client's address for the rate limits and the access log: `peer`
  // unless it is a trusted proxy; then the right-most X-Forwarded-For entry
  // (`forwarded_for`, the header's values joined by commas) that is not a
  // trusted proxy, or the left-most when all are; `peer` when the header is
  // absent or an entry is not an address.
  std::string client_address(std::string_view peer, std::string_view forwarded_for) const;

 private:
  std::vector<Cidr> networks_;
};

}  // namespace maitred::http
