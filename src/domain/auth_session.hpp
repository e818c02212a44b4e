#pragma once
// A staff login session: one access token (short-lived, sent as Bearer) and
// one refresh token (long-lived, exchanged for a new pair). Both are random
// secrets shown once and stored only as SHA-256 hashes; they are found by
// the hash itself, which is as unguessable as the token.
//
// Refreshing rotates: the old session is revoked (its access token too) and
// a new one of the same family replaces it, so a refresh token works exactly
// once. A refresh token presented again means two parties hold it (one of
// them stole it): the whole family is revoked, so neither keeps access.

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

#include "core/clock.hpp"
#include "core/crypto.hpp"
#include "domain/staff_user.hpp"

namespace maitred::domain {

// "mta_" / "mtr_" followed by 43 base62 characters (about 256 bits).
inline constexpr std::string_view kAccessTokenMarker = "mta_";
inline constexpr std::string_view kRefreshTokenMarker = "mtr_";
inline constexpr std::size_t kTokenRandomLength = 43;

struct SessionLifetimes {
  std::chrono::seconds access{3 * 3600};         // SPEC.md: 3 hours
  std::chrono::seconds refresh{30 * 24 * 3600};  // 30 days
};

struct AuthSession {
  std::string id;
  std::string family_id;  // the id of the session the sign-in started
  std::string user_id;
  std::string restaurant_id;
  core::Sha256Digest access_hash{};
  core::Sha256Digest refresh_hash{};
  core::SystemTime created_at;
  core::SystemTime access_expires_at;
  core::SystemTime refresh_expires_at;
  std::optional<core::SystemTime> revoked_at;
  Role role = Role::readonly;  // the user's role now (read with the session, not stored in it)
};

struct NewSession {
  AuthSession session;       // what is stored
  std::string access_token;  // what the client gets, once
  std::string refresh_token;
};

// A new family when `family_id` is empty (a sign-in), else a member of it (a
// refresh).
NewSession new_session(const StaffUser& user, core::SystemTime now, const SessionLifetimes& lifetimes,
                       std::string family_id = {});

enum class TokenState { valid, expired, revoked };

TokenState access_state(const AuthSession& session, core::SystemTime now);
TokenState refresh_state(const AuthSession& session, core::SystemTime now);

}  // namespace maitred::domain
