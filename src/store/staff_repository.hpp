#pragma once
// Staff users and their sessions. These writes do not move the data
// generation: nothing caches them.

#include <cstddef>
#include <optional>
#include <string_view>
#include <vector>

#include "core/clock.hpp"
#include "domain/auth_session.hpp"
#include "domain/staff_user.hpp"

namespace maitred::store {

class StaffRepository {
 public:
  virtual ~StaffRepository() = default;

  // Throws StoreError(conflict) when the username is taken in the restaurant.
  virtual void create_staff_user(const domain::StaffUser& user) = 0;
  virtual std::optional<domain::StaffUser> find_staff_user(std::string_view restaurant_id,
                                                           std::string_view username_key) = 0;
  // The users of every restaurant with this username key.
  virtual std::vector<domain::StaffUser> find_staff_users_named(std::string_view username_key) = 0;
  virtual std::vector<domain::StaffUser> list_staff_users(std::string_view restaurant_id) = 0;
  // Also ends the user's sessions. False when no such user.
  virtual bool delete_staff_user(std::string_view user_id) = 0;
  // Also revokes the user's sessions. False when no such user.
  virtual bool set_staff_password(std::string_view user_id, std::string_view password_hash, core::SystemTime at) = 0;
  virtual void create_session(const domain::AuthSession& session) = 0;
  // With the user's current role; nullopt when no session has this hash.
  virtual std::optional<domain::AuthSession> find_session_by_access(const core::Sha256Digest& access_hash) = 0;
  virtual std::optional<domain::AuthSession> find_session_by_refresh(const core::Sha256Digest& refresh_hash) = 0;
  // False when it did not exist or was already revoked.
  virtual bool revoke_session(std::string_view session_id, core::SystemTime at) = 0;
  // Revokes every live session of the family; returns how many.
  virtual std::size_t revoke_session_family(std::string_view family_id, core::SystemTime at) = 0;
  // Forgets sessions whose refresh token expired before `now` (neither of
  // their tokens can work any more); returns how many.
  virtual std::size_t purge_expired_sessions(core::SystemTime now) = 0;
};

}  // namespace maitred::store
