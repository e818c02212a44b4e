// PgStore: staff users and their login sessions.

#include "core/time_format.hpp"
#include "store/postgres/pg_rows.hpp"
#include "store/postgres/pg_store.hpp"

namespace maitred::store::postgres {

namespace {

#define MAITRED_USER_COLUMNS \
  "id, restaurant_id, username, username_key, role, password_hash, created_at, password_changed_at"

domain::StaffUser user_from_row(const Result& rows, int r) {
  domain::StaffUser u;
  u.id = rows.text(r, 0);
  u.restaurant_id = rows.text(r, 1);
  u.username = rows.text(r, 2);
  u.username_key = rows.text(r, 3);
  auto role = domain::parse_role(rows.text(r, 4));
  if (!role) throw StoreError(StoreError::Kind::internal, "corrupt role in database");
  u.role = *role;
  u.password_hash = rows.text(r, 5);
  u.created_at = stored_time(rows, r, 6);
  u.password_changed_at = stored_time(rows, r, 7);
  return u;
}

std::vector<domain::StaffUser> users_from(const Result& rows) {
  std::vector<domain::StaffUser> out;
  for (int r = 0; r < rows.rows(); ++r) out.push_back(user_from_row(rows, r));
  return out;
}

// The role comes from the user row: a role change applies to live sessions.
#define MAITRED_SESSION_SELECT                                                                                 \
  "SELECT s.id, s.user_id, s.restaurant_id, s.access_hash, s.refresh_hash, s.created_at, s.access_expires_at," \
  " s.refresh_expires_at, s.revoked_at, u.role, s.family_id"                                                   \
  " FROM auth_sessions s JOIN staff_users u ON u.id = s.user_id "

std::optional<domain::AuthSession> session_from(const Result& rows) {
  if (rows.rows() == 0) return std::nullopt;
  domain::AuthSession s;
  s.id = rows.text(0, 0);
  s.user_id = rows.text(0, 1);
  s.restaurant_id = rows.text(0, 2);
  s.access_hash = stored_digest(rows, 0, 3);
  s.refresh_hash = stored_digest(rows, 0, 4);
  s.created_at = stored_time(rows, 0, 5);
  s.access_expires_at = stored_time(rows, 0, 6);
  s.refresh_expires_at = stored_time(rows, 0, 7);
  s.revoked_at = optional_stored_time(rows, 0, 8);
  auto role = domain::parse_role(rows.text(0, 9));
  if (!role) throw StoreError(StoreError::Kind::internal, "corrupt role in database");
  s.role = *role;
  s.family_id = rows.text(0, 10);
  return s;
}

}  // namespace

void PgStore::create_staff_user(const domain::StaffUser& u) {
  on_connection([&](Connection& c) {
    c.run_prepared("INSERT INTO staff_users(" MAITRED_USER_COLUMNS ") VALUES ($1, $2, $3, $4, $5, $6, $7, $8)", u.id,
                   u.restaurant_id, u.username, u.username_key, domain::role_name(u.role), u.password_hash,
                   core::format_utc(u.created_at), core::format_utc(u.password_changed_at));
  });
}

std::optional<domain::StaffUser> PgStore::find_staff_user(std::string_view restaurant_id,
                                                          std::string_view username_key) {
  return on_connection([&](Connection& c) -> std::optional<domain::StaffUser> {
    auto rows = c.run_prepared("SELECT " MAITRED_USER_COLUMNS
                               " FROM staff_users WHERE restaurant_id = $1 AND username_key = $2",
                               restaurant_id, username_key);
    if (rows.rows() == 0) return std::nullopt;
    return user_from_row(rows, 0);
  });
}

std::vector<domain::StaffUser> PgStore::find_staff_users_named(std::string_view username_key) {
  return on_connection([&](Connection& c) {
    return users_from(c.run_prepared(
        "SELECT " MAITRED_USER_COLUMNS " FROM staff_users WHERE username_key = $1 ORDER BY id", username_key));
  });
}

std::vector<domain::StaffUser> PgStore::list_staff_users(std::string_view restaurant_id) {
  return on_connection([&](Connection& c) {
    return users_from(c.run_prepared("SELECT " MAITRED_USER_COLUMNS
                                     " FROM staff_users WHERE restaurant_id = $1 ORDER BY username_key",
                                     restaurant_id));
  });
}

bool PgStore::delete_staff_user(std::string_view user_id) {
  return in_transaction([&](Connection& c) {
    c.run_prepared("DELETE FROM auth_sessions WHERE user_id = $1", user_id);
    return c.run_prepared("DELETE FROM staff_users WHERE id = $1", user_id).affected() > 0;
  });
}

bool PgStore::set_staff_password(std::string_view user_id, std::string_view password_hash, core::SystemTime at) {
  return in_transaction([&](Connection& c) {
    const auto when = core::format_utc(at);
    if (c.run_prepared("UPDATE staff_users SET password_hash = $2, password_changed_at = $3 WHERE id = $1", user_id,
                       password_hash, when)
            .affected() == 0)
      return false;
    c.run_prepared("UPDATE auth_sessions SET revoked_at = $2 WHERE user_id = $1 AND revoked_at IS NULL", user_id, when);
    return true;
  });
}

void PgStore::create_session(const domain::AuthSession& s) {
  on_connection([&](Connection& c) {
    c.run_prepared(
        "INSERT INTO auth_sessions(id, user_id, restaurant_id, access_hash, refresh_hash, created_at,"
        " access_expires_at, refresh_expires_at, family_id) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
        s.id, s.user_id, s.restaurant_id, bytea_param(s.access_hash), bytea_param(s.refresh_hash),
        core::format_utc(s.created_at), core::format_utc(s.access_expires_at), core::format_utc(s.refresh_expires_at),
        s.family_id);
  });
}

std::optional<domain::AuthSession> PgStore::find_session_by_access(const core::Sha256Digest& access_hash) {
  return on_connection([&](Connection& c) {
    return session_from(c.run_prepared(MAITRED_SESSION_SELECT "WHERE s.access_hash = $1", bytea_param(access_hash)));
  });
}

std::optional<domain::AuthSession> PgStore::find_session_by_refresh(const core::Sha256Digest& refresh_hash) {
  return on_connection([&](Connection& c) {
    return session_from(c.run_prepared(MAITRED_SESSION_SELECT "WHERE s.refresh_hash = $1", bytea_param(refresh_hash)));
  });
}

bool PgStore::revoke_session(std::string_view session_id, core::SystemTime at) {
  return on_connection([&](Connection& c) {
    return c.run_prepared("UPDATE auth_sessions SET revoked_at = $2 WHERE id = $1 AND revoked_at IS NULL", session_id,
                          core::format_utc(at))
               .affected() > 0;
  });
}

std::size_t PgStore::revoke_session_family(std::string_view family_id, core::SystemTime at) {
  return on_connection([&](Connection& c) {
    return static_cast<std::size_t>(
        c.run_prepared("UPDATE auth_sessions SET revoked_at = $2 WHERE family_id = $1 AND revoked_at IS NULL",
                       family_id, core::format_utc(at))
            .affected());
  });
}

std::size_t PgStore::purge_expired_sessions(core::SystemTime now) {
  return on_connection([&](Connection& c) {
    return static_cast<std::size_t>(
        c.run_prepared("DELETE FROM auth_sessions WHERE refresh_expires_at < $1", core::format_utc(now)).affected());
  });
}

}  // namespace maitred::store::postgres
