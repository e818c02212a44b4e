#pragma once
// Staff sign-in (SPEC.md section 2): username and password for a pair of
// tokens, refresh with rotation, sign-out. Failures throw
// domain::Unauthenticated with a code naming the reason (401) or
// domain::TooManyAttempts (429) when the throttle says wait.

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

#include "app/login_throttle.hpp"
#include "core/clock.hpp"
#include "domain/auth_session.hpp"

namespace maitred::store {
class Store;
}

namespace maitred::app {

struct StaffAuthSettings {
  domain::SessionLifetimes lifetimes;
  ThrottleSettings throttle;
};

struct LoginAttempt {
  std::optional<std::string> restaurant_id;  // needed only when the username exists in several restaurants
  std::string username;
  std::string password;
  std::string client_address;
};

struct TokenPair {
  std::string access_token;
  std::string refresh_token;
  std::chrono::seconds expires_in;
};

class StaffAuth {
 public:
  StaffAuth(store::Store& store, const core::Clock& clock, StaffAuthSettings settings)
      : store_(store), clock_(clock), settings_(settings), throttle_(settings.throttle, clock) {}

  TokenPair login(const LoginAttempt& attempt);
  // Self-service: signs in with the current password (even one today's
  // policy refuses, which is the point) and sets `new_password`, which must
  // pass the policy (else domain::InvalidInput on "newPassword"). The user's
  // other sessions end; the answer is a pair for the new password.
  TokenPair change_password(const LoginAttempt& attempt, const std::string& new_password);
  // The old session (both its tokens) ends; a refresh token works once, and
  // one presented again ends every session refreshed from the same sign-in.
  TokenPair refresh(std::string_view refresh_token);
  void logout(std::string_view session_id);

 private:
  // Throttle, lookup and hash check shared by login and change_password.
  domain::StaffUser check_credentials(const LoginAttempt& attempt);
  TokenPair start_session(const domain::StaffUser& user, std::string family_id = {});

  store::Store& store_;
  const core::Clock& clock_;
  StaffAuthSettings settings_;
  LoginThrottle throttle_;
};

}  // namespace maitred::app
