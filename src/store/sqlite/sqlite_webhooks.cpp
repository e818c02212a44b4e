// SqliteStore's webhook repository (store/webhook_repository.hpp). One
// writer: a claim inside its transaction needs no row locks.

#include <algorithm>

#include "store/sqlite/sqlite_store.hpp"
#include "store/webhook_sql.hpp"

namespace maitred::store::sqlite {

namespace sql = webhook_sql;

namespace {

long long ms(core::SystemTime t) {
  return t.time_since_epoch().count();
}
core::SystemTime at_ms(long long value) {
  return core::SystemTime{std::chrono::milliseconds{value}};
}

WebhookDelivery delivery_from_row(const Statement& row) {
  WebhookDelivery d;
  d.id = row.text(0);
  d.restaurant_id = row.text(1);
  d.endpoint_id = row.text(2);
  d.message_id = row.text(3);
  d.event_id = row.text(4);
  d.event_sequence = static_cast<std::uint64_t>(row.integer(5));
  d.event_type = row.text(6);
  d.event_at = at_ms(row.integer(7));
  d.resource_id = row.text(8);
  d.changes_json = row.text(9);
  d.status = row.text(10);
  d.attempts = static_cast<int>(row.integer(11));
  if (!row.is_null(12)) d.next_attempt_at = at_ms(row.integer(12));
  d.created_at = at_ms(row.integer(13));
  return d;
}

}  // namespace

void SqliteStore::add_webhook_secret(std::string_view restaurant_id, std::string_view endpoint_id,
                                     std::string_view secret, core::SystemTime at) {
  std::lock_guard lock(writer_mutex_);
  writer_->prepare(sql::kAddSecret).bind(1, restaurant_id).bind(2, endpoint_id).bind(3, secret).bind(4, ms(at)).run();
}

void SqliteStore::expire_webhook_secrets(std::string_view restaurant_id, std::string_view endpoint_id,
                                         core::SystemTime expires_at) {
  std::lock_guard lock(writer_mutex_);
  writer_->prepare(sql::kExpireSecrets).bind(1, restaurant_id).bind(2, endpoint_id).bind(3, ms(expires_at)).run();
}

std::vector<std::string> SqliteStore::live_webhook_secrets(std::string_view restaurant_id, std::string_view endpoint_id,
                                                           core::SystemTime now) {
  auto r = reader();
  auto q = r->prepare(sql::kLiveSecrets);
  q.bind(1, restaurant_id).bind(2, endpoint_id).bind(3, ms(now));
  std::vector<std::string> secrets;
  while (q.step()) secrets.emplace_back(q.text(0));
  return secrets;
}

void SqliteStore::erase_webhook_data(std::string_view restaurant_id, std::string_view endpoint_id) {
  atomically([&] {
    for (const char* statement : {sql::kEraseAttempts, sql::kEraseDeliveries, sql::kEraseSecrets}) {
      writer_->prepare(statement).bind(1, restaurant_id).bind(2, endpoint_id).run();
    }
  });
}

bool SqliteStore::insert_webhook_delivery(const WebhookDelivery& d) {
  std::lock_guard lock(writer_mutex_);
  auto insert = writer_->prepare(sql::kInsertDelivery);
  insert.bind(1, d.id)
      .bind(2, d.restaurant_id)
      .bind(3, d.endpoint_id)
      .bind(4, d.message_id)
      .bind(5, d.event_id)
      .bind(6, static_cast<long long>(d.event_sequence))
      .bind(7, d.event_type)
      .bind(8, ms(d.event_at))
      .bind(9, d.resource_id)
      .bind(10, d.changes_json)
      .bind(11, d.status)
      .bind(12, static_cast<long long>(d.attempts));
  if (d.next_attempt_at)
    insert.bind(13, ms(*d.next_attempt_at));
  else
    insert.bind_null(13);
  insert.bind(14, ms(d.created_at));
  bool inserted = false;
  while (insert.step()) inserted = true;
  return inserted;
}

std::vector<WebhookDelivery> SqliteStore::claim_due_webhook_deliveries(core::SystemTime now,
                                                                       core::SystemTime lease_until, std::size_t limit,
                                                                       const std::vector<std::string>& busy) {
  std::lock_guard lock(writer_mutex_);
  std::vector<WebhookDelivery> claimed;
  {
    auto due = writer_->prepare(sql::kDueDeliveries);
    due.bind(1, ms(now)).bind(2, static_cast<long long>(limit + busy.size()));
    while (due.step() && claimed.size() < limit) {
      auto d = delivery_from_row(due);
      if (std::ranges::find(busy, d.id) == busy.end()) claimed.push_back(std::move(d));
    }
  }
  for (auto& d : claimed) {
    writer_->prepare(sql::kClaimDelivery).bind(1, d.id).bind(2, ms(lease_until)).run();
    ++d.attempts;
    d.next_attempt_at = lease_until;
  }
  return claimed;
}

void SqliteStore::record_webhook_attempt(const WebhookAttemptResult& result) {
  atomically([&] {
    const auto& a = result.attempt;
    auto insert = writer_->prepare(sql::kInsertAttempt);
    insert.bind(1, a.delivery_id)
        .bind(2, static_cast<long long>(a.number))
        .bind(3, ms(a.at))
        .bind(4, a.outcome)
        .bind(5, a.duration_ms);
    if (a.response_code)
      insert.bind(6, static_cast<long long>(*a.response_code));
    else
      insert.bind_null(6);
    insert.bind(7, a.response_body).bind(8, a.error).run();
    auto move = writer_->prepare(sql::kMoveDelivery);
    move.bind(1, a.delivery_id).bind(2, result.status);
    if (result.next_attempt_at)
      move.bind(3, ms(*result.next_attempt_at));
    else
      move.bind_null(3);
    move.run();
  });
}

std::vector<WebhookDelivery> SqliteStore::list_webhook_deliveries(std::string_view restaurant_id,
                                                                  std::string_view endpoint_id, std::size_t skip,
                                                                  std::size_t limit) {
  auto r = reader();
  auto q = r->prepare(sql::kListDeliveries);
  q.bind(1, restaurant_id)
      .bind(2, endpoint_id)
      .bind(3, static_cast<long long>(limit))
      .bind(4, static_cast<long long>(skip));
  std::vector<WebhookDelivery> deliveries;
  while (q.step()) deliveries.push_back(delivery_from_row(q));
  return deliveries;
}

std::optional<WebhookDelivery> SqliteStore::find_webhook_delivery(std::string_view restaurant_id,
                                                                  std::string_view endpoint_id,
                                                                  std::string_view delivery_id) {
  auto r = reader();
  auto q = r->prepare(sql::kFindDelivery);
  q.bind(1, restaurant_id).bind(2, endpoint_id).bind(3, delivery_id);
  if (!q.step()) return std::nullopt;
  return delivery_from_row(q);
}

std::vector<WebhookAttempt> SqliteStore::webhook_attempts(std::string_view delivery_id) {
  auto r = reader();
  auto q = r->prepare(sql::kAttempts);
  q.bind(1, delivery_id);
  std::vector<WebhookAttempt> attempts;
  while (q.step()) {
    WebhookAttempt a;
    a.delivery_id = q.text(0);
    a.number = static_cast<int>(q.integer(1));
    a.at = at_ms(q.integer(2));
    a.outcome = q.text(3);
    a.duration_ms = q.integer(4);
    if (!q.is_null(5)) a.response_code = static_cast<int>(q.integer(5));
    a.response_body = q.text(6);
    a.error = q.text(7);
    attempts.push_back(std::move(a));
  }
  return attempts;
}

void SqliteStore::reschedule_webhook_delivery(std::string_view delivery_id, core::SystemTime now) {
  std::lock_guard lock(writer_mutex_);
  writer_->prepare(sql::kReschedule).bind(1, delivery_id).bind(2, ms(now)).run();
}

std::size_t SqliteStore::end_pending_webhook_deliveries(std::string_view restaurant_id, std::string_view endpoint_id,
                                                        std::string_view status) {
  std::lock_guard lock(writer_mutex_);
  auto end = writer_->prepare(sql::kEndPending);
  end.bind(1, restaurant_id).bind(2, endpoint_id).bind(3, status);
  std::size_t ended = 0;
  while (end.step()) ++ended;
  return ended;
}

}  // namespace maitred::store::sqlite
