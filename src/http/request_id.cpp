#include "http/request_id.hpp"

#include <algorithm>
#include <array>
#include <cstdint>

#include "core/crypto.hpp"

namespace maitred::http {

namespace {

// splitmix64: request ids need to be unique, not secret, so a per-thread
// generator seeded once from the CSPRNG keeps them off the syscall path.
std::uint64_t next_random() {
  thread_local std::uint64_t state = [] {
    std::array<unsigned char, 8> seed{};
    core::random_bytes(seed);
    std::uint64_t s = 0;
    for (unsigned char b : seed) s = (s << 8) | b;
    return s;
  }();
  std::uint64_t z = (state += 0x9E3779B97F4A7C15ULL);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
  return z ^ (z >> 31);
}

bool plain_char(char c) {
  return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '.' || c == '_' || c == '-';
}

}  // namespace

std::string new_request_id() {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::uint64_t r = next_random();
  std::string id(16, '0');
  for (int i = 15; i >= 0; --i, r >>= 4) id[static_cast<std::size_t>(i)] = kDigits[r & 0xF];
  return id;
}

std::string request_id_for(std::string_view client_supplied) {
  if (!client_supplied.empty() && client_supplied.size() <= 64 && std::ranges::all_of(client_supplied, plain_char)) {
    return std::string(client_supplied);
  }
  return new_request_id();
}

}  // namespace maitred::http
