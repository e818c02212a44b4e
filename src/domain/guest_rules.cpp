#include "domain/guest_rules.hpp"

#include "domain/contact_rules.hpp"
#include "domain/errors.hpp"

namespace maitred::domain {

namespace {

[[noreturn]] void fail(std::string field, const std::string& message) {
  throw InvalidInput("invalid_field", std::move(field), message);
}

}  // namespace

std::string checked_guest_name(std::string_view name) {
  if (name.find_first_not_of(" \t\r\n") == std::string_view::npos) fail("guest.name", "The guest needs a name.");
  return std::string(name);
}

std::string checked_guest_email(std::string_view email) {
  if (!email.empty() && !is_valid_email(email)) {
    fail("guest.email", "'" + std::string(email) + "' is not a valid e-mail address.");
  }
  return std::string(email);
}

std::string checked_guest_phone(std::string_view phone) {
  auto normalized = normalize_phone(phone);
  if (!normalized) {
    fail("guest.phone", "The phone number must be international: + and the country code, e.g. +4511111111.");
  }
  return std::move(*normalized);
}

}  // namespace maitred::domain
