#include "domain/restaurant_rules.hpp"

#include <date/tz.h>

#include <stdexcept>

namespace maitred::domain {

std::optional<FieldError> check_restaurant_name(std::string_view name) {
  bool blank = name.find_first_not_of(" \t\r\n") == std::string_view::npos;
  if (blank) return FieldError{"name", "The restaurant needs a name."};
  if (name.size() > kMaxNameLength) {
    return FieldError{"name", "The restaurant name is longer than 200 characters."};
  }
  return std::nullopt;
}

bool is_known_timezone(std::string_view zone) {
  if (zone.empty() || zone.size() > 64) return false;
  try {
    (void)date::locate_zone(zone);
    return true;
  } catch (const std::runtime_error&) {
    return false;
  }
}

}  // namespace maitred::domain
