#pragma once
// Guest contact data: e-mail addresses checked for shape, phone numbers kept
// in international E.164 form ("+4511111111").

#include <optional>
#include <string>
#include <string_view>

namespace maitred::domain {

// A plausible address (one @, a dotted domain, no spaces, at most 254 characters).
bool is_valid_email(std::string_view email);

// "+45 11 11 11 11", "+45-1111-1111", "0045 11111111" -> "+4511111111".
// nullopt when it is not an international number (7 to 15 digits after the
// country code's '+'); an empty string stays empty (no phone).
std::optional<std::string> normalize_phone(std::string_view phone);

}  // namespace maitred::domain
