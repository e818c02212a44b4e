#pragma once
// Validation of restaurant fields, shared by the CLI and the API.

#include <optional>
#include <string>
#include <string_view>

namespace maitred::domain {

struct FieldError {
  std::string field;
  std::string message;
};

inline constexpr std::size_t kMaxNameLength = 200;

std::optional<FieldError> check_restaurant_name(std::string_view name);

// True when `zone` names a zone in the system's IANA tz database.
bool is_known_timezone(std::string_view zone);

}  // namespace maitred::domain
