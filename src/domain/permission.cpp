#include "domain/permission.hpp"

#include <array>
#include <utility>

namespace maitred::domain {

namespace {

// Families whose writes need more than `operate`. Anything not listed here
// (bookings, bookingFlow, customers, orders, feedback, ...) is `operate`.
constexpr std::array<std::pair<std::string_view, Permission>, 9> kWriteFamilies = {{
    {"restaurant", Permission::configure},
    {"areas", Permission::configure},
    {"tables", Permission::configure},
    {"tableCombinations", Permission::configure},
    {"openingHours", Permission::configure},
    {"customFields", Permission::configure},
    {"apiKeys", Permission::administer},
    {"users", Permission::administer},
    {"webhooks", Permission::configure},
}};

// Families that are sensitive even to read.
constexpr std::array<std::string_view, 2> kAdministeredFamilies = {"apiKeys", "users"};
// Families a manager configures and only managers and owners may see:
// webhook URLs may carry a receiver's token in their query.
constexpr std::array<std::string_view, 1> kConfiguredFamilies = {"webhooks"};

std::string_view strip_base(std::string_view pattern) {
  for (std::string_view base : {"/api/v1/", "/api/v3/", "/v1/", "/v3/"}) {
    if (pattern.starts_with(base)) return pattern.substr(base.size());
  }
  return pattern.starts_with('/') ? pattern.substr(1) : pattern;
}

}  // namespace

std::string_view permission_name(Permission permission) {
  constexpr std::array<std::string_view, 4> names = {"read", "operate", "configure", "administer"};
  return names[static_cast<std::size_t>(permission)];
}

Role minimum_role(Permission permission) {
  switch (permission) {
    case Permission::read: return Role::readonly;
    case Permission::operate: return Role::host;
    case Permission::configure: return Role::manager;
    case Permission::administer: return Role::owner;
  }
  return Role::owner;
}

Permission permission_for_route(bool read_only_method, std::string_view pattern) {
  std::string_view rest = strip_base(pattern);
  const std::string_view family = rest.substr(0, rest.find('/'));
  for (auto administered : kAdministeredFamilies) {
    if (family == administered) return Permission::administer;
  }
  for (auto configured : kConfiguredFamilies) {
    if (family == configured) return Permission::configure;
  }
  // Signing out needs nothing beyond being signed in.
  if (family == "auth") return Permission::read;
  if (read_only_method) return Permission::read;
  for (const auto& [name, permission] : kWriteFamilies) {
    if (family == name) return permission;
  }
  return Permission::operate;
}

}  // namespace maitred::domain
