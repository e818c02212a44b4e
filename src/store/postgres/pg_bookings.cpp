// PgStore: bookings, their history and idempotency keys, and the searches
// over document collections.

#include <string>

#include "core/time_format.hpp"
#include "json/booking_codec.hpp"
#include "store/booking_columns.hpp"
#include "store/corrupt_document.hpp"
#include "store/postgres/pg_rows.hpp"
#include "store/postgres/pg_store.hpp"
#include "store/postgres/query_compiler.hpp"

namespace maitred::store::postgres {

namespace {

// Document paths that have their own indexed column (as in the SQLite store).
const ColumnMap& booking_columns() {
  static const ColumnMap columns{booking_column_paths(), {"people"}, {"customer_id"}};
  return columns;
}

const ColumnMap& document_columns() {
  static const ColumnMap columns{{{"_id", "id"}, {"createdAt", "created_at"}, {"updatedAt", "updated_at"}}, {}, {}};
  return columns;
}

// The row of `b` as $1..$13, in the column order the INSERT and UPDATE use.
std::vector<Param> booking_row(const domain::Booking& b) {
  return {b.restaurant_id,
          b.id,
          b.date,
          core::format_utc(b.date_time),
          b.status,
          std::to_string(b.people),
          core::format_utc(b.created_at),
          core::format_utc(b.activity_at),
          null_if_empty(b.customer_id),
          json::booking_to_json(b),
          std::to_string(b.duration),
          b.stamps.left_at ? Param(core::format_utc(*b.stamps.left_at)) : std::nullopt,
          joined_table_ids(b)};
}

}  // namespace

std::vector<std::string> PgStore::query_documents(const DocumentQuery& query) {
  // Fixed fragments and the compiler's output only; every value is bound.
  std::string sql = "SELECT doc FROM documents WHERE restaurant_id = $1 AND collection = $2 AND NOT deleted";
  std::vector<Param> params{query.restaurant_id, std::string(collection_name(query.collection))};
  static const std::vector<domain::SortKey> kByCreation{{"createdAt", true}};
  append_filter_order_page(sql, params, query.filter, query.sort, kByCreation, document_columns(), query.skip,
                           query.limit);
  return select_documents(sql, params);
}

std::optional<Document> PgStore::find_customer_document(std::string_view restaurant_id, std::string_view email,
                                                        std::string_view phone) {
  return on_connection([&](Connection& c) -> std::optional<Document> {
    // Two probes, each served by its expression index (an OR would scan).
    if (!email.empty()) {
      auto rows = c.run_prepared(
          "SELECT id, doc FROM documents WHERE restaurant_id = $1 AND collection = 'customers'"
          " AND lower(doc ->> 'email') = lower($2) LIMIT 1",
          restaurant_id, email);
      if (rows.rows() > 0) return Document{std::string(rows.text(0, 0)), std::string(rows.text(0, 1)), false};
    }
    if (!phone.empty()) {
      auto rows = c.run_prepared(
          "SELECT id, doc FROM documents WHERE restaurant_id = $1 AND collection = 'customers'"
          " AND (doc ->> 'phone') = $2 LIMIT 1",
          restaurant_id, phone);
      if (rows.rows() > 0) return Document{std::string(rows.text(0, 0)), std::string(rows.text(0, 1)), false};
    }
    return std::nullopt;
  });
}

CustomerStats PgStore::customer_booking_stats(std::string_view restaurant_id, std::string_view customer_id) {
  return on_connection([&](Connection& c) {
    auto rows = c.run_prepared(
        "SELECT COUNT(*), MIN(start_utc), MAX(start_utc) FROM bookings WHERE restaurant_id = $1 AND customer_id = $2",
        restaurant_id, customer_id);
    CustomerStats stats;
    stats.booking_count = static_cast<int>(rows.integer(0, 0));
    stats.first = optional_stored_time(rows, 0, 1);
    stats.last = optional_stored_time(rows, 0, 2);
    return stats;
  });
}

std::size_t PgStore::purge_expired_holds(core::SystemTime now) {
  return on_connection([&](Connection& c) {
    auto erased = c.run_prepared("DELETE FROM documents WHERE collection = 'holds' AND (doc ->> 'expiresAt') < $1",
                                 core::format_utc(now));
    return static_cast<std::size_t>(erased.affected());
  });
}

std::optional<domain::Booking> PgStore::find_booking(std::string_view restaurant_id, std::string_view id) {
  return on_connection([&](Connection& c) -> std::optional<domain::Booking> {
    auto rows = c.run_prepared("SELECT doc FROM bookings WHERE restaurant_id = $1 AND id = $2", restaurant_id, id);
    if (rows.rows() == 0) return std::nullopt;
    return decode_document("booking", id, [&] { return json::booking_from_stored(rows.text(0, 0)); });
  });
}

std::vector<std::string> PgStore::list_booking_documents(const BookingQuery& query) {
  // Built from fixed fragments and the compiler's output only: every value,
  // including JSON paths, is a bound parameter.
  std::string sql = "SELECT doc FROM bookings WHERE restaurant_id = $1";
  std::vector<Param> params{query.restaurant_id};
  if (query.from) {
    params.emplace_back(core::format_utc(*query.from));
    sql += " AND start_utc >= $" + std::to_string(params.size());
  }
  if (query.to) {
    params.emplace_back(core::format_utc(*query.to));
    sql += " AND start_utc <= $" + std::to_string(params.size());
  }
  if (query.only_confirmed) sql += " AND status IN " MAITRED_SQL_CONFIRMED_STATUSES;
  static const std::vector<domain::SortKey> kByStart{{"dateTime", true}};
  append_filter_order_page(sql, params, query.filter, query.sort, kByStart, booking_columns(), query.skip, query.limit);
  return select_documents(sql, params);
}

std::vector<domain::Booking> PgStore::bookings_starting_between(std::string_view restaurant_id, core::SystemTime from,
                                                                core::SystemTime to) {
  return on_connection([&](Connection& c) {
    auto rows =
        c.run_prepared("SELECT id, doc FROM bookings WHERE restaurant_id = $1 AND start_utc >= $2 AND start_utc < $3",
                       restaurant_id, core::format_utc(from), core::format_utc(to));
    std::vector<domain::Booking> out;
    out.reserve(static_cast<std::size_t>(rows.rows()));
    for (int r = 0; r < rows.rows(); ++r) {
      out.push_back(
          decode_document("booking", rows.text(r, 0), [&] { return json::booking_from_stored(rows.text(r, 1)); }));
    }
    return out;
  });
}

std::vector<domain::Booking> PgStore::seating_bookings_between(std::string_view restaurant_id, core::SystemTime from,
                                                               core::SystemTime to) {
  return on_connection([&](Connection& c) {
    // The statuses of domain::holds_tables; the seating columns.
    auto rows = c.run_prepared(
        "SELECT id, local_date, start_utc, status, people, duration, left_at, table_ids FROM bookings"
        " WHERE restaurant_id = $1 AND start_utc >= $2 AND start_utc < $3"
        " AND status IN " MAITRED_SQL_HOLDING_STATUSES,
        restaurant_id, core::format_utc(from), core::format_utc(to));
    std::vector<domain::Booking> out;
    out.reserve(static_cast<std::size_t>(rows.rows()));
    for (int r = 0; r < rows.rows(); ++r) {
      domain::Booking& b = out.emplace_back();
      b.id = rows.text(r, 0);
      b.restaurant_id = restaurant_id;
      b.date = rows.text(r, 1);
      b.date_time = stored_time(rows, r, 2);
      b.status = rows.text(r, 3);
      b.people = static_cast<int>(rows.integer(r, 4));
      b.duration = static_cast<int>(rows.integer(r, 5));
      b.stamps.left_at = optional_stored_time(rows, r, 6);
      add_tables_from_ids(rows.text(r, 7), b);
    }
    return out;
  });
}

std::size_t PgStore::count_bookings_holding_table(std::string_view restaurant_id, std::string_view table_id,
                                                  core::SystemTime from) {
  return on_connection([&](Connection& c) {
    // The statuses of domain::holds_tables; `left` bookings have ended.
    auto rows = c.run_prepared(
        "SELECT COUNT(*) FROM bookings WHERE restaurant_id = $1 AND start_utc >= $2"
        " AND status IN " MAITRED_SQL_UPCOMING_HOLDING_STATUSES " AND $3 = ANY (string_to_array(table_ids, ','))",
        restaurant_id, core::format_utc(from), table_id);
    return static_cast<std::size_t>(rows.integer(0, 0));
  });
}

void PgStore::insert_booking(const domain::Booking& booking) {
  static const std::string sql =
      "INSERT INTO bookings(restaurant_id, id, local_date, start_utc, status, people, created_at, activity_at,"
      " customer_id, doc, duration, left_at, table_ids) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12,"
      " $13)";
  on_connection([&](Connection& c) { c.prepared(sql, booking_row(booking)); });
  // No data-generation bump: no cache holds bookings.
}

bool PgStore::update_booking(const domain::Booking& booking) {
  static const std::string sql =
      "UPDATE bookings SET local_date = $3, start_utc = $4, status = $5, people = $6, created_at = $7,"
      " activity_at = $8, customer_id = $9, doc = $10, duration = $11, left_at = $12, table_ids = $13"
      " WHERE restaurant_id = $1 AND id = $2";
  return on_connection([&](Connection& c) { return c.prepared(sql, booking_row(booking)).affected() > 0; });
}

bool PgStore::erase_booking(std::string_view restaurant_id, std::string_view id) {
  return in_transaction([&](Connection& c) {
    const bool existed =
        c.run_prepared("DELETE FROM bookings WHERE restaurant_id = $1 AND id = $2", restaurant_id, id).affected() > 0;
    c.run_prepared("DELETE FROM booking_history WHERE restaurant_id = $1 AND booking_id = $2", restaurant_id, id);
    c.run_prepared("DELETE FROM idempotency_keys WHERE restaurant_id = $1 AND booking_id = $2", restaurant_id, id);
    // The guest's address is personal data: the e-mail log goes with the booking.
    c.run_prepared("DELETE FROM guest_messages WHERE restaurant_id = $1 AND booking_id = $2", restaurant_id, id);
    // Orders and feedback are about the guest's visit: they go with it.
    c.run_prepared(
        "DELETE FROM documents WHERE restaurant_id = $1 AND collection IN ('orders', 'feedback')"
        " AND (doc ->> 'bookingId') = $2",
        restaurant_id, id);
    return existed;
  });
}

void PgStore::append_booking_history(std::string_view restaurant_id, std::string_view booking_id, core::SystemTime at,
                                     std::string_view entry_json) {
  on_connection([&](Connection& c) {
    c.run_prepared("INSERT INTO booking_history(restaurant_id, booking_id, at, entry) VALUES ($1, $2, $3, $4)",
                   restaurant_id, booking_id, core::format_utc(at), entry_json);
  });
}

std::vector<std::string> PgStore::booking_history(std::string_view restaurant_id, std::string_view booking_id) {
  return on_connection([&](Connection& c) {
    auto rows =
        c.run_prepared("SELECT entry FROM booking_history WHERE restaurant_id = $1 AND booking_id = $2 ORDER BY seq",
                       restaurant_id, booking_id);
    std::vector<std::string> out;
    for (int r = 0; r < rows.rows(); ++r) out.emplace_back(rows.text(r, 0));
    return out;
  });
}

std::optional<IdempotencyRecord> PgStore::find_idempotency_key(std::string_view restaurant_id, std::string_view key) {
  // Creates with one key queue here whatever their days (the day lock alone
  // would let two days' creates both find no record, and the later fail on
  // the earlier's row). A no-op outside a transaction.
  lock_name(restaurant_id, "idempotency-key:" + std::string(key));
  return on_connection([&](Connection& c) -> std::optional<IdempotencyRecord> {
    auto rows = c.run_prepared(
        "SELECT request_hash, booking_id, created_at FROM idempotency_keys WHERE restaurant_id = $1 AND key = $2",
        restaurant_id, key);
    if (rows.rows() == 0) return std::nullopt;
    return IdempotencyRecord{std::string(rows.text(0, 0)), std::string(rows.text(0, 1)), stored_time(rows, 0, 2)};
  });
}

void PgStore::put_idempotency_key(std::string_view restaurant_id, std::string_view key,
                                  const IdempotencyRecord& record) {
  on_connection([&](Connection& c) {
    c.run_prepared(
        "INSERT INTO idempotency_keys(restaurant_id, key, request_hash, booking_id, created_at)"
        " VALUES ($1, $2, $3, $4, $5)",
        restaurant_id, key, record.request_hash, record.booking_id, core::format_utc(record.created_at));
  });
}

std::size_t PgStore::purge_idempotency_keys(core::SystemTime cutoff) {
  return on_connection([&](Connection& c) {
    return static_cast<std::size_t>(
        c.run_prepared("DELETE FROM idempotency_keys WHERE created_at < $1", core::format_utc(cutoff)).affected());
  });
}

}  // namespace maitred::store::postgres
