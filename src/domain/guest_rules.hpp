#pragma once
// What a booking says about its guest, checked. Each check throws
// InvalidInput naming the guest.* field, and returns the value to store.

#include <string>
#include <string_view>

namespace maitred::domain {

// Not blank.
std::string checked_guest_name(std::string_view name);

// Empty (no e-mail) or a plausible address (contact_rules.hpp).
std::string checked_guest_email(std::string_view email);

// Empty (no phone) or an international number; returned in E.164 form
// ("+45 11 11 11 11" -> "+4511111111").
std::string checked_guest_phone(std::string_view phone);

}  // namespace maitred::domain
