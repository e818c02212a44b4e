#include "core/time_format.hpp"

#include <date/date.h>

#include <array>
#include <charconv>

namespace maitred::core {

// Hand-rolled rather than date::format/parse: those go through iostreams,
// which showed up at several percent of a request's CPU time in profiles
// (every stored time stamp is parsed on read, and every log line formats one).

namespace {

void put_digits(char* out, int value, int width) {
  for (int i = width - 1; i >= 0; --i, value /= 10) out[i] = static_cast<char>('0' + value % 10);
}

bool read_digits(std::string_view text, std::size_t at, std::size_t width, int& value) {
  const char* first = text.data() + at;
  const char* last = first + width;
  for (const char* p = first; p != last; ++p) {
    if (*p < '0' || *p > '9') return false;
  }
  return std::from_chars(first, last, value).ec == std::errc{};
}

}  // namespace

std::string format_utc(SystemTime t) {
  const auto seconds = std::chrono::floor<std::chrono::seconds>(t);
  const auto days = std::chrono::floor<date::days>(seconds);
  const date::year_month_day ymd{days};
  const date::hh_mm_ss hms{seconds - days};
  std::string out = "0000-00-00T00:00:00Z";
  const int year = static_cast<int>(ymd.year());
  if (year < 0 || year > 9999) return date::format("%FT%TZ", seconds);  // never for real data
  put_digits(out.data(), year, 4);
  put_digits(out.data() + 5, static_cast<int>(static_cast<unsigned>(ymd.month())), 2);
  put_digits(out.data() + 8, static_cast<int>(static_cast<unsigned>(ymd.day())), 2);
  put_digits(out.data() + 11, static_cast<int>(hms.hours().count()), 2);
  put_digits(out.data() + 14, static_cast<int>(hms.minutes().count()), 2);
  put_digits(out.data() + 17, static_cast<int>(hms.seconds().count()), 2);
  return out;
}

std::optional<SystemTime> parse_utc(std::string_view text) {
  // YYYY-MM-DDTHH:MM:SSZ
  if (text.size() != 20 || text[4] != '-' || text[7] != '-' || text[10] != 'T' || text[13] != ':' || text[16] != ':' ||
      text[19] != 'Z') {
    return std::nullopt;
  }
  int year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0;
  if (!read_digits(text, 0, 4, year) || !read_digits(text, 5, 2, month) || !read_digits(text, 8, 2, day) ||
      !read_digits(text, 11, 2, hour) || !read_digits(text, 14, 2, minute) || !read_digits(text, 17, 2, second)) {
    return std::nullopt;
  }
  const date::year_month_day ymd{date::year{year}, date::month{static_cast<unsigned>(month)},
                                 date::day{static_cast<unsigned>(day)}};
  if (!ymd.ok() || hour > 23 || minute > 59 || second > 59) return std::nullopt;
  const auto instant =
      date::sys_days{ymd} + std::chrono::hours{hour} + std::chrono::minutes{minute} + std::chrono::seconds{second};
  return std::chrono::time_point_cast<std::chrono::milliseconds>(instant);
}

}  // namespace maitred::core
