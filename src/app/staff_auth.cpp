#include "app/staff_auth.hpp"

#include "app/record_event.hpp"
#include "core/password_hash.hpp"
#include "domain/errors.hpp"
#include "domain/password_policy.hpp"
#include "store/store.hpp"

namespace maitred::app {

namespace {

domain::Unauthenticated unknown_user() {
  return domain::Unauthenticated("unknown_user", "There is no staff user with this username.");
}

std::optional<domain::StaffUser> find_user(store::Store& store, const LoginAttempt& attempt, const std::string& key) {
  if (attempt.restaurant_id) return store.staff().find_staff_user(*attempt.restaurant_id, key);
  auto users = store.staff().find_staff_users_named(key);
  if (users.empty()) return std::nullopt;
  if (users.size() > 1) {
    throw domain::InvalidInput("restaurant_required", "restaurantId",
                               "This username exists in more than one restaurant: send restaurantId too.");
  }
  return std::move(users.front());
}

}  // namespace

domain::StaffUser StaffAuth::check_credentials(const LoginAttempt& attempt) {
  const std::string name = domain::username_key(attempt.username);
  std::optional<domain::StaffUser> user;
  if (!domain::check_username(attempt.username)) user = find_user(store_, attempt, name);
  // Counted per user, so guessing at one restaurant's "anna" does not lock
  // another restaurant's; names nobody has are counted by name.
  const std::string account = user ? "id:" + user->id : "name:" + name;
  // Before the hash: a locked account costs one indexed lookup, no argon2.
  if (auto wait = throttle_.wait_before_attempt(account, attempt.client_address); wait.count() > 0) {
    throw domain::TooManyAttempts(wait,
                                  "Too many failed sign-ins for this username or from this address. Retry "
                                  "after the number of milliseconds in Retry-After.");
  }
  if (!user) {
    throttle_.record_failure(account, attempt.client_address);
    throw unknown_user();
  }
  if (!core::verify_password(user->password_hash, attempt.password)) {
    throttle_.record_failure(account, attempt.client_address);
    throw domain::Unauthenticated("wrong_password", "The password is wrong.");
  }
  throttle_.record_success(account);
  return std::move(*user);
}

TokenPair StaffAuth::login(const LoginAttempt& attempt) {
  auto user = check_credentials(attempt);
  // The right password, but one today's policy refuses (on the breached list
  // since it was chosen): no token until it is changed.
  if (auto problem = domain::check_password(attempt.password)) {
    throw domain::Unauthenticated("password_change_required",
                                  "The password is correct but no longer acceptable (" + problem->message +
                                      ") Set a new one with POST /api/v3/auth/password, or ask the "
                                      "restaurant's owner (maitred user passwd).");
  }
  return start_session(user);
}

TokenPair StaffAuth::change_password(const LoginAttempt& attempt, const std::string& new_password) {
  auto user = check_credentials(attempt);
  if (auto problem = domain::check_password(new_password)) {
    throw domain::InvalidInput(problem->code, "newPassword", problem->message);
  }
  // Hashed before the write, outside any transaction: it takes tens of ms.
  const std::string hash = core::hash_password(new_password);
  store_.atomically([&] {
    store_.staff().set_staff_password(user.id, hash, clock_.now());  // also ends the user's sessions
    const domain::Actor actor{"user", user.id};
    record_event({store_, clock_, actor, user.restaurant_id}, "staff_user.password_changed", user.id);
  });
  return start_session(user);
}

TokenPair StaffAuth::refresh(std::string_view refresh_token) {
  const domain::Unauthenticated unknown("unknown_token", "The refresh token is not known. Sign in again.");
  if (!refresh_token.starts_with(domain::kRefreshTokenMarker)) throw unknown;
  std::optional<TokenPair> pair;
  bool reused = false;
  store_.atomically([&] {
    auto session = store_.staff().find_session_by_refresh(core::sha256(refresh_token));
    if (!session) throw unknown;
    switch (domain::refresh_state(*session, clock_.now())) {
      case domain::TokenState::revoked:
        // Used before (or signed out): whoever holds the family's newest
        // pair may have stolen this one, or be its victim; end them all.
        // Not thrown here: that would roll the revocation back.
        store_.staff().revoke_session_family(session->family_id, clock_.now());
        reused = true;
        return;
      case domain::TokenState::expired:
        throw domain::Unauthenticated("token_expired", "The refresh token has expired. Sign in again.");
      case domain::TokenState::valid: break;
    }
    // Inside atomically(): of two concurrent refreshes with one token, the
    // second finds the session revoked.
    store_.staff().revoke_session(session->id, clock_.now());
    domain::StaffUser user;
    user.id = session->user_id;
    user.restaurant_id = session->restaurant_id;
    user.role = session->role;
    pair = start_session(user, session->family_id);
  });
  if (reused) {
    throw domain::Unauthenticated("token_revoked",
                                  "This refresh token was already used or revoked; every session refreshed from the "
                                  "same sign-in has been ended. Sign in again.");
  }
  return std::move(*pair);
}

void StaffAuth::logout(std::string_view session_id) {
  store_.staff().revoke_session(session_id, clock_.now());
}

TokenPair StaffAuth::start_session(const domain::StaffUser& user, std::string family_id) {
  auto created = domain::new_session(user, clock_.now(), settings_.lifetimes, std::move(family_id));
  store_.staff().create_session(created.session);
  return {std::move(created.access_token), std::move(created.refresh_token), settings_.lifetimes.access};
}

}  // namespace maitred::app
