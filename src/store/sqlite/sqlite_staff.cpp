// SqliteStore: staff users and their login sessions.

#include <algorithm>
#include <string>

#include "core/time_format.hpp"
#include "store/sqlite/sqlite_store.hpp"

namespace maitred::store::sqlite {

namespace {

core::SystemTime stored_time(const Statement& row, int column) {
  auto t = core::parse_utc(row.text(column));
  if (!t) throw StoreError(StoreError::Kind::internal, "corrupt time stamp in database");
  return *t;
}

core::Sha256Digest stored_digest(const Statement& row, int column) {
  auto bytes = row.blob(column);
  core::Sha256Digest digest{};
  if (bytes.size() != digest.size()) throw StoreError(StoreError::Kind::internal, "corrupt token hash");
  std::copy(bytes.begin(), bytes.end(), digest.begin());
  return digest;
}

#define MAITRED_USER_COLUMNS \
  "id, restaurant_id, username, username_key, role, password_hash, created_at, password_changed_at"

domain::StaffUser user_from_row(const Statement& row) {
  domain::StaffUser u;
  u.id = row.text(0);
  u.restaurant_id = row.text(1);
  u.username = row.text(2);
  u.username_key = row.text(3);
  auto role = domain::parse_role(row.text(4));
  if (!role) throw StoreError(StoreError::Kind::internal, "corrupt role in database");
  u.role = *role;
  u.password_hash = row.text(5);
  u.created_at = stored_time(row, 6);
  u.password_changed_at = stored_time(row, 7);
  return u;
}

// The role comes from the user row: a role change applies to live sessions.
#define MAITRED_SESSION_SELECT                                                                                 \
  "SELECT s.id, s.user_id, s.restaurant_id, s.access_hash, s.refresh_hash, s.created_at, s.access_expires_at," \
  " s.refresh_expires_at, s.revoked_at, u.role, s.family_id"                                                   \
  " FROM auth_sessions s JOIN staff_users u ON u.id = s.user_id "

domain::AuthSession session_from_row(const Statement& row) {
  domain::AuthSession s;
  s.id = row.text(0);
  s.user_id = row.text(1);
  s.restaurant_id = row.text(2);
  s.access_hash = stored_digest(row, 3);
  s.refresh_hash = stored_digest(row, 4);
  s.created_at = stored_time(row, 5);
  s.access_expires_at = stored_time(row, 6);
  s.refresh_expires_at = stored_time(row, 7);
  if (!row.is_null(8)) s.revoked_at = stored_time(row, 8);
  auto role = domain::parse_role(row.text(9));
  if (!role) throw StoreError(StoreError::Kind::internal, "corrupt role in database");
  s.role = *role;
  s.family_id = row.text(10);
  return s;
}

}  // namespace

void SqliteStore::create_staff_user(const domain::StaffUser& u) {
  std::lock_guard lock(writer_mutex_);
  auto insert =
      writer_->prepare("INSERT INTO staff_users(" MAITRED_USER_COLUMNS ") VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)");
  insert.bind(1, u.id)
      .bind(2, u.restaurant_id)
      .bind(3, u.username)
      .bind(4, u.username_key)
      .bind(5, domain::role_name(u.role))
      .bind(6, u.password_hash)
      .bind(7, core::format_utc(u.created_at))
      .bind(8, core::format_utc(u.password_changed_at))
      .run();
}

std::optional<domain::StaffUser> SqliteStore::find_staff_user(std::string_view restaurant_id,
                                                              std::string_view username_key) {
  auto r = reader();
  auto q =
      r->prepare("SELECT " MAITRED_USER_COLUMNS " FROM staff_users WHERE restaurant_id = ?1 AND username_key = ?2");
  q.bind(1, restaurant_id).bind(2, username_key);
  if (!q.step()) return std::nullopt;
  return user_from_row(q);
}

std::vector<domain::StaffUser> SqliteStore::find_staff_users_named(std::string_view username_key) {
  auto r = reader();
  auto q = r->prepare("SELECT " MAITRED_USER_COLUMNS " FROM staff_users WHERE username_key = ?1 ORDER BY id");
  q.bind(1, username_key);
  std::vector<domain::StaffUser> out;
  while (q.step()) out.push_back(user_from_row(q));
  return out;
}

std::vector<domain::StaffUser> SqliteStore::list_staff_users(std::string_view restaurant_id) {
  auto r = reader();
  auto q =
      r->prepare("SELECT " MAITRED_USER_COLUMNS " FROM staff_users WHERE restaurant_id = ?1 ORDER BY username_key");
  q.bind(1, restaurant_id);
  std::vector<domain::StaffUser> out;
  while (q.step()) out.push_back(user_from_row(q));
  return out;
}

bool SqliteStore::delete_staff_user(std::string_view user_id) {
  std::lock_guard lock(writer_mutex_);
  Transaction tx(*writer_, in_transaction_);
  auto sessions = writer_->prepare("DELETE FROM auth_sessions WHERE user_id = ?1");
  sessions.bind(1, user_id).run();
  auto user = writer_->prepare("DELETE FROM staff_users WHERE id = ?1");
  user.bind(1, user_id).run();
  const bool deleted = user.changes() > 0;
  tx.commit();
  return deleted;
}

bool SqliteStore::set_staff_password(std::string_view user_id, std::string_view password_hash, core::SystemTime at) {
  std::lock_guard lock(writer_mutex_);
  Transaction tx(*writer_, in_transaction_);
  const auto when = core::format_utc(at);
  auto update = writer_->prepare("UPDATE staff_users SET password_hash = ?2, password_changed_at = ?3 WHERE id = ?1");
  update.bind(1, user_id).bind(2, password_hash).bind(3, when).run();
  if (update.changes() == 0) return false;
  auto revoke = writer_->prepare("UPDATE auth_sessions SET revoked_at = ?2 WHERE user_id = ?1 AND revoked_at IS NULL");
  revoke.bind(1, user_id).bind(2, when).run();
  tx.commit();
  return true;
}

void SqliteStore::create_session(const domain::AuthSession& s) {
  std::lock_guard lock(writer_mutex_);
  auto insert = writer_->prepare(
      "INSERT INTO auth_sessions(id, user_id, restaurant_id, access_hash, refresh_hash, created_at,"
      " access_expires_at, refresh_expires_at, family_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)");
  insert.bind(1, s.id)
      .bind(2, s.user_id)
      .bind(3, s.restaurant_id)
      .bind_blob(4, s.access_hash)
      .bind_blob(5, s.refresh_hash)
      .bind(6, core::format_utc(s.created_at))
      .bind(7, core::format_utc(s.access_expires_at))
      .bind(8, core::format_utc(s.refresh_expires_at))
      .bind(9, s.family_id)
      .run();
}

std::optional<domain::AuthSession> SqliteStore::find_session_by_access(const core::Sha256Digest& access_hash) {
  auto r = reader();
  auto q = r->prepare(MAITRED_SESSION_SELECT "WHERE s.access_hash = ?1");
  q.bind_blob(1, access_hash);
  if (!q.step()) return std::nullopt;
  return session_from_row(q);
}

std::optional<domain::AuthSession> SqliteStore::find_session_by_refresh(const core::Sha256Digest& refresh_hash) {
  auto r = reader();
  auto q = r->prepare(MAITRED_SESSION_SELECT "WHERE s.refresh_hash = ?1");
  q.bind_blob(1, refresh_hash);
  if (!q.step()) return std::nullopt;
  return session_from_row(q);
}

bool SqliteStore::revoke_session(std::string_view session_id, core::SystemTime at) {
  std::lock_guard lock(writer_mutex_);
  auto update = writer_->prepare("UPDATE auth_sessions SET revoked_at = ?2 WHERE id = ?1 AND revoked_at IS NULL");
  update.bind(1, session_id).bind(2, core::format_utc(at)).run();
  return update.changes() > 0;
}

std::size_t SqliteStore::revoke_session_family(std::string_view family_id, core::SystemTime at) {
  std::lock_guard lock(writer_mutex_);
  auto update =
      writer_->prepare("UPDATE auth_sessions SET revoked_at = ?2 WHERE family_id = ?1 AND revoked_at IS NULL");
  update.bind(1, family_id).bind(2, core::format_utc(at)).run();
  return static_cast<std::size_t>(update.changes());
}

std::size_t SqliteStore::purge_expired_sessions(core::SystemTime now) {
  std::lock_guard lock(writer_mutex_);
  auto erase = writer_->prepare("DELETE FROM auth_sessions WHERE refresh_expires_at < ?1");
  erase.bind(1, core::format_utc(now)).run();
  return static_cast<std::size_t>(erase.changes());
}

}  // namespace maitred::store::sqlite
