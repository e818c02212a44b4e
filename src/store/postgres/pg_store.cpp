// PgStore: construction, transactions and their locks, the data generation,
// restaurants, API keys, settings and document collections.

#include "store/postgres/pg_store.hpp"

#include <date/date.h>

#include <set>

#include "core/time_format.hpp"
#include "domain/calendar.hpp"
#include "json/restaurant_codec.hpp"
#include "store/corrupt_document.hpp"
#include "store/postgres/migrate.hpp"
#include "store/postgres/pg_rows.hpp"

namespace maitred::store::postgres {

namespace {

// The atomic body running on this thread: which store, which connection.
struct ActiveTransaction {
  const PgStore* store = nullptr;
  Connection* connection = nullptr;
  std::vector<domain::Event>* events = nullptr;  // written just before COMMIT
};
thread_local ActiveTransaction active_transaction;

constexpr const char* kKeyColumns =
    "id, restaurant_id, label, lookup_prefix, secret_hash, created_at, last_used_at, revoked_at";

domain::ApiKey key_from_row(const Result& rows, int r) {
  domain::ApiKey key;
  key.id = rows.text(r, 0);
  key.restaurant_id = rows.text(r, 1);
  key.label = rows.text(r, 2);
  key.lookup_prefix = rows.text(r, 3);
  key.secret_hash = stored_digest(rows, r, 4);
  key.created_at = stored_time(rows, r, 5);
  key.last_used_at = optional_stored_time(rows, r, 6);
  key.revoked_at = optional_stored_time(rows, r, 7);
  return key;
}

std::vector<domain::ApiKey> keys_from(const Result& rows) {
  std::vector<domain::ApiKey> out;
  out.reserve(static_cast<std::size_t>(rows.rows()));
  for (int r = 0; r < rows.rows(); ++r) out.push_back(key_from_row(rows, r));
  return out;
}

domain::Restaurant restaurant_from_text(std::string_view id, std::string_view text) {
  return decode_document("restaurant", id, [&] {
    auto restaurant = json::restaurant_from_json(text);
    if (!restaurant) throw std::runtime_error("it is not a restaurant document");
    return std::move(*restaurant);
  });
}

Document document_from_row(const Result& rows, int r) {
  return Document{std::string(rows.text(r, 0)), std::string(rows.text(r, 1)), rows.text(r, 2) == "t"};
}

// The three local dates a booking on `local_date` can touch, in ascending
// order (the order every body takes their locks in).
std::vector<std::string> dates_around(std::string_view local_date) {
  const auto day = domain::parse_iso_date(local_date);
  if (!day) return {std::string(local_date)};
  const date::sys_days middle{*day};
  return {domain::format_iso_date(date::year_month_day{middle - date::days{1}}), std::string(local_date),
          domain::format_iso_date(date::year_month_day{middle + date::days{1}})};
}

}  // namespace

PgStore::PgStore(PoolOptions options, bool listen_for_events) : pool_(std::move(options)) {
  apply_migrations(pool_);
  if (listen_for_events) listener_ = std::make_unique<EventListener>(pool_.options().connection, bell_);
}

PgStore::~PgStore() = default;

Connection* PgStore::current_transaction() const {
  return active_transaction.store == this ? active_transaction.connection : nullptr;
}

void PgStore::run_atomic(const std::function<void(Connection&)>& take_locks, const std::function<void()>& body) {
  if (current_transaction() != nullptr) {
    body();  // joins the outer body, under its locks
    return;
  }
  auto lease = pool_.acquire();
  Transaction transaction(*lease);
  take_locks(*lease);
  std::vector<domain::Event> events;
  active_transaction = {this, &*lease, &events};
  try {
    body();
    write_pending_events(*lease, events);
  } catch (...) {
    active_transaction = {};
    throw;  // the transaction rolls back
  }
  active_transaction = {};
  transaction.commit();
  // This process's waiters at once; the NOTIFY reaches the others (and
  // rings here once more, which costs a waiter one empty re-read at most).
  std::set<std::string> restaurants;
  for (const auto& event : events) restaurants.insert(event.restaurant_id);
  for (const auto& restaurant : restaurants) bell_.ring(restaurant);
}

std::vector<domain::Event>* PgStore::pending_events() const {
  return active_transaction.store == this ? active_transaction.events : nullptr;
}

void PgStore::atomically(const std::function<void()>& body) {
  run_atomic([](Connection& c) { c.run_prepared("SELECT pg_advisory_xact_lock($1)", kWritersLockKey); }, body);
}

void PgStore::atomically_for_day(std::string_view restaurant_id, std::string_view local_date,
                                 const std::function<void()>& body) {
  run_atomic(
      [&](Connection& c) {
        c.run_prepared("SELECT pg_advisory_xact_lock_shared($1)", kWritersLockKey);
        // The day itself exclusively, its neighbours shared: bookings on one
        // day, or on two days side by side, queue (a late dinner reaches into
        // the next day); days two apart cannot touch and do not wait.
        for (const auto& day : dates_around(local_date)) {
          if (day == local_date)
            c.run_prepared("SELECT pg_advisory_xact_lock(hashtext($1), hashtext($2))", restaurant_id, day);
          else
            c.run_prepared("SELECT pg_advisory_xact_lock_shared(hashtext($1), hashtext($2))", restaurant_id, day);
        }
      },
      body);
}

void PgStore::lock_name(std::string_view restaurant_id, std::string_view name) {
  // The two-integer key space of the day locks; a name never looks like a
  // date, and a hash collision only makes two bodies wait for each other.
  if (Connection* c = current_transaction()) {
    c->run_prepared("SELECT pg_advisory_xact_lock(hashtext($1), hashtext($2))", restaurant_id, name);
  }
}

void PgStore::bump_generation(Connection& connection) {
  connection.run_prepared("UPDATE data_generation SET value = value + 1");
}

void PgStore::wrote(Connection& connection, Collection collection) {
  if (caches_may_hold(collection)) bump_generation(connection);
}

std::uint64_t PgStore::data_generation() {
  return on_connection([](Connection& c) {
    return static_cast<std::uint64_t>(c.run_prepared("SELECT value FROM data_generation").integer(0, 0));
  });
}

void PgStore::create_restaurant(const domain::Restaurant& restaurant) {
  in_transaction([&](Connection& c) {
    c.run_prepared("INSERT INTO restaurants(id, doc, created_at) VALUES ($1, $2, $3)", restaurant.id,
                   json::restaurant_to_stored_json(restaurant), core::format_utc(restaurant.created_at));
    bump_generation(c);
  });
}

std::optional<domain::Restaurant> PgStore::find_restaurant(std::string_view id) {
  return on_connection([&](Connection& c) -> std::optional<domain::Restaurant> {
    const auto generation =
        static_cast<std::uint64_t>(c.run_prepared("SELECT value FROM data_generation").integer(0, 0));
    if (auto cached = restaurants_.find(id, generation)) return cached;
    auto rows = c.run_prepared("SELECT doc FROM restaurants WHERE id = $1", id);
    if (rows.rows() == 0) return std::nullopt;
    auto restaurant = restaurant_from_text(id, rows.text(0, 0));
    restaurants_.put(id, generation, restaurant);
    return restaurant;
  });
}

std::optional<domain::Restaurant> PgStore::find_restaurant_by_slug(std::string_view slug) {
  if (slug.empty()) return std::nullopt;
  auto id = on_connection([&](Connection& c) -> std::optional<std::string> {
    auto rows = c.run_prepared("SELECT id FROM restaurants WHERE doc->>'slug' = $1 AND doc->>'slug' <> ''", slug);
    if (rows.rows() == 0) return std::nullopt;
    return std::string(rows.text(0, 0));
  });
  if (!id) return std::nullopt;
  return find_restaurant(*id);
}

std::vector<domain::Restaurant> PgStore::list_restaurants() {
  return on_connection([](Connection& c) {
    auto rows = c.run_prepared("SELECT id, doc FROM restaurants ORDER BY created_at, id");
    std::vector<domain::Restaurant> out;
    for (int r = 0; r < rows.rows(); ++r) {
      try {
        out.push_back(restaurant_from_text(rows.text(r, 0), rows.text(r, 1)));
      } catch (const CorruptDocument& e) {
        log_corrupt(e, "left out of the list of restaurants");
      }
    }
    return out;
  });
}

bool PgStore::update_restaurant(const domain::Restaurant& restaurant) {
  return in_transaction([&](Connection& c) {
    auto updated = c.run_prepared("UPDATE restaurants SET doc = $2 WHERE id = $1", restaurant.id,
                                  json::restaurant_to_stored_json(restaurant));
    if (updated.affected() == 0) return false;
    bump_generation(c);
    return true;
  });
}

void PgStore::create_api_key(const domain::ApiKey& key) {
  in_transaction([&](Connection& c) {
    c.run_prepared(
        "INSERT INTO api_keys(id, restaurant_id, label, lookup_prefix, secret_hash, created_at)"
        " VALUES ($1, $2, $3, $4, $5, $6)",
        key.id, key.restaurant_id, key.label, key.lookup_prefix, bytea_param(key.secret_hash),
        core::format_utc(key.created_at));
    bump_generation(c);
  });
}

std::optional<domain::ApiKey> PgStore::find_api_key(std::string_view key_id) {
  static const std::string sql = std::string("SELECT ") + kKeyColumns + " FROM api_keys WHERE id = $1";
  return on_connection([&](Connection& c) -> std::optional<domain::ApiKey> {
    auto rows = c.run_prepared(sql, key_id);
    if (rows.rows() == 0) return std::nullopt;
    return key_from_row(rows, 0);
  });
}

std::vector<domain::ApiKey> PgStore::find_api_keys_by_prefix(std::string_view lookup_prefix) {
  static const std::string sql = std::string("SELECT ") + kKeyColumns + " FROM api_keys WHERE lookup_prefix = $1";
  return on_connection([&](Connection& c) { return keys_from(c.run_prepared(sql, lookup_prefix)); });
}

std::vector<domain::ApiKey> PgStore::list_api_keys(std::string_view restaurant_id) {
  static const std::string sql =
      std::string("SELECT ") + kKeyColumns + " FROM api_keys WHERE restaurant_id = $1 ORDER BY created_at, id";
  return on_connection([&](Connection& c) { return keys_from(c.run_prepared(sql, restaurant_id)); });
}

bool PgStore::revoke_api_key(std::string_view key_id, core::SystemTime at) {
  return in_transaction([&](Connection& c) {
    if (c.run_prepared("SELECT 1 FROM api_keys WHERE id = $1", key_id).rows() == 0) return false;
    c.run_prepared("UPDATE api_keys SET revoked_at = $2 WHERE id = $1 AND revoked_at IS NULL", key_id,
                   core::format_utc(at));
    bump_generation(c);
    return true;
  });
}

void PgStore::record_key_uses(std::span<const KeyUse> uses) {
  if (uses.empty()) return;
  in_transaction([&](Connection& c) {
    for (const auto& use : uses) {
      c.run_prepared(
          "UPDATE api_keys SET last_used_at = $2 WHERE id = $1 AND (last_used_at IS NULL OR last_used_at < $2)",
          use.key_id, core::format_utc(use.at));
    }
  });
}

std::vector<Document> PgStore::list_documents(Collection collection, std::string_view restaurant_id,
                                              bool include_deleted) {
  return on_connection([&](Connection& c) {
    auto rows = c.run_prepared(
        "SELECT id, doc, deleted FROM documents WHERE restaurant_id = $1 AND collection = $2"
        " AND ($3 OR NOT deleted) ORDER BY seq",
        restaurant_id, collection_name(collection), include_deleted);
    std::vector<Document> out;
    out.reserve(static_cast<std::size_t>(rows.rows()));
    for (int r = 0; r < rows.rows(); ++r) out.push_back(document_from_row(rows, r));
    return out;
  });
}

std::optional<Document> PgStore::find_document(Collection collection, std::string_view restaurant_id,
                                               std::string_view id) {
  return on_connection([&](Connection& c) -> std::optional<Document> {
    auto rows = c.run_prepared(
        "SELECT id, doc, deleted FROM documents WHERE restaurant_id = $1 AND collection = $2 AND id = $3",
        restaurant_id, collection_name(collection), id);
    if (rows.rows() == 0) return std::nullopt;
    return document_from_row(rows, 0);
  });
}

void PgStore::insert_document(const DocumentWrite& w) {
  in_transaction([&](Connection& c) {
    const auto at = core::format_utc(w.at);
    c.run_prepared(
        "INSERT INTO documents(restaurant_id, collection, id, unique_key, doc, deleted, created_at, updated_at)"
        " VALUES ($1, $2, $3, $4, $5, $6, $7, $7)",
        w.restaurant_id, collection_name(w.collection), w.id, Param(w.unique_key), w.json, w.deleted, at);
    wrote(c, w.collection);
  });
}

bool PgStore::update_document(const DocumentWrite& w) {
  return in_transaction([&](Connection& c) {
    auto updated = c.run_prepared(
        "UPDATE documents SET unique_key = $4, doc = $5, deleted = $6, updated_at = $7"
        " WHERE restaurant_id = $1 AND collection = $2 AND id = $3",
        w.restaurant_id, collection_name(w.collection), w.id, Param(w.unique_key), w.json, w.deleted,
        core::format_utc(w.at));
    if (updated.affected() == 0) return false;
    wrote(c, w.collection);
    return true;
  });
}

bool PgStore::erase_document(Collection collection, std::string_view restaurant_id, std::string_view id) {
  return in_transaction([&](Connection& c) {
    auto erased = c.run_prepared("DELETE FROM documents WHERE restaurant_id = $1 AND collection = $2 AND id = $3",
                                 restaurant_id, collection_name(collection), id);
    if (erased.affected() == 0) return false;
    wrote(c, collection);
    return true;
  });
}

std::vector<std::string> PgStore::select_documents(const std::string& sql, const std::vector<Param>& params) {
  return on_connection([&](Connection& c) {
    // Not prepared: the text varies with the client's filter and sort.
    auto rows = c.exec_params(sql, params);
    std::vector<std::string> docs;
    docs.reserve(static_cast<std::size_t>(rows.rows()));
    for (int r = 0; r < rows.rows(); ++r) docs.emplace_back(rows.text(r, 0));
    return docs;
  });
}

std::optional<std::string> PgStore::get_setting(std::string_view name) {
  return on_connection([&](Connection& c) -> std::optional<std::string> {
    auto rows = c.run_prepared("SELECT value FROM settings WHERE name = $1", name);
    if (rows.rows() == 0) return std::nullopt;
    return std::string(rows.text(0, 0));
  });
}

void PgStore::put_setting(std::string_view name, std::string_view value) {
  in_transaction([&](Connection& c) {
    c.run_prepared(
        "INSERT INTO settings(name, value) VALUES ($1, $2) ON CONFLICT(name) DO UPDATE SET value = excluded.value",
        name, value);
    bump_generation(c);
  });
}

}  // namespace maitred::store::postgres
