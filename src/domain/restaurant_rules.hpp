#pragma once
// Validation of restaurant settings, shared by the CLI and the API. Each
// failure is a domain::InvalidInput naming the field.

#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "domain/restaurant.hpp"

namespace maitred::domain {

struct FieldError {
  std::string field;
  std::string message;
};

inline constexpr std::size_t kMaxNameLength = 200;

std::optional<FieldError> check_restaurant_name(std::string_view name);

// True when `zone` names a zone in the system's IANA tz database.
bool is_known_timezone(std::string_view zone);

// Languages a booking or restaurant may use (resOS: en, es, de, da, sv).
std::span<const std::string_view> supported_languages();
bool is_supported_language(std::string_view code);

// Every rule on the whole settings document; throws InvalidInput.
void check_restaurant(const Restaurant& restaurant);

}  // namespace maitred::domain
