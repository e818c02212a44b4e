// SqliteStore's manage-token repository (store/manage_token_repository.hpp).

#include "store/manage_token_sql.hpp"
#include "store/sqlite/sqlite_store.hpp"
#include "store/unix_millis.hpp"

namespace maitred::store::sqlite {

namespace sql = manage_token_sql;

namespace {}  // namespace

void SqliteStore::insert_manage_token(const ManageToken& t) {
  std::lock_guard lock(writer_mutex_);
  writer_->prepare(sql::kInsert)
      .bind(1, t.token_hash)
      .bind(2, t.restaurant_id)
      .bind(3, t.booking_id)
      .bind(4, unix_millis(t.expires_at))
      .bind(5, unix_millis(t.created_at))
      .run();
}

std::optional<ManageToken> SqliteStore::find_manage_token(std::string_view token_hash) {
  auto r = reader();
  auto q = r->prepare(sql::kFind);
  q.bind(1, token_hash);
  if (!q.step()) return std::nullopt;
  return ManageToken{std::string(q.text(0)), std::string(q.text(1)), std::string(q.text(2)),
                     from_unix_millis(q.integer(3)), from_unix_millis(q.integer(4))};
}

void SqliteStore::set_manage_token_expiry(std::string_view restaurant_id, std::string_view booking_id,
                                          core::SystemTime expires_at) {
  std::lock_guard lock(writer_mutex_);
  writer_->prepare(sql::kSetExpiry).bind(1, restaurant_id).bind(2, booking_id).bind(3, unix_millis(expires_at)).run();
}

void SqliteStore::erase_manage_tokens(std::string_view restaurant_id, std::string_view booking_id) {
  std::lock_guard lock(writer_mutex_);
  writer_->prepare(sql::kEraseOfBooking).bind(1, restaurant_id).bind(2, booking_id).run();
}

std::size_t SqliteStore::purge_expired_manage_tokens(core::SystemTime now) {
  std::lock_guard lock(writer_mutex_);
  auto erase = writer_->prepare(sql::kPurgeExpired);
  erase.bind(1, unix_millis(now)).run();
  return static_cast<std::size_t>(erase.changes());
}

}  // namespace maitred::store::sqlite
