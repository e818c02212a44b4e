#include "domain/staff_user.hpp"

#include <array>

#include "core/text.hpp"

namespace maitred::domain {

namespace {
constexpr std::array<std::string_view, 4> kRoleNames = {"readonly", "host", "manager", "owner"};
}

std::string_view role_name(Role role) {
  return kRoleNames[static_cast<std::size_t>(role)];
}

std::optional<Role> parse_role(std::string_view name) {
  for (std::size_t i = 0; i < kRoleNames.size(); ++i) {
    if (core::iequals(name, kRoleNames[i])) return static_cast<Role>(i);
  }
  return std::nullopt;
}

std::optional<std::string> check_username(std::string_view username) {
  if (username.empty() || username.size() > kMaxUsernameLength) {
    return "a username has 1 to 64 characters";
  }
  for (char c : username) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' ||
                    c == '_' || c == '@' || c == '+' || c == '-';
    if (!ok) return "a username may contain only letters a-z, digits and . _ @ + -";
  }
  return std::nullopt;
}

std::string username_key(std::string_view username) {
  std::string key(username);
  for (char& c : key) c = core::ascii_lower(c);
  return key;
}

}  // namespace maitred::domain
