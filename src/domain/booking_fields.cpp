#include "domain/booking_fields.hpp"

#include <algorithm>
#include <array>
#include <string>

#include "core/text.hpp"
#include "domain/errors.hpp"
#include "domain/restaurant_rules.hpp"

namespace maitred::domain {

namespace {

constexpr std::array<std::string_view, 9> kSources = {"walkin", "website", "phone", "email",      "message",
                                                      "eatie",  "api",     "other", kOnlineSource};

}  // namespace

std::span<const std::string_view> booking_sources() {
  return kSources;
}

void check_booking_source(std::string_view source) {
  if (std::ranges::find(kSources, source) != kSources.end()) return;
  throw InvalidInput("invalid_field", "source", "source must be one of " + core::joined(kSources, ", ") + ".");
}

void check_booking_language(std::string_view language_code) {
  if (is_supported_language(language_code)) return;
  throw InvalidInput("invalid_field", "languageCode",
                     "languageCode must be one of " + core::joined(supported_languages(), ", ") + ".");
}

}  // namespace maitred::domain
