#pragma once
// The webhook repository's statements (store/webhook_repository.hpp), shared
// by both stores: written with SQLite's numbered placeholders (?1, ?2, ...),
// which the PostgreSQL store turns into $1, $2, ... (postgres_placeholders).

#include <string>

namespace maitred::store::webhook_sql {

inline constexpr const char* kAddSecret =
    "INSERT INTO webhook_secrets(restaurant_id, endpoint_id, secret, created_at, expires_at) "
    "VALUES (?1, ?2, ?3, ?4, NULL)";
inline constexpr const char* kExpireSecrets =
    "UPDATE webhook_secrets SET expires_at = ?3 WHERE restaurant_id = ?1 AND endpoint_id = ?2 AND expires_at IS NULL";
inline constexpr const char* kLiveSecrets =
    "SELECT secret FROM webhook_secrets WHERE restaurant_id = ?1 AND endpoint_id = ?2 "
    "AND (expires_at IS NULL OR expires_at > ?3) ORDER BY created_at DESC, secret";
inline constexpr const char* kEraseAttempts =
    "DELETE FROM webhook_attempts WHERE delivery_id IN "
    "(SELECT id FROM webhook_deliveries WHERE restaurant_id = ?1 AND endpoint_id = ?2)";
inline constexpr const char* kEraseDeliveries =
    "DELETE FROM webhook_deliveries WHERE restaurant_id = ?1 AND endpoint_id = ?2";
inline constexpr const char* kEraseSecrets =
    "DELETE FROM webhook_secrets WHERE restaurant_id = ?1 AND endpoint_id = ?2";

#define MAITRED_WEBHOOK_DELIVERY_COLUMNS                                                                      \
  "id, restaurant_id, endpoint_id, message_id, event_id, event_sequence, event_type, event_at, resource_id, " \
  "changes, status, attempts, next_attempt_at, created_at"

inline constexpr const char* kInsertDelivery = "INSERT INTO webhook_deliveries(" MAITRED_WEBHOOK_DELIVERY_COLUMNS
                                               ") VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14) "
                                               "ON CONFLICT (endpoint_id, event_id) DO NOTHING RETURNING id";
// Due, pending, and the first pending one of its endpoint and resource.
inline constexpr const char* kDueDeliveries =
    "SELECT " MAITRED_WEBHOOK_DELIVERY_COLUMNS
    " FROM webhook_deliveries d WHERE d.status = 'pending' AND d.next_attempt_at <= ?1 "
    "AND NOT EXISTS (SELECT 1 FROM webhook_deliveries e WHERE e.endpoint_id = d.endpoint_id "
    "AND e.resource_id = d.resource_id AND e.status = 'pending' AND e.event_sequence < d.event_sequence) "
    "ORDER BY d.next_attempt_at, d.event_sequence LIMIT ?2";
inline constexpr const char* kClaimDelivery =
    "UPDATE webhook_deliveries SET attempts = attempts + 1, next_attempt_at = ?2 WHERE id = ?1";
inline constexpr const char* kInsertAttempt =
    "INSERT INTO webhook_attempts(delivery_id, number, at, outcome, duration_ms, response_code, response_body, error) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)";
inline constexpr const char* kMoveDelivery =
    "UPDATE webhook_deliveries SET status = ?2, next_attempt_at = ?3 WHERE id = ?1";
inline constexpr const char* kListDeliveries = "SELECT " MAITRED_WEBHOOK_DELIVERY_COLUMNS
                                               " FROM webhook_deliveries WHERE restaurant_id = ?1 AND endpoint_id = ?2 "
                                               "ORDER BY created_at DESC, event_sequence DESC, id LIMIT ?3 OFFSET ?4";
inline constexpr const char* kFindDelivery =
    "SELECT " MAITRED_WEBHOOK_DELIVERY_COLUMNS
    " FROM webhook_deliveries WHERE restaurant_id = ?1 AND endpoint_id = ?2 AND id = ?3";
inline constexpr const char* kAttempts =
    "SELECT delivery_id, number, at, outcome, duration_ms, response_code, response_body, error "
    "FROM webhook_attempts WHERE delivery_id = ?1 ORDER BY number";
inline constexpr const char* kReschedule =
    "UPDATE webhook_deliveries SET status = 'pending', next_attempt_at = ?2 WHERE id = ?1";
inline constexpr const char* kEndPending =
    "UPDATE webhook_deliveries SET status = ?3, next_attempt_at = NULL "
    "WHERE restaurant_id = ?1 AND endpoint_id = ?2 AND status = 'pending' RETURNING id";

#undef MAITRED_WEBHOOK_DELIVERY_COLUMNS

// "?12" -> "$12": the same statement for libpq.
inline std::string postgres_placeholders(const char* sql) {
  std::string out(sql);
  for (auto& c : out)
    if (c == '?') c = '$';
  return out;
}

}  // namespace maitred::store::webhook_sql
