#include "core/time_format.hpp"

#include <date/date.h>

#include <sstream>

namespace maitred::core {

std::string format_utc(SystemTime t) {
  return date::format("%FT%TZ", std::chrono::floor<std::chrono::seconds>(t));
}

std::optional<SystemTime> parse_utc(std::string_view text) {
  if (text.size() != 20 || text.back() != 'Z') return std::nullopt;
  std::istringstream in{std::string(text)};
  date::sys_seconds seconds;
  in >> date::parse("%FT%TZ", seconds);
  if (in.fail()) return std::nullopt;
  return std::chrono::time_point_cast<std::chrono::milliseconds>(seconds);
}

}  // namespace maitred::core
