#pragma once
// The rules a staff password must meet (SPEC.md section 2): at least 8
// characters with a digit and a lowercase letter, or at least 15 characters
// of any kind; never one of the common breached passwords shipped with the
// server (data/common-passwords.txt, compared case-insensitively).
//
// Checked when a password is set and again at every login, so a password
// that was fine when chosen but is on today's list must be changed.

#include <optional>
#include <string>
#include <string_view>

namespace maitred::domain {

inline constexpr std::size_t kShortPasswordMinimum = 8;
inline constexpr std::size_t kLongPasswordMinimum = 15;
// Bounds the work a login does before the hash is checked.
inline constexpr std::size_t kPasswordMaximumBytes = 1024;

struct PasswordProblem {
  std::string code;     // password_too_short, password_too_weak, password_breached, password_too_long
  std::string message;  // names the rule that failed
};

// nullopt when the password is acceptable.
std::optional<PasswordProblem> check_password(std::string_view password);

// True when `password` (any case) is on the shipped list.
bool is_common_password(std::string_view password);

}  // namespace maitred::domain
