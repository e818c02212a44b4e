#pragma once
// The language of a guest e-mail and how it writes a date and a time.
// Guest e-mails exist in English, Danish and German; anything else falls
// back to English rather than mixing languages in one message.

#include <span>
#include <string>
#include <string_view>

#include "core/clock.hpp"

namespace maitred::domain {

// en, da, de.
std::span<const std::string_view> mail_languages();

// The booking's languageCode when it is a mail language, else the
// restaurant's, else "en".
std::string_view mail_language(std::string_view booking_language, std::string_view restaurant_language);

struct LocalWording {
  std::string date;  // "Friday 18 December 2026", "fredag den 18. december 2026", "Freitag, 18. Dezember 2026"
  std::string time;  // "19:30" (24-hour in all three languages)
};

// `instant` as the restaurant's wall clock in `zone`, written in `language`
// (one of mail_languages()). Throws std::runtime_error for an unknown zone.
LocalWording local_wording(std::string_view zone, core::SystemTime instant, std::string_view language);

}  // namespace maitred::domain
