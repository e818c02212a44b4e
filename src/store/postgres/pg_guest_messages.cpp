// PgStore: the guest e-mail queue and log (store/guest_message_repository.hpp).
// Several server processes may share the database: a claim takes its rows
// with FOR UPDATE SKIP LOCKED and leases them in the same statement, so each
// message goes to one sender, and a claim never waits for another's.

#include "core/time_format.hpp"
#include "store/guest_message_sql.hpp"
#include "store/postgres/pg_rows.hpp"
#include "store/postgres/pg_store.hpp"

namespace maitred::store::postgres {

namespace {

domain::GuestMessage message_from_row(const Result& rows, int r) {
  domain::GuestMessage m;
  m.restaurant_id = rows.text(r, 0);
  m.id = rows.text(r, 1);
  m.booking_id = rows.text(r, 2);
  m.kind = rows.text(r, 3);
  m.language = rows.text(r, 4);
  m.to_address = rows.text(r, 5);
  m.status = rows.text(r, 6);
  m.attempts = static_cast<int>(rows.integer(r, 7));
  m.sequence = static_cast<int>(rows.integer(r, 8));
  m.created_at = stored_time(rows, r, 9);
  m.next_attempt_at = stored_time(rows, r, 10);
  m.last_error = rows.text(r, 11);
  if (!rows.text(r, 12).empty()) m.sent_at = stored_time(rows, r, 12);
  m.message_id = rows.text(r, 13);
  m.dedupe_key = rows.text(r, 14);
  return m;
}

std::vector<domain::GuestMessage> messages_from(const Result& rows) {
  std::vector<domain::GuestMessage> out;
  for (int r = 0; r < rows.rows(); ++r) out.push_back(message_from_row(rows, r));
  return out;
}

std::string sent_text(const domain::GuestMessage& m) {
  return m.sent_at ? core::format_utc(*m.sent_at) : std::string();
}

}  // namespace

bool PgStore::queue_guest_message(const domain::GuestMessage& m) {
  return on_connection([&](Connection& c) {
    return c.run_prepared("INSERT INTO guest_messages(" MAITRED_GUEST_MESSAGE_COLUMNS
                          ") VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)"
                          " ON CONFLICT (restaurant_id, dedupe_key) DO NOTHING",
                          m.restaurant_id, m.id, m.booking_id, m.kind, m.language, m.to_address, m.status,
                          static_cast<long long>(m.attempts), static_cast<long long>(m.sequence),
                          core::format_utc(m.created_at), core::format_utc(m.next_attempt_at), m.last_error,
                          sent_text(m), m.message_id, m.dedupe_key)
               .affected() > 0;
  });
}

std::vector<domain::GuestMessage> PgStore::claim_due_guest_messages(core::SystemTime now, std::size_t limit,
                                                                    core::SystemTime lease_until) {
  return in_transaction([&](Connection& c) {
    return messages_from(c.run_prepared(
        "UPDATE guest_messages g SET attempts = g.attempts + 1, next_attempt_at = $3"
        " FROM (SELECT restaurant_id, id FROM guest_messages"
        "   WHERE status = 'queued' AND next_attempt_at <= $1 ORDER BY next_attempt_at LIMIT $2"
        "   FOR UPDATE SKIP LOCKED) due"
        " WHERE g.restaurant_id = due.restaurant_id AND g.id = due.id"
        " RETURNING g.restaurant_id, g.id, g.booking_id, g.kind, g.language, g.to_address, g.status, g.attempts,"
        " g.sequence, g.created_at, g.next_attempt_at, g.last_error, g.sent_at, g.message_id, g.dedupe_key",
        core::format_utc(now), static_cast<long long>(limit), core::format_utc(lease_until)));
  });
}

void PgStore::finish_guest_message_attempt(const domain::GuestMessage& m) {
  on_connection([&](Connection& c) {
    c.run_prepared(
        "UPDATE guest_messages SET status = $3, next_attempt_at = $4, last_error = $5, sent_at = $6, message_id = $7"
        " WHERE restaurant_id = $1 AND id = $2",
        m.restaurant_id, m.id, m.status, core::format_utc(m.next_attempt_at), m.last_error, sent_text(m), m.message_id);
  });
}

std::vector<domain::GuestMessage> PgStore::list_guest_messages(std::string_view restaurant_id,
                                                               std::string_view booking_id) {
  return on_connection([&](Connection& c) {
    return messages_from(c.run_prepared("SELECT " MAITRED_GUEST_MESSAGE_COLUMNS
                                        " FROM guest_messages WHERE restaurant_id = $1 AND booking_id = $2"
                                        " ORDER BY created_at, id",
                                        restaurant_id, booking_id));
  });
}

}  // namespace maitred::store::postgres
