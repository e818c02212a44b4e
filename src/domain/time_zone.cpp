#include "domain/time_zone.hpp"

#include <date/tz.h>

#include <mutex>
#include <string>
#include <unordered_map>

namespace maitred::domain {

namespace {

// locate_zone searches a sorted vector; the pointer is stable for the life of
// the process, so it is cached per zone name (DESIGN.md: one per restaurant).
const date::time_zone* zone_for(std::string_view name) {
  static std::mutex mutex;
  static std::unordered_map<std::string, const date::time_zone*> cache;
  std::lock_guard lock(mutex);
  auto it = cache.find(std::string(name));
  if (it != cache.end()) return it->second;
  const date::time_zone* zone = date::locate_zone(name);
  cache.emplace(std::string(name), zone);
  return zone;
}

using std::chrono::milliseconds;
using std::chrono::minutes;

}  // namespace

UtcResult local_to_utc(std::string_view zone_name, date::year_month_day day, int local_minutes) {
  const auto* zone = zone_for(zone_name);
  const date::local_seconds local = date::local_days{day} + minutes{local_minutes};
  const auto info = zone->get_info(local);
  switch (info.result) {
    case date::local_info::unique:
      return {std::chrono::time_point_cast<milliseconds>(zone->to_sys(local)), LocalTimeKind::unique};
    case date::local_info::ambiguous:
      return {std::chrono::time_point_cast<milliseconds>(zone->to_sys(local, date::choose::earliest)),
              LocalTimeKind::ambiguous};
    case date::local_info::nonexistent:
    default: {
      // Interpreted with the offset in force before the jump.
      const auto before = date::sys_seconds{local.time_since_epoch()} - info.first.offset;
      return {std::chrono::time_point_cast<milliseconds>(before), LocalTimeKind::nonexistent};
    }
  }
}

LocalDateTime utc_to_local(std::string_view zone_name, core::SystemTime instant) {
  const auto* zone = zone_for(zone_name);
  const auto local = zone->to_local(std::chrono::floor<std::chrono::seconds>(instant));
  const auto days = std::chrono::floor<date::days>(local);
  return {date::year_month_day{days}, static_cast<int>(std::chrono::duration_cast<minutes>(local - days).count())};
}

core::SystemTime start_of_local_day(std::string_view zone_name, date::year_month_day day) {
  const auto* zone = zone_for(zone_name);
  const date::local_seconds midnight{date::local_days{day}};
  const auto info = zone->get_info(midnight);
  // Where clocks jump over midnight, the day starts at the jump.
  if (info.result == date::local_info::nonexistent) {
    return std::chrono::time_point_cast<milliseconds>(info.second.begin);
  }
  return std::chrono::time_point_cast<milliseconds>(zone->to_sys(midnight, date::choose::earliest));
}

}  // namespace maitred::domain
