#include "store/transfer/tables.hpp"

#include <stdexcept>

namespace maitred::store::transfer {

namespace {

using enum ColumnType;

// Mirrors store/sqlite/migrations 0001-0009 and store/postgres/migrations;
// SqliteSnapshot refuses a source whose columns differ from these, so a
// column added later cannot be left behind silently.
const std::vector<TableSpec>& tables() {
  static const std::vector<TableSpec> all{
      {"restaurants", {{"id", text}, {"doc", text}, {"created_at", text}}, {"id"}, {"id"}},
      {"api_keys",
       {{"id", text},
        {"restaurant_id", text},
        {"label", text},
        {"lookup_prefix", text},
        {"secret_hash", bytes},
        {"created_at", text},
        {"last_used_at", text},
        {"revoked_at", text}},
       {"id"},
       {"id"}},
      {"settings", {{"name", text}, {"value", text}}, {"name"}, {"name"}},
      {"documents",
       {{"restaurant_id", text},
        {"collection", text},
        {"id", text},
        {"unique_key", text},
        {"doc", text},
        {"deleted", boolean},
        {"created_at", text},
        {"updated_at", text},
        {"seq", integer, "rowid"}},
       {"restaurant_id", "collection", "id"},
       {"seq"},
       "seq"},
      {"bookings",
       {{"restaurant_id", text},
        {"id", text},
        {"start_utc", text},
        {"local_date", text},
        {"status", text},
        {"people", integer},
        {"created_at", text},
        {"activity_at", text},
        {"customer_id", text},
        {"duration", integer},
        {"left_at", text},
        {"table_ids", text},
        {"doc", text}},
       {"restaurant_id", "id"},
       {"restaurant_id", "start_utc", "id"}},
      {"booking_history",
       {{"restaurant_id", text}, {"booking_id", text}, {"seq", integer}, {"at", text}, {"entry", text}},
       {"seq"},
       {"seq"},
       "seq"},
      {"idempotency_keys",
       {{"restaurant_id", text}, {"key", text}, {"request_hash", text}, {"booking_id", text}, {"created_at", text}},
       {"restaurant_id", "key"},
       {"restaurant_id", "key"}},
      {"staff_users",
       {{"id", text},
        {"restaurant_id", text},
        {"username", text},
        {"username_key", text},
        {"role", text},
        {"password_hash", text},
        {"created_at", text},
        {"password_changed_at", text}},
       {"id"},
       {"id"}},
      {"auth_sessions",
       {{"id", text},
        {"family_id", text},
        {"user_id", text},
        {"restaurant_id", text},
        {"access_hash", bytes},
        {"refresh_hash", bytes},
        {"created_at", text},
        {"access_expires_at", text},
        {"refresh_expires_at", text},
        {"revoked_at", text}},
       {"id"},
       {"id"}},
      {"event_counters",
       {{"restaurant_id", text}, {"latest", integer}, {"purged_through", integer}},
       {"restaurant_id"},
       {"restaurant_id"}},
      {"events",
       {{"restaurant_id", text},
        {"sequence", integer},
        {"id", text},
        {"type", text},
        {"at", text},
        {"actor_type", text},
        {"actor_id", text},
        {"resource_id", text},
        {"changes", text}},
       {"restaurant_id", "sequence"},
       {"restaurant_id", "sequence"}},
      {"guest_messages",
       {{"restaurant_id", text},
        {"id", text},
        {"booking_id", text},
        {"kind", text},
        {"language", text},
        {"to_address", text},
        {"status", text},
        {"attempts", integer},
        {"sequence", integer},
        {"created_at", text},
        {"next_attempt_at", text},
        {"last_error", text},
        {"sent_at", text},
        {"message_id", text},
        {"dedupe_key", text}},
       {"restaurant_id", "id"},
       {"restaurant_id", "id"}},
      {"outbox_consumers", {{"consumer", text}}, {"consumer"}, {"consumer"}},
      {"outbox_cursors",
       {{"consumer", text}, {"restaurant_id", text}, {"sequence", integer}},
       {"consumer", "restaurant_id"},
       {"consumer", "restaurant_id"}},
      {"webhook_secrets",
       {{"restaurant_id", text},
        {"endpoint_id", text},
        {"secret", text},
        {"created_at", integer},
        {"expires_at", integer}},
       {"restaurant_id", "endpoint_id", "secret"},
       {"restaurant_id", "endpoint_id", "secret"}},
      {"webhook_deliveries",
       {{"id", text},
        {"restaurant_id", text},
        {"endpoint_id", text},
        {"message_id", text},
        {"event_id", text},
        {"event_sequence", integer},
        {"event_type", text},
        {"event_at", integer},
        {"resource_id", text},
        {"changes", text},
        {"status", text},
        {"attempts", integer},
        {"next_attempt_at", integer},
        {"created_at", integer}},
       {"id"},
       {"id"}},
      {"webhook_attempts",
       {{"delivery_id", text},
        {"number", integer},
        {"at", integer},
        {"outcome", text},
        {"duration_ms", integer},
        {"response_code", integer},
        {"response_body", text},
        {"error", text}},
       {"delivery_id", "number"},
       {"delivery_id", "number"}},
      {"manage_tokens",
       {{"token_hash", text},
        {"restaurant_id", text},
        {"booking_id", text},
        {"expires_at", integer},
        {"created_at", integer}},
       {"token_hash"},
       {"token_hash"}},
  };
  return all;
}

}  // namespace

std::size_t TableSpec::index_of(std::string_view column_name) const {
  for (std::size_t i = 0; i < columns.size(); ++i)
    if (columns[i].name == column_name) return i;
  // The specs above name only their own columns in their keys.
  throw std::logic_error("transfer: no column " + std::string(column_name) + " in " + std::string(name));
}

const Column& TableSpec::column(std::string_view column_name) const {
  return columns[index_of(column_name)];
}

std::span<const TableSpec> transfer_tables() {
  return tables();
}

std::vector<std::optional<std::string>> key_of(const TableSpec& table, std::span<const std::string_view> columns,
                                               const Row& row) {
  std::vector<std::optional<std::string>> key;
  key.reserve(columns.size());
  for (auto column : columns) key.push_back(row.at(table.index_of(column)));
  return key;
}

std::string describe_key(const std::vector<std::optional<std::string>>& key) {
  std::string text = "(";
  for (std::size_t i = 0; i < key.size(); ++i) {
    if (i > 0) text += ", ";
    text += key[i] ? *key[i] : "NULL";
  }
  return text + ")";
}

}  // namespace maitred::store::transfer
