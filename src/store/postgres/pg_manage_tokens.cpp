// PgStore's manage-token repository (store/manage_token_repository.hpp).

#include "store/manage_token_sql.hpp"
#include "store/postgres/pg_store.hpp"
#include "store/unix_millis.hpp"
#include "store/webhook_sql.hpp"

namespace maitred::store::postgres {

namespace sql = manage_token_sql;

namespace {

// The statements in PostgreSQL's placeholders.
std::string pg(const char* sqlite_text) {
  return webhook_sql::postgres_placeholders(sqlite_text);
}

}  // namespace

void PgStore::insert_manage_token(const ManageToken& t) {
  static const std::string statement = pg(sql::kInsert);
  on_connection([&](Connection& c) {
    c.run_prepared(statement, t.token_hash, t.restaurant_id, t.booking_id, unix_millis(t.expires_at),
                   unix_millis(t.created_at));
  });
}

std::optional<ManageToken> PgStore::find_manage_token(std::string_view token_hash) {
  static const std::string statement = pg(sql::kFind);
  return on_connection([&](Connection& c) -> std::optional<ManageToken> {
    auto rows = c.run_prepared(statement, token_hash);
    if (rows.rows() == 0) return std::nullopt;
    return ManageToken{std::string(rows.text(0, 0)), std::string(rows.text(0, 1)), std::string(rows.text(0, 2)),
                       from_unix_millis(rows.integer(0, 3)), from_unix_millis(rows.integer(0, 4))};
  });
}

void PgStore::set_manage_token_expiry(std::string_view restaurant_id, std::string_view booking_id,
                                      core::SystemTime expires_at) {
  static const std::string statement = pg(sql::kSetExpiry);
  on_connection([&](Connection& c) { c.run_prepared(statement, restaurant_id, booking_id, unix_millis(expires_at)); });
}

void PgStore::erase_manage_tokens(std::string_view restaurant_id, std::string_view booking_id) {
  static const std::string statement = pg(sql::kEraseOfBooking);
  on_connection([&](Connection& c) { c.run_prepared(statement, restaurant_id, booking_id); });
}

std::size_t PgStore::purge_expired_manage_tokens(core::SystemTime now) {
  static const std::string statement = pg(sql::kPurgeExpired);
  return on_connection(
      [&](Connection& c) { return static_cast<std::size_t>(c.run_prepared(statement, unix_millis(now)).affected()); });
}

}  // namespace maitred::store::postgres
