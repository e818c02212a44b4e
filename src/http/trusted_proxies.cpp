#include "http/trusted_proxies.hpp"

#include <arpa/inet.h>

#include <charconv>
#include <stdexcept>

namespace maitred::http {

namespace {

std::string_view trimmed(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

bool in_network(const Cidr& net, const std::array<unsigned char, 16>& address) {
  int bits = net.prefix;
  for (std::size_t i = 0; i < 16 && bits > 0; ++i, bits -= 8) {
    const unsigned mask = bits >= 8 ? 0xFFu : (0xFFu << (8 - bits)) & 0xFFu;
    if ((address[i] & mask) != (net.network[i] & mask)) return false;
  }
  return true;
}

}  // namespace

std::optional<std::array<unsigned char, 16>> parse_address(std::string_view text) {
  text = trimmed(text);
  if (text.empty() || text.size() > 45) return std::nullopt;
  const std::string s(text);
  std::array<unsigned char, 16> out{};
  unsigned char v4[4];
  if (inet_pton(AF_INET, s.c_str(), v4) == 1) {
    out[10] = out[11] = 0xFF;
    for (int i = 0; i < 4; ++i) out[12 + i] = v4[i];
    return out;
  }
  if (inet_pton(AF_INET6, s.c_str(), out.data()) == 1) return out;
  return std::nullopt;
}

std::optional<Cidr> parse_cidr(std::string_view text) {
  text = trimmed(text);
  const auto slash = text.find('/');
  const auto address = parse_address(text.substr(0, slash));
  if (!address) return std::nullopt;
  const bool v4 = text.substr(0, slash).find(':') == std::string_view::npos;
  const int max = v4 ? 32 : 128;
  int prefix = max;
  if (slash != std::string_view::npos) {
    const auto digits = text.substr(slash + 1);
    const auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), prefix);
    if (digits.empty() || ec != std::errc{} || end != digits.data() + digits.size() || prefix < 0 || prefix > max) {
      return std::nullopt;
    }
  }
  Cidr cidr;
  cidr.network = *address;
  cidr.prefix = v4 ? prefix + 96 : prefix;
  return cidr;
}

TrustedProxies::TrustedProxies(const std::vector<std::string>& cidrs) {
  for (const auto& text : cidrs) {
    auto cidr = parse_cidr(text);
    if (!cidr) throw std::invalid_argument("--trusted-proxy: '" + text + "' is not an address or CIDR network");
    networks_.push_back(*cidr);
  }
}

bool TrustedProxies::contains(std::string_view address) const {
  const auto parsed = parse_address(address);
  if (!parsed) return false;
  for (const auto& net : networks_) {
    if (in_network(net, *parsed)) return true;
  }
  return false;
}

std::string TrustedProxies::client_address(std::string_view peer, std::string_view forwarded_for) const {
  if (!contains(peer) || trimmed(forwarded_for).empty()) return std::string(peer);
  // From the right: each hop appended the address it saw.
  std::string_view rest = forwarded_for;
  std::string_view leftmost;
  while (true) {
    const auto comma = rest.rfind(',');
    const auto entry = trimmed(comma == std::string_view::npos ? rest : rest.substr(comma + 1));
    if (!parse_address(entry)) return std::string(peer);  // not an address: believe nothing
    if (!contains(entry)) return std::string(entry);
    leftmost = entry;
    if (comma == std::string_view::npos) break;
    rest = rest.substr(0, comma);
  }
  return std::string(leftmost);
}

}  // namespace maitred::http
