#include "domain/auth_session.hpp"

#include "core/ids.hpp"

namespace maitred::domain {

NewSession new_session(const StaffUser& user, core::SystemTime now, const SessionLifetimes& lifetimes,
                       std::string family_id) {
  NewSession out;
  out.access_token = std::string(kAccessTokenMarker) + core::random_base62(kTokenRandomLength);
  out.refresh_token = std::string(kRefreshTokenMarker) + core::random_base62(kTokenRandomLength);
  AuthSession& s = out.session;
  s.id = core::new_id();
  s.family_id = family_id.empty() ? s.id : std::move(family_id);
  s.user_id = user.id;
  s.restaurant_id = user.restaurant_id;
  s.role = user.role;
  s.access_hash = core::sha256(out.access_token);
  s.refresh_hash = core::sha256(out.refresh_token);
  s.created_at = now;
  s.access_expires_at = now + std::chrono::duration_cast<std::chrono::milliseconds>(lifetimes.access);
  s.refresh_expires_at = now + std::chrono::duration_cast<std::chrono::milliseconds>(lifetimes.refresh);
  return out;
}

// Revocation wins over expiry: a client told "revoked" knows signing in again
// is the only way, and one told "expired" knows a refresh may still work.
TokenState access_state(const AuthSession& session, core::SystemTime now) {
  if (session.revoked_at) return TokenState::revoked;
  return now >= session.access_expires_at ? TokenState::expired : TokenState::valid;
}

TokenState refresh_state(const AuthSession& session, core::SystemTime now) {
  if (session.revoked_at) return TokenState::revoked;
  return now >= session.refresh_expires_at ? TokenState::expired : TokenState::valid;
}

}  // namespace maitred::domain
