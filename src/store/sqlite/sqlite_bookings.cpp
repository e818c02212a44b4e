// SqliteStore: bookings, their history and idempotency keys.

#include <string>

#include "core/time_format.hpp"
#include "domain/booking_status.hpp"
#include "json/booking_codec.hpp"
#include "store/booking_columns.hpp"
#include "store/corrupt_document.hpp"
#include "store/sqlite/query_compiler.hpp"
#include "store/sqlite/sqlite_store.hpp"

namespace maitred::store::sqlite {

namespace {

// Document paths that have their own indexed column.
const ColumnMap& booking_columns() {
  static const ColumnMap columns{booking_column_paths()};
  return columns;
}

void bind_booking_row(Statement& s, const domain::Booking& b) {
  s.bind(1, b.restaurant_id)
      .bind(2, b.id)
      .bind(3, b.date)
      .bind(4, core::format_utc(b.date_time))
      .bind(5, b.status)
      .bind(6, static_cast<long long>(b.people))
      .bind(7, core::format_utc(b.created_at))
      .bind(8, core::format_utc(b.activity_at))
      .bind(10, json::booking_to_json(b))
      .bind(11, static_cast<long long>(b.duration))
      .bind(13, joined_table_ids(b));
  if (b.customer_id.empty())
    s.bind_null(9);
  else
    s.bind(9, b.customer_id);
  if (b.stamps.left_at)
    s.bind(12, core::format_utc(*b.stamps.left_at));
  else
    s.bind_null(12);
}

}  // namespace

std::optional<domain::Booking> SqliteStore::find_booking(std::string_view restaurant_id, std::string_view id) {
  auto r = reader();
  auto q = r->prepare("SELECT doc FROM bookings WHERE restaurant_id = ?1 AND id = ?2");
  q.bind(1, restaurant_id).bind(2, id);
  if (!q.step()) return std::nullopt;
  return decode_document("booking", id, [&] { return json::booking_from_stored(q.text(0)); });
}

std::vector<std::string> SqliteStore::list_booking_documents(const BookingQuery& query) {
  // Built from fixed fragments and the compiler's output only: every value,
  // including JSON paths, is a bound parameter.
  std::string sql = "SELECT doc FROM bookings WHERE restaurant_id = ?";
  std::vector<SqlParam> params{query.restaurant_id};
  if (query.from) {
    sql += " AND start_utc >= ?";
    params.emplace_back(core::format_utc(*query.from));
  }
  if (query.to) {
    sql += " AND start_utc <= ?";
    params.emplace_back(core::format_utc(*query.to));
  }
  if (query.only_confirmed) sql += " AND status IN " MAITRED_SQL_CONFIRMED_STATUSES;
  static const std::vector<domain::SortKey> kByStart{{"dateTime", true}};
  append_filter_order_page(sql, params, query.filter, query.sort, kByStart, booking_columns(), query.skip, query.limit);
  return select_documents(sql, params);
}

std::vector<domain::Booking> SqliteStore::bookings_starting_between(std::string_view restaurant_id,
                                                                    core::SystemTime from, core::SystemTime to) {
  auto r = reader();
  auto q = r->prepare("SELECT id, doc FROM bookings WHERE restaurant_id = ?1 AND start_utc >= ?2 AND start_utc < ?3");
  q.bind(1, restaurant_id).bind(2, core::format_utc(from)).bind(3, core::format_utc(to));
  std::vector<domain::Booking> out;
  while (q.step()) {
    out.push_back(decode_document("booking", q.text(0), [&] { return json::booking_from_stored(q.text(1)); }));
  }
  return out;
}

std::vector<domain::Booking> SqliteStore::seating_bookings_between(std::string_view restaurant_id,
                                                                   core::SystemTime from, core::SystemTime to) {
  auto r = reader();
  // The statuses of domain::holds_tables; the columns of migration 0006.
  auto q = r->prepare(
      "SELECT id, local_date, start_utc, status, people, duration, left_at, table_ids FROM bookings"
      " WHERE restaurant_id = ?1 AND start_utc >= ?2 AND start_utc < ?3"
      " AND status IN " MAITRED_SQL_HOLDING_STATUSES);
  q.bind(1, restaurant_id).bind(2, core::format_utc(from)).bind(3, core::format_utc(to));
  std::vector<domain::Booking> out;
  while (q.step()) {
    domain::Booking& b = out.emplace_back();
    b.id = q.text(0);
    b.restaurant_id = restaurant_id;
    b.date = q.text(1);
    b.date_time = core::parse_utc(q.text(2)).value_or(core::SystemTime{});
    b.status = q.text(3);
    b.people = static_cast<int>(q.integer(4));
    b.duration = static_cast<int>(q.integer(5));
    if (!q.is_null(6)) b.stamps.left_at = core::parse_utc(q.text(6));
    add_tables_from_ids(q.text(7), b);
  }
  return out;
}

std::size_t SqliteStore::count_bookings_holding_table(std::string_view restaurant_id, std::string_view table_id,
                                                      core::SystemTime from) {
  auto r = reader();
  // The statuses of domain::holds_tables; `left` bookings have ended.
  auto q = r->prepare(
      "SELECT COUNT(*) FROM bookings WHERE restaurant_id = ?1 AND start_utc >= ?2"
      " AND status IN " MAITRED_SQL_UPCOMING_HOLDING_STATUSES
      " AND EXISTS (SELECT 1 FROM json_each(doc, '$.tables') WHERE json_extract(value, '$._id') = ?3)");
  q.bind(1, restaurant_id).bind(2, core::format_utc(from)).bind(3, table_id);
  q.step();
  return static_cast<std::size_t>(q.integer(0));
}

void SqliteStore::insert_booking(const domain::Booking& booking) {
  std::lock_guard lock(writer_mutex_);
  auto insert = writer_->prepare(
      "INSERT INTO bookings(restaurant_id, id, local_date, start_utc, status, people, created_at, activity_at,"
      " customer_id, doc, duration, left_at, table_ids) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, "
      "?13)");
  bind_booking_row(insert, booking);
  insert.run();
  // No data-generation bump: no cache holds bookings, and bumping on every
  // booking write would empty the key and restaurant caches for nothing.
}

bool SqliteStore::update_booking(const domain::Booking& booking) {
  std::lock_guard lock(writer_mutex_);
  auto update = writer_->prepare(
      "UPDATE bookings SET local_date = ?3, start_utc = ?4, status = ?5, people = ?6, created_at = ?7,"
      " activity_at = ?8, customer_id = ?9, doc = ?10, duration = ?11, left_at = ?12, table_ids = ?13"
      " WHERE restaurant_id = ?1 AND id = ?2");
  bind_booking_row(update, booking);
  update.run();
  return update.changes() > 0;
}

bool SqliteStore::erase_booking(std::string_view restaurant_id, std::string_view id) {
  std::lock_guard lock(writer_mutex_);
  Transaction tx(*writer_, in_transaction_);
  auto erase = writer_->prepare("DELETE FROM bookings WHERE restaurant_id = ?1 AND id = ?2");
  erase.bind(1, restaurant_id).bind(2, id).run();
  const bool existed = erase.changes() > 0;
  auto history = writer_->prepare("DELETE FROM booking_history WHERE restaurant_id = ?1 AND booking_id = ?2");
  history.bind(1, restaurant_id).bind(2, id).run();
  auto keys = writer_->prepare("DELETE FROM idempotency_keys WHERE restaurant_id = ?1 AND booking_id = ?2");
  keys.bind(1, restaurant_id).bind(2, id).run();
  // The guest's address is personal data: the e-mail log goes with the booking.
  auto messages = writer_->prepare("DELETE FROM guest_messages WHERE restaurant_id = ?1 AND booking_id = ?2");
  messages.bind(1, restaurant_id).bind(2, id).run();
  // Orders and feedback are about the guest's visit: they go with it.
  auto attached = writer_->prepare(
      "DELETE FROM documents WHERE restaurant_id = ?1 AND collection IN ('orders', 'feedback')"
      " AND json_extract(doc, '$.bookingId') = ?2");
  attached.bind(1, restaurant_id).bind(2, id).run();
  tx.commit();
  return existed;
}

void SqliteStore::append_booking_history(std::string_view restaurant_id, std::string_view booking_id,
                                         core::SystemTime at, std::string_view entry_json) {
  std::lock_guard lock(writer_mutex_);
  auto insert =
      writer_->prepare("INSERT INTO booking_history(restaurant_id, booking_id, at, entry) VALUES (?1, ?2, ?3, ?4)");
  insert.bind(1, restaurant_id).bind(2, booking_id).bind(3, core::format_utc(at)).bind(4, entry_json).run();
}

std::vector<std::string> SqliteStore::booking_history(std::string_view restaurant_id, std::string_view booking_id) {
  auto r = reader();
  auto q = r->prepare("SELECT entry FROM booking_history WHERE restaurant_id = ?1 AND booking_id = ?2 ORDER BY seq");
  q.bind(1, restaurant_id).bind(2, booking_id);
  std::vector<std::string> out;
  while (q.step()) out.emplace_back(q.text(0));
  return out;
}

std::optional<IdempotencyRecord> SqliteStore::find_idempotency_key(std::string_view restaurant_id,
                                                                   std::string_view key) {
  auto r = reader();
  auto q = r->prepare(
      "SELECT request_hash, booking_id, created_at FROM idempotency_keys WHERE restaurant_id = ?1 AND key = ?2");
  q.bind(1, restaurant_id).bind(2, key);
  if (!q.step()) return std::nullopt;
  auto created = core::parse_utc(q.text(2));
  return IdempotencyRecord{std::string(q.text(0)), std::string(q.text(1)), created.value_or(core::SystemTime{})};
}

void SqliteStore::put_idempotency_key(std::string_view restaurant_id, std::string_view key,
                                      const IdempotencyRecord& record) {
  std::lock_guard lock(writer_mutex_);
  auto insert = writer_->prepare(
      "INSERT INTO idempotency_keys(restaurant_id, key, request_hash, booking_id, created_at)"
      " VALUES (?1, ?2, ?3, ?4, ?5)");
  insert.bind(1, restaurant_id)
      .bind(2, key)
      .bind(3, record.request_hash)
      .bind(4, record.booking_id)
      .bind(5, core::format_utc(record.created_at))
      .run();
}

std::size_t SqliteStore::purge_idempotency_keys(core::SystemTime cutoff) {
  std::lock_guard lock(writer_mutex_);
  auto erase = writer_->prepare("DELETE FROM idempotency_keys WHERE created_at < ?1");
  erase.bind(1, core::format_utc(cutoff)).run();
  return static_cast<std::size_t>(erase.changes());
}

}  // namespace maitred::store::sqlite
