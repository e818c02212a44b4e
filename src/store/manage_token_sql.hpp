#pragma once
// The manage-token repository's statements (store/manage_token_repository.hpp),
// shared by both stores in SQLite's numbered placeholders; the PostgreSQL
// store converts them (webhook_sql::postgres_placeholders).

namespace maitred::store::manage_token_sql {

inline constexpr const char* kInsert =
    "INSERT INTO manage_tokens(token_hash, restaurant_id, booking_id, expires_at, created_at) "
    "VALUES (?1, ?2, ?3, ?4, ?5)";
inline constexpr const char* kFind =
    "SELECT token_hash, restaurant_id, booking_id, expires_at, created_at FROM manage_tokens WHERE token_hash = ?1";
inline constexpr const char* kSetExpiry =
    "UPDATE manage_tokens SET expires_at = ?3 WHERE restaurant_id = ?1 AND booking_id = ?2";
inline constexpr const char* kEraseOfBooking = "DELETE FROM manage_tokens WHERE restaurant_id = ?1 AND booking_id = ?2";
inline constexpr const char* kPurgeExpired = "DELETE FROM manage_tokens WHERE expires_at < ?1";

}  // namespace maitred::store::manage_token_sql
