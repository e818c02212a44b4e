#include "domain/event.hpp"

#include <algorithm>

namespace maitred::domain {

namespace {

bool is_name(std::string_view part) {
  return !part.empty() && part.size() <= 40 &&
         std::ranges::all_of(part, [](char c) { return (c >= 'a' && c <= 'z') || c == '_'; });
}

}  // namespace

std::string_view resource_type_of(std::string_view event_type) {
  return event_type.substr(0, event_type.find('.'));
}

bool event_type_matches(std::string_view pattern, std::string_view type) {
  if (pattern == "*") return true;
  if (pattern.ends_with(".*")) {
    const auto resource = pattern.substr(0, pattern.size() - 1);  // keeps the dot
    return type.starts_with(resource);
  }
  return pattern == type;
}

bool is_valid_event_type_pattern(std::string_view pattern) {
  if (pattern == "*") return true;
  const auto dot = pattern.find('.');
  if (dot == std::string_view::npos) return false;
  const auto resource = pattern.substr(0, dot);
  const auto what = pattern.substr(dot + 1);
  return is_name(resource) && (what == "*" || is_name(what));
}

}  // namespace maitred::domain
