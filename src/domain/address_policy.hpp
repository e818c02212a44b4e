#pragma once
// Which network addresses a webhook may be sent to by default (SSRF
// protection): not this machine, not the private network it sits in, not the
// cloud's metadata service. The sender checks the address it is about to
// connect to (after DNS, so a name that resolves to 127.0.0.1 or is rebound
// to it later is caught too); creating an endpoint checks a literal IP in
// the URL up front.

#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <string_view>
#include <variant>

namespace maitred::domain {

using Ipv4 = std::array<std::uint8_t, 4>;
using Ipv6 = std::array<std::uint8_t, 16>;
using IpAddress = std::variant<Ipv4, Ipv6>;

// Why the address is refused ("loopback", "private", "link-local", ...), or
// nullopt when it is a public unicast address. IPv4-mapped and NAT64-free
// IPv6 forms of IPv4 addresses are judged as the IPv4 address.
std::optional<std::string_view> non_public_address_kind(const IpAddress& address);

// An IP literal as written in a URL's host ("10.0.0.1", "[::1]" or "::1");
// nullopt for a name.
std::optional<IpAddress> parse_ip_literal(std::string_view host);

}  // namespace maitred::domain
