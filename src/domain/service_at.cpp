#include "domain/service_at.hpp"

#include <string>

namespace maitred::domain {

ServiceAtStart service_at(std::span<const OpeningHour> hours, std::string_view zone, date::year_month_day day,
                          core::SystemTime start, std::string_view preferred_id) {
  ServiceAtStart found;
  const std::string zone_name(zone);
  // The day before first: its late service opened before any of today's.
  for (int offset : {-1, 0}) {
    const date::year_month_day service_day{date::sys_days{day} + date::days{offset}};
    for (const OpeningHour* h : services_on(hours, service_day)) {
      const auto window = service_window(zone_name, service_day, *h);
      if (start < window.start || start >= window.end) continue;
      if (found.service == nullptr || (!preferred_id.empty() && h->id == preferred_id)) found = {h, window};
    }
  }
  return found;
}

}  // namespace maitred::domain
