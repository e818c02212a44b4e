#include "core/ids.hpp"

#include <array>

#include "core/crypto.hpp"

namespace maitred::core {

namespace {
constexpr std::string_view kAlphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

bool is_base62(char c) {
  return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
}
}  // namespace

std::string random_base62(std::size_t length) {
  std::string out;
  out.reserve(length);
  std::array<unsigned char, 64> pool{};
  while (out.size() < length) {
    random_bytes(pool);
    for (unsigned char byte : pool) {
      // 248 = 4 * 62: bytes at or above it would make low characters likelier.
      if (byte >= 248) continue;
      out.push_back(kAlphabet[byte % 62]);
      if (out.size() == length) break;
    }
  }
  return out;
}

std::string new_id() {
  return random_base62(kIdLength);
}

bool is_valid_id(std::string_view id) {
  if (id.size() != kIdLength) return false;
  for (char c : id) {
    if (!is_base62(c)) return false;
  }
  return true;
}

}  // namespace maitred::core
