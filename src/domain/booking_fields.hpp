#pragma once
// The values a client may give a booking's plain fields: where it came from
// (`source`) and the guest's language (`languageCode`). Each check throws
// InvalidInput naming the field, its message listing what is allowed.

#include <span>
#include <string_view>

namespace maitred::domain {

// walkin, website, phone, email, message, eatie, api, other (resos-api.md),
// and online: a guest booked on the public booking page or widget.
inline constexpr std::string_view kOnlineSource = "online";
std::span<const std::string_view> booking_sources();

void check_booking_source(std::string_view source);

// One of the languages a restaurant may use (restaurant_rules.hpp).
void check_booking_language(std::string_view language_code);

}  // namespace maitred::domain
