#pragma once
// The `sort` list parameter (SPEC.md section 4): `field:1` ascending,
// `field:-1` descending, several joined by commas in priority order
// (`createdAt:1,updatedAt:-1`), nested fields with dots (`guest.name:1`).
// Every key names its direction (a bare `field` is refused). Whitespace is
// allowed around tokens.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace maitred::domain {

struct SortKey {
  std::string path;  // validated like customQuery paths (check_field_path)
  bool ascending = true;
};

inline constexpr std::size_t max_sort_keys = 10;

// Empty or blank text is no keys (the caller's default order applies).
// Throws InvalidInput{"invalid_sort", "sort"} with a message such as
// "sort: expected 1 or -1 after ':' at position 10" (0-based positions);
// a field named twice is refused.
std::vector<SortKey> parse_sort(std::string_view text);

}  // namespace maitred::domain
