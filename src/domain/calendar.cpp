#include "domain/calendar.hpp"

namespace maitred::domain {

namespace {
bool digits(std::string_view s) {
  for (char c : s) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}
int number(std::string_view s) {
  int n = 0;
  for (char c : s) n = n * 10 + (c - '0');
  return n;
}
}  // namespace

std::optional<date::year_month_day> parse_iso_date(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  auto y = text.substr(0, 4), m = text.substr(5, 2), d = text.substr(8, 2);
  if (!digits(y) || !digits(m) || !digits(d)) return std::nullopt;
  date::year_month_day day{date::year{number(y)}, date::month{static_cast<unsigned>(number(m))},
                           date::day{static_cast<unsigned>(number(d))}};
  if (!day.ok()) return std::nullopt;
  return day;
}

std::string format_iso_date(date::year_month_day day) {
  char out[11];
  const int y = static_cast<int>(day.year());
  const unsigned m = static_cast<unsigned>(day.month());
  const unsigned d = static_cast<unsigned>(day.day());
  out[0] = static_cast<char>('0' + y / 1000 % 10);
  out[1] = static_cast<char>('0' + y / 100 % 10);
  out[2] = static_cast<char>('0' + y / 10 % 10);
  out[3] = static_cast<char>('0' + y % 10);
  out[4] = '-';
  out[5] = static_cast<char>('0' + m / 10);
  out[6] = static_cast<char>('0' + m % 10);
  out[7] = '-';
  out[8] = static_cast<char>('0' + d / 10);
  out[9] = static_cast<char>('0' + d % 10);
  out[10] = '\0';
  return out;
}

int iso_weekday(date::year_month_day day) {
  return static_cast<int>(date::weekday{date::sys_days{day}}.iso_encoding());
}

bool is_valid_hhmm(long long hhmm) {
  return hhmm >= 0 && hhmm <= 2359 && hhmm % 100 < 60;
}

int hhmm_to_minutes(int hhmm) {
  return hhmm / 100 * 60 + hhmm % 100;
}

int minutes_to_hhmm(int minutes) {
  return minutes / 60 * 100 + minutes % 60;
}

int service_length_minutes(int open_hhmm, int close_hhmm) {
  int open = hhmm_to_minutes(open_hhmm);
  int close = hhmm_to_minutes(close_hhmm);
  if (close >= open) return close - open;
  return 24 * 60 - open + close;
}

std::optional<int> parse_clock_time(std::string_view text) {
  if (text.size() != 5 || text[2] != ':' || !digits(text.substr(0, 2)) || !digits(text.substr(3, 2))) {
    return std::nullopt;
  }
  int h = number(text.substr(0, 2)), m = number(text.substr(3, 2));
  if (h > 23 || m > 59) return std::nullopt;
  return h * 60 + m;
}

std::string format_clock_time(int minutes_since_midnight) {
  int h = minutes_since_midnight / 60 % 24, m = minutes_since_midnight % 60;
  return {static_cast<char>('0' + h / 10), static_cast<char>('0' + h % 10), ':', static_cast<char>('0' + m / 10),
          static_cast<char>('0' + m % 10)};
}

}  // namespace maitred::domain
