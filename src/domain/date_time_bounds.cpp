#include "domain/date_time_bounds.hpp"

#include "core/time_format.hpp"
#include "domain/calendar.hpp"
#include "domain/search_expression.hpp"
#include "domain/time_zone.hpp"

namespace maitred::domain {

namespace {

bool digits(std::string_view s) {
  for (char c : s) {
    if (c < '0' || c > '9') return false;
  }
  return !s.empty();
}

// "HH:MM" or "HH:MM:SS" (fractions ignored) as seconds since midnight.
std::optional<int> parse_wall_clock(std::string_view text) {
  if (text.size() < 5 || text[2] != ':' || !digits(text.substr(0, 2)) || !digits(text.substr(3, 2))) {
    return std::nullopt;
  }
  int seconds = 0;
  if (text.size() > 5) {
    if (text[5] != ':' || text.size() < 8 || !digits(text.substr(6, 2))) return std::nullopt;
    auto rest = text.substr(8);
    if (!rest.empty() && (rest[0] != '.' || !digits(rest.substr(1)))) return std::nullopt;
    seconds = std::stoi(std::string(text.substr(6, 2)));
    if (seconds > 59) return std::nullopt;
  }
  int h = std::stoi(std::string(text.substr(0, 2))), m = std::stoi(std::string(text.substr(3, 2)));
  if (h > 23 || m > 59) return std::nullopt;
  return (h * 60 + m) * 60 + seconds;
}

}  // namespace

std::optional<core::SystemTime> parse_date_time_bound(std::string_view text, std::string_view zone, Bound bound) {
  // Years outside the client range are refused like any malformed bound.
  if (text.size() >= 10) {
    if (auto day = parse_iso_date(text.substr(0, 10)); day && !is_client_year(*day)) return std::nullopt;
  }
  if (auto day = parse_iso_date(text)) {
    if (bound == Bound::from) return start_of_local_day(zone, *day);
    const auto next = date::year_month_day{date::sys_days{*day} + date::days{1}};
    return start_of_local_day(zone, next) - std::chrono::seconds{1};
  }
  if (text.size() < 16 || text[10] != 'T') return std::nullopt;
  // With Z or an offset: that instant.
  if (auto instant = normalise_instant(text); instant && instant->size() == 20) return core::parse_utc(*instant);
  // Without: the restaurant's wall clock.
  auto day = parse_iso_date(text.substr(0, 10));
  auto seconds = parse_wall_clock(text.substr(11));
  if (!day || !seconds) return std::nullopt;
  auto utc = local_to_utc(zone, *day, *seconds / 60);
  return utc.instant + std::chrono::seconds{*seconds % 60};
}

}  // namespace maitred::domain
