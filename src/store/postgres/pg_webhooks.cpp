// PgStore's webhook repository (store/webhook_repository.hpp). Several
// processes deliver from one database: claims lock the due rows they take
// and skip the rows others hold (FOR UPDATE SKIP LOCKED).

#include <algorithm>
#include <map>
#include <mutex>

#include "store/postgres/pg_store.hpp"
#include "store/webhook_sql.hpp"

namespace maitred::store::postgres {

namespace sql = webhook_sql;

namespace {

long long ms(core::SystemTime t) {
  return t.time_since_epoch().count();
}
core::SystemTime at_ms(long long value) {
  return core::SystemTime{std::chrono::milliseconds{value}};
}
std::optional<std::string> optional_ms(const std::optional<core::SystemTime>& t) {
  if (!t) return std::nullopt;
  return std::to_string(ms(*t));
}

// The statements in PostgreSQL's placeholders, converted once.
const std::string& pg(const char* sqlite_text) {
  static std::mutex mutex;
  static std::map<const char*, std::string> converted;
  std::lock_guard lock(mutex);
  auto it = converted.find(sqlite_text);
  if (it == converted.end()) it = converted.emplace(sqlite_text, sql::postgres_placeholders(sqlite_text)).first;
  return it->second;
}

WebhookDelivery delivery_from_row(const Result& rows, int r) {
  WebhookDelivery d;
  d.id = rows.text(r, 0);
  d.restaurant_id = rows.text(r, 1);
  d.endpoint_id = rows.text(r, 2);
  d.message_id = rows.text(r, 3);
  d.event_id = rows.text(r, 4);
  d.event_sequence = static_cast<std::uint64_t>(rows.integer(r, 5));
  d.event_type = rows.text(r, 6);
  d.event_at = at_ms(rows.integer(r, 7));
  d.resource_id = rows.text(r, 8);
  d.changes_json = rows.text(r, 9);
  d.status = rows.text(r, 10);
  d.attempts = static_cast<int>(rows.integer(r, 11));
  if (!rows.is_null(r, 12)) d.next_attempt_at = at_ms(rows.integer(r, 12));
  d.created_at = at_ms(rows.integer(r, 13));
  return d;
}

}  // namespace

void PgStore::add_webhook_secret(std::string_view restaurant_id, std::string_view endpoint_id, std::string_view secret,
                                 core::SystemTime at) {
  on_connection(
      [&](Connection& c) { c.run_prepared(pg(sql::kAddSecret), restaurant_id, endpoint_id, secret, ms(at)); });
}

void PgStore::expire_webhook_secrets(std::string_view restaurant_id, std::string_view endpoint_id,
                                     core::SystemTime expires_at) {
  on_connection(
      [&](Connection& c) { c.run_prepared(pg(sql::kExpireSecrets), restaurant_id, endpoint_id, ms(expires_at)); });
}

std::vector<std::string> PgStore::live_webhook_secrets(std::string_view restaurant_id, std::string_view endpoint_id,
                                                       core::SystemTime now) {
  return on_connection([&](Connection& c) {
    auto rows = c.run_prepared(pg(sql::kLiveSecrets), restaurant_id, endpoint_id, ms(now));
    std::vector<std::string> secrets;
    for (int r = 0; r < rows.rows(); ++r) secrets.emplace_back(rows.text(r, 0));
    return secrets;
  });
}

void PgStore::erase_webhook_data(std::string_view restaurant_id, std::string_view endpoint_id) {
  in_transaction([&](Connection& c) {
    for (const char* statement : {sql::kEraseAttempts, sql::kEraseDeliveries, sql::kEraseSecrets}) {
      c.run_prepared(pg(statement), restaurant_id, endpoint_id);
    }
  });
}

bool PgStore::insert_webhook_delivery(const WebhookDelivery& d) {
  return on_connection([&](Connection& c) {
    auto rows = c.run_prepared(pg(sql::kInsertDelivery), d.id, d.restaurant_id, d.endpoint_id, d.message_id, d.event_id,
                               static_cast<long long>(d.event_sequence), d.event_type, ms(d.event_at), d.resource_id,
                               d.changes_json, d.status, static_cast<long long>(d.attempts),
                               optional_ms(d.next_attempt_at), ms(d.created_at));
    return rows.rows() > 0;
  });
}

std::vector<WebhookDelivery> PgStore::claim_due_webhook_deliveries(core::SystemTime now, core::SystemTime lease_until,
                                                                   std::size_t limit,
                                                                   const std::vector<std::string>& busy) {
  return in_transaction([&](Connection& c) {
    // Rows another process has locked are not seen at all; the NOT EXISTS
    // still sees them, so a resource's later event waits for its earlier.
    static const std::string claim_sql = pg(sql::kDueDeliveries) + " FOR UPDATE OF d SKIP LOCKED";
    auto rows = c.run_prepared(claim_sql, ms(now), static_cast<long long>(limit + busy.size()));
    std::vector<WebhookDelivery> claimed;
    for (int r = 0; r < rows.rows() && claimed.size() < limit; ++r) {
      auto d = delivery_from_row(rows, r);
      if (std::ranges::find(busy, d.id) == busy.end()) claimed.push_back(std::move(d));
    }
    for (auto& d : claimed) {
      c.run_prepared(pg(sql::kClaimDelivery), d.id, ms(lease_until));
      ++d.attempts;
      d.next_attempt_at = lease_until;
    }
    return claimed;
  });
}

void PgStore::record_webhook_attempt(const WebhookAttemptResult& result) {
  in_transaction([&](Connection& c) {
    const auto& a = result.attempt;
    std::optional<std::string> code;
    if (a.response_code) code = std::to_string(*a.response_code);
    c.run_prepared(pg(sql::kInsertAttempt), a.delivery_id, static_cast<long long>(a.number), ms(a.at), a.outcome,
                   a.duration_ms, code, a.response_body, a.error);
    c.run_prepared(pg(sql::kMoveDelivery), a.delivery_id, result.status, optional_ms(result.next_attempt_at));
  });
}

std::vector<WebhookDelivery> PgStore::list_webhook_deliveries(std::string_view restaurant_id,
                                                              std::string_view endpoint_id, std::size_t skip,
                                                              std::size_t limit) {
  return on_connection([&](Connection& c) {
    auto rows = c.run_prepared(pg(sql::kListDeliveries), restaurant_id, endpoint_id, static_cast<long long>(limit),
                               static_cast<long long>(skip));
    std::vector<WebhookDelivery> deliveries;
    for (int r = 0; r < rows.rows(); ++r) deliveries.push_back(delivery_from_row(rows, r));
    return deliveries;
  });
}

std::optional<WebhookDelivery> PgStore::find_webhook_delivery(std::string_view restaurant_id,
                                                              std::string_view endpoint_id,
                                                              std::string_view delivery_id) {
  return on_connection([&](Connection& c) -> std::optional<WebhookDelivery> {
    auto rows = c.run_prepared(pg(sql::kFindDelivery), restaurant_id, endpoint_id, delivery_id);
    if (rows.rows() == 0) return std::nullopt;
    return delivery_from_row(rows, 0);
  });
}

std::vector<WebhookAttempt> PgStore::webhook_attempts(std::string_view delivery_id) {
  return on_connection([&](Connection& c) {
    auto rows = c.run_prepared(pg(sql::kAttempts), delivery_id);
    std::vector<WebhookAttempt> attempts;
    for (int r = 0; r < rows.rows(); ++r) {
      WebhookAttempt a;
      a.delivery_id = rows.text(r, 0);
      a.number = static_cast<int>(rows.integer(r, 1));
      a.at = at_ms(rows.integer(r, 2));
      a.outcome = rows.text(r, 3);
      a.duration_ms = rows.integer(r, 4);
      if (!rows.is_null(r, 5)) a.response_code = static_cast<int>(rows.integer(r, 5));
      a.response_body = rows.text(r, 6);
      a.error = rows.text(r, 7);
      attempts.push_back(std::move(a));
    }
    return attempts;
  });
}

void PgStore::reschedule_webhook_delivery(std::string_view delivery_id, core::SystemTime now) {
  on_connection([&](Connection& c) { c.run_prepared(pg(sql::kReschedule), delivery_id, ms(now)); });
}

std::size_t PgStore::end_pending_webhook_deliveries(std::string_view restaurant_id, std::string_view endpoint_id,
                                                    std::string_view status) {
  return on_connection([&](Connection& c) {
    return static_cast<std::size_t>(c.run_prepared(pg(sql::kEndPending), restaurant_id, endpoint_id, status).rows());
  });
}

}  // namespace maitred::store::postgres
