// SqliteStore: the guest e-mail queue and log (store/guest_message_repository.hpp).
// One server process per file, so a claim needs no row locks: the writer
// connection's transaction is enough.

#include "core/time_format.hpp"
#include "store/guest_message_sql.hpp"
#include "store/sqlite/sqlite_store.hpp"

namespace maitred::store::sqlite {

namespace {

core::SystemTime time_at(const Statement& row, int column) {
  auto t = core::parse_utc(row.text(column));
  if (!t) throw StoreError(StoreError::Kind::internal, "corrupt time stamp in guest_messages");
  return *t;
}

domain::GuestMessage message_from_row(const Statement& row) {
  domain::GuestMessage m;
  m.restaurant_id = row.text(0);
  m.id = row.text(1);
  m.booking_id = row.text(2);
  m.kind = row.text(3);
  m.language = row.text(4);
  m.to_address = row.text(5);
  m.status = row.text(6);
  m.attempts = static_cast<int>(row.integer(7));
  m.sequence = static_cast<int>(row.integer(8));
  m.created_at = time_at(row, 9);
  m.next_attempt_at = time_at(row, 10);
  m.last_error = row.text(11);
  if (!row.text(12).empty()) m.sent_at = time_at(row, 12);
  m.message_id = row.text(13);
  m.dedupe_key = row.text(14);
  return m;
}

std::string sent_text(const domain::GuestMessage& m) {
  return m.sent_at ? core::format_utc(*m.sent_at) : std::string();
}

}  // namespace

bool SqliteStore::queue_guest_message(const domain::GuestMessage& m) {
  bool added = false;
  atomically([&] {
    auto insert = writer_->prepare("INSERT INTO guest_messages(" MAITRED_GUEST_MESSAGE_COLUMNS
                                   ") VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)"
                                   " ON CONFLICT(restaurant_id, dedupe_key) DO NOTHING RETURNING id");
    insert.bind(1, m.restaurant_id)
        .bind(2, m.id)
        .bind(3, m.booking_id)
        .bind(4, m.kind)
        .bind(5, m.language)
        .bind(6, m.to_address)
        .bind(7, m.status)
        .bind(8, static_cast<long long>(m.attempts))
        .bind(9, static_cast<long long>(m.sequence))
        .bind(10, core::format_utc(m.created_at))
        .bind(11, core::format_utc(m.next_attempt_at))
        .bind(12, m.last_error)
        .bind(13, sent_text(m))
        .bind(14, m.message_id)
        .bind(15, m.dedupe_key);
    added = insert.step();
    while (insert.step()) {
    }
  });
  return added;
}

std::vector<domain::GuestMessage> SqliteStore::claim_due_guest_messages(core::SystemTime now, std::size_t limit,
                                                                        core::SystemTime lease_until) {
  std::vector<domain::GuestMessage> claimed;
  atomically([&] {
    auto claim = writer_->prepare(
        "UPDATE guest_messages SET attempts = attempts + 1, next_attempt_at = ?3"
        " WHERE (restaurant_id, id) IN (SELECT restaurant_id, id FROM guest_messages"
        "   WHERE status = 'queued' AND next_attempt_at <= ?1 ORDER BY next_attempt_at LIMIT ?2)"
        " RETURNING " MAITRED_GUEST_MESSAGE_COLUMNS);
    claim.bind(1, core::format_utc(now)).bind(2, static_cast<long long>(limit)).bind(3, core::format_utc(lease_until));
    while (claim.step()) claimed.push_back(message_from_row(claim));
  });
  return claimed;
}

void SqliteStore::finish_guest_message_attempt(const domain::GuestMessage& m) {
  atomically([&] {
    auto update = writer_->prepare(
        "UPDATE guest_messages SET status = ?3, next_attempt_at = ?4, last_error = ?5, sent_at = ?6,"
        " message_id = ?7 WHERE restaurant_id = ?1 AND id = ?2");
    update.bind(1, m.restaurant_id)
        .bind(2, m.id)
        .bind(3, m.status)
        .bind(4, core::format_utc(m.next_attempt_at))
        .bind(5, m.last_error)
        .bind(6, sent_text(m))
        .bind(7, m.message_id)
        .run();
  });
}

std::vector<domain::GuestMessage> SqliteStore::list_guest_messages(std::string_view restaurant_id,
                                                                   std::string_view booking_id) {
  auto r = reader();
  auto q = r->prepare("SELECT " MAITRED_GUEST_MESSAGE_COLUMNS
                      " FROM guest_messages WHERE restaurant_id = ?1 AND booking_id = ?2 ORDER BY created_at, id");
  q.bind(1, restaurant_id).bind(2, booking_id);
  std::vector<domain::GuestMessage> out;
  while (q.step()) out.push_back(message_from_row(q));
  return out;
}

}  // namespace maitred::store::sqlite
