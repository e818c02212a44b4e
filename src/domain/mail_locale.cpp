#include "domain/mail_locale.hpp"

#include <algorithm>
#include <array>
#include <cstdio>

#include "domain/time_zone.hpp"

namespace maitred::domain {

namespace {

constexpr std::array<std::string_view, 3> kLanguages = {"en", "da", "de"};

using Names7 = std::array<std::string_view, 7>;
using Names12 = std::array<std::string_view, 12>;

// Weekdays from Sunday, as date::weekday::c_encoding() counts.
constexpr Names7 kWeekdaysEn = {"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"};
constexpr Names7 kWeekdaysDa = {"søndag", "mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag"};
constexpr Names7 kWeekdaysDe = {"Sonntag", "Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag"};
constexpr Names12 kMonthsEn = {"January", "February", "March",     "April",   "May",      "June",
                               "July",    "August",   "September", "October", "November", "December"};
constexpr Names12 kMonthsDa = {"januar", "februar", "marts",     "april",   "maj",      "juni",
                               "juli",   "august",  "september", "oktober", "november", "december"};
constexpr Names12 kMonthsDe = {"Januar", "Februar", "März",      "April",   "Mai",      "Juni",
                               "Juli",   "August",  "September", "Oktober", "November", "Dezember"};

std::string two_digits(unsigned n) {
  char buf[4];
  std::snprintf(buf, sizeof buf, "%02u", n % 100);
  return buf;
}

}  // namespace

std::span<const std::string_view> mail_languages() {
  return kLanguages;
}

std::string_view mail_language(std::string_view booking_language, std::string_view restaurant_language) {
  for (auto candidate : {booking_language, restaurant_language}) {
    auto found = std::ranges::find(kLanguages, candidate);
    if (found != kLanguages.end()) return *found;
  }
  return "en";
}

LocalWording local_wording(std::string_view zone, core::SystemTime instant, std::string_view language) {
  const auto local = utc_to_local(zone, instant);
  const auto weekday = date::weekday{date::sys_days{local.day}}.c_encoding();
  const auto month = static_cast<unsigned>(local.day.month()) - 1;
  const auto day = std::to_string(static_cast<unsigned>(local.day.day()));
  const auto year = std::to_string(static_cast<int>(local.day.year()));
  LocalWording out;
  out.time = two_digits(static_cast<unsigned>(local.minutes / 60)) + ":" + two_digits(local.minutes % 60);
  if (language == "da") {
    out.date = std::string(kWeekdaysDa[weekday]) + " den " + day + ". " + std::string(kMonthsDa[month]) + " " + year;
  } else if (language == "de") {
    out.date = std::string(kWeekdaysDe[weekday]) + ", " + day + ". " + std::string(kMonthsDe[month]) + " " + year;
  } else {
    out.date = std::string(kWeekdaysEn[weekday]) + " " + day + " " + std::string(kMonthsEn[month]) + " " + year;
  }
  return out;
}

}  // namespace maitred::domain
