#pragma once
// Staff users (Reception Star style): a username and password of one
// restaurant, with a role. Usernames are unique per restaurant, ignoring
// ASCII case: `username_key` is the lower-cased form the store indexes.

#include <optional>
#include <string>
#include <string_view>

#include "core/clock.hpp"

namespace maitred::domain {

// Ordered: each role may do everything the ones before it may.
enum class Role { readonly, host, manager, owner };

std::string_view role_name(Role role);  // "readonly", "host", "manager", "owner"
std::optional<Role> parse_role(std::string_view name);

struct StaffUser {
  std::string id;
  std::string restaurant_id;
  std::string username;      // as the owner typed it
  std::string username_key;  // ASCII-lower-cased, unique per restaurant
  Role role = Role::readonly;
  std::string password_hash;  // argon2id, encoded PHC string
  core::SystemTime created_at;
  core::SystemTime password_changed_at;
};

inline constexpr std::size_t kMaxUsernameLength = 64;

// 1-64 characters of [A-Za-z0-9._@+-]: safe in logs, URLs and HTTP Basic
// (no ':' or '/'). Returns the problem in words, or nullopt.
std::optional<std::string> check_username(std::string_view username);

std::string username_key(std::string_view username);

}  // namespace maitred::domain
