#pragma once
// Rules for a restaurant's public booking page: its address (the slug in
// /book/{slug} and /public/{slug}/...) and the websites that may embed it.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace maitred::domain {

inline constexpr std::size_t kMaxSlugLength = 64;
inline constexpr std::size_t kMaxAllowedOrigins = 20;

// 2 to 64 of a-z, 0-9 and '-', neither starting nor ending with '-': safe in
// a URL path without encoding, and one spelling per address.
bool is_valid_slug(std::string_view slug);

// A slug suggested from a restaurant's name: "Café Ørsted & Co" ->
// "cafe-orsted-co" (Latin letters folded to ASCII, everything else a
// separator), "restaurant" when nothing is left.
std::string slug_from_name(std::string_view name);

// An origin as browsers send it: "https://host" or "http://host", with an
// optional ":port", lower-case, no path.
bool is_valid_origin(std::string_view origin);

}  // namespace maitred::domain
