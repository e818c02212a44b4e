#pragma once
// Small ASCII text helpers for protocol work (header names, schemes).

#include <algorithm>
#include <string_view>

namespace maitred::core {

inline char ascii_lower(char c) {
  return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
}

// Case-insensitive ASCII comparison, as HTTP header names and schemes need.
inline bool iequals(std::string_view a, std::string_view b) {
  return std::ranges::equal(a, b, [](char x, char y) { return ascii_lower(x) == ascii_lower(y); });
}

}  // namespace maitred::core
