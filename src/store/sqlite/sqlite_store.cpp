#include "store/sqlite/sqlite_store.hpp"

#include <algorithm>
#include <cstring>

#include "core/logging.hpp"
#include "core/time_format.hpp"
#include "json/restaurant_codec.hpp"
#include "store/corrupt_document.hpp"
#include "store/migration.hpp"

namespace maitred::store::sqlite {

namespace {

core::SystemTime parse_stored_time(std::string_view text) {
  auto t = core::parse_utc(text);
  if (!t) throw StoreError(StoreError::Kind::internal, "corrupt time stamp in database: " + std::string(text));
  return *t;
}

std::optional<core::SystemTime> optional_time(const Statement& row, int column) {
  if (row.is_null(column)) return std::nullopt;
  return parse_stored_time(row.text(column));
}

// Columns: id, doc.
domain::Restaurant restaurant_from_row(const Statement& row) {
  return decode_document("restaurant", row.text(0), [&] {
    auto restaurant = json::restaurant_from_json(row.text(1));
    if (!restaurant) throw std::runtime_error("it is not a restaurant document");
    return std::move(*restaurant);
  });
}

constexpr const char* kKeyColumns =
    "id, restaurant_id, label, lookup_prefix, secret_hash, created_at, last_used_at, revoked_at";

domain::ApiKey key_from_row(const Statement& row) {
  domain::ApiKey key;
  key.id = row.text(0);
  key.restaurant_id = row.text(1);
  key.label = row.text(2);
  key.lookup_prefix = row.text(3);
  auto hash = row.blob(4);
  if (hash.size() != key.secret_hash.size()) throw StoreError(StoreError::Kind::internal, "corrupt key hash");
  std::copy(hash.begin(), hash.end(), key.secret_hash.begin());
  key.created_at = parse_stored_time(row.text(5));
  key.last_used_at = optional_time(row, 6);
  key.revoked_at = optional_time(row, 7);
  return key;
}

}  // namespace

namespace {
std::filesystem::path generation_file(const std::filesystem::path& database) {
  auto path = database;
  path += "-generation";
  return path;
}
}  // namespace

SqliteStore::SqliteStore(std::filesystem::path file, Owner owner, std::chrono::milliseconds busy_timeout)
    : file_(std::move(file)), busy_timeout_(busy_timeout) {
  writer_ = std::make_unique<Connection>(file_, Connection::Role::writer, owner == Owner::server, busy_timeout_);
  try {
    generation_ = std::make_unique<core::SharedGeneration>(generation_file(file_));
  } catch (const std::runtime_error& e) {
    throw StoreUnavailable(e.what());
  }
  migrate();
}

SqliteStore::~SqliteStore() {
  std::lock_guard lock(writer_mutex_);
  idle_readers_.clear();
  writer_.reset();
}

SqliteStore::ReaderLease SqliteStore::reader() {
  if (transaction_thread_.load(std::memory_order_relaxed) == std::this_thread::get_id()) {
    return ReaderLease(*this, *writer_);
  }
  {
    std::lock_guard lock(readers_mutex_);
    if (!idle_readers_.empty()) {
      auto connection = std::move(idle_readers_.back());
      idle_readers_.pop_back();
      return ReaderLease(*this, std::move(connection));
    }
  }
  return ReaderLease(*this, std::make_unique<Connection>(file_, Connection::Role::reader, false, busy_timeout_));
}

void SqliteStore::migrate() {
  std::lock_guard lock(writer_mutex_);
  writer_->exec(
      "CREATE TABLE IF NOT EXISTS schema_migrations ("
      " version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL) STRICT");
  for (const Migration& migration : sqlite_migrations()) {
    Transaction tx(*writer_);
    // Checked inside the transaction: a second process starting at the same
    // moment waits on BEGIN IMMEDIATE and then sees the migration applied.
    auto check = writer_->prepare("SELECT 1 FROM schema_migrations WHERE version = ?1");
    check.bind(1, static_cast<long long>(migration.version));
    if (check.step()) continue;
    std::string sql(migration.sql);
    writer_->exec(sql.c_str());
    auto record = writer_->prepare("INSERT INTO schema_migrations(version, name, applied_at) VALUES (?1, ?2, ?3)");
    record.bind(1, static_cast<long long>(migration.version))
        .bind(2, migration.name)
        .bind(3, core::format_utc(core::SystemClock{}.now()))
        .run();
    tx.commit();
    core::log().info("applied migration {} ({})", migration.version, migration.name);
  }
}

int SqliteStore::schema_version() {
  auto r = reader();
  auto q = r->prepare("SELECT COALESCE(MAX(version), 0) FROM schema_migrations");
  q.step();
  return static_cast<int>(q.integer(0));
}

void SqliteStore::create_restaurant(const domain::Restaurant& restaurant) {
  std::lock_guard lock(writer_mutex_);
  auto insert = writer_->prepare("INSERT INTO restaurants(id, doc, created_at) VALUES (?1, ?2, ?3)");
  insert.bind(1, restaurant.id)
      .bind(2, json::restaurant_to_stored_json(restaurant))
      .bind(3, core::format_utc(restaurant.created_at))
      .run();
  wrote();
}

std::optional<domain::Restaurant> SqliteStore::find_restaurant(std::string_view id) {
  const std::uint64_t generation = generation_->current();
  if (auto cached = restaurants_.find(id, generation)) return cached;
  auto r = reader();
  auto q = r->prepare("SELECT id, doc FROM restaurants WHERE id = ?1");
  q.bind(1, id);
  if (!q.step()) return std::nullopt;
  auto restaurant = restaurant_from_row(q);
  restaurants_.put(id, generation, restaurant);
  return restaurant;
}

std::optional<domain::Restaurant> SqliteStore::find_restaurant_by_slug(std::string_view slug) {
  if (slug.empty()) return std::nullopt;
  std::string id;
  {
    auto r = reader();
    // The condition repeats the index's, so SQLite uses restaurants_by_slug.
    auto q = r->prepare(
        "SELECT id FROM restaurants WHERE json_extract(doc, '$.slug') = ?1 AND json_extract(doc, '$.slug') <> ''");
    q.bind(1, slug);
    if (!q.step()) return std::nullopt;
    id = std::string(q.text(0));
  }
  return find_restaurant(id);
}

std::vector<domain::Restaurant> SqliteStore::list_restaurants() {
  auto r = reader();
  auto q = r->prepare("SELECT id, doc FROM restaurants ORDER BY created_at, id");
  std::vector<domain::Restaurant> out;
  while (q.step()) {
    try {
      out.push_back(restaurant_from_row(q));
    } catch (const CorruptDocument& e) {
      log_corrupt(e, "left out of the list of restaurants");
    }
  }
  return out;
}

void SqliteStore::create_api_key(const domain::ApiKey& key) {
  std::lock_guard lock(writer_mutex_);
  auto insert = writer_->prepare(
      "INSERT INTO api_keys(id, restaurant_id, label, lookup_prefix, secret_hash, created_at)"
      " VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
  insert.bind(1, key.id)
      .bind(2, key.restaurant_id)
      .bind(3, key.label)
      .bind(4, key.lookup_prefix)
      .bind_blob(5, key.secret_hash)
      .bind(6, core::format_utc(key.created_at))
      .run();
  wrote();
}

std::optional<domain::ApiKey> SqliteStore::find_api_key(std::string_view key_id) {
  static const std::string sql = std::string("SELECT ") + kKeyColumns + " FROM api_keys WHERE id = ?1";
  auto r = reader();
  auto q = r->prepare(sql.c_str());
  q.bind(1, key_id);
  if (!q.step()) return std::nullopt;
  return key_from_row(q);
}

std::vector<domain::ApiKey> SqliteStore::find_api_keys_by_prefix(std::string_view lookup_prefix) {
  static const std::string sql = std::string("SELECT ") + kKeyColumns + " FROM api_keys WHERE lookup_prefix = ?1";
  auto r = reader();
  auto q = r->prepare(sql.c_str());
  q.bind(1, lookup_prefix);
  std::vector<domain::ApiKey> out;
  while (q.step()) out.push_back(key_from_row(q));
  return out;
}

std::vector<domain::ApiKey> SqliteStore::list_api_keys(std::string_view restaurant_id) {
  static const std::string sql =
      std::string("SELECT ") + kKeyColumns + " FROM api_keys WHERE restaurant_id = ?1 ORDER BY created_at, id";
  auto r = reader();
  auto q = r->prepare(sql.c_str());
  q.bind(1, restaurant_id);
  std::vector<domain::ApiKey> out;
  while (q.step()) out.push_back(key_from_row(q));
  return out;
}

bool SqliteStore::revoke_api_key(std::string_view key_id, core::SystemTime at) {
  std::lock_guard lock(writer_mutex_);
  Transaction tx(*writer_, in_transaction_);
  auto exists = writer_->prepare("SELECT 1 FROM api_keys WHERE id = ?1");
  exists.bind(1, key_id);
  if (!exists.step()) return false;
  auto update = writer_->prepare("UPDATE api_keys SET revoked_at = ?2 WHERE id = ?1 AND revoked_at IS NULL");
  update.bind(1, key_id).bind(2, core::format_utc(at)).run();
  tx.commit();
  wrote();
  return true;
}

void SqliteStore::record_key_uses(std::span<const KeyUse> uses) {
  if (uses.empty()) return;
  std::lock_guard lock(writer_mutex_);
  Transaction tx(*writer_, in_transaction_);
  for (const auto& use : uses) {
    auto update = writer_->prepare(
        "UPDATE api_keys SET last_used_at = ?2 WHERE id = ?1 AND (last_used_at IS NULL OR last_used_at < ?2)");
    update.bind(1, use.key_id).bind(2, core::format_utc(use.at)).run();
  }
  tx.commit();
}

bool SqliteStore::update_restaurant(const domain::Restaurant& restaurant) {
  std::lock_guard lock(writer_mutex_);
  auto update = writer_->prepare("UPDATE restaurants SET doc = ?2 WHERE id = ?1");
  update.bind(1, restaurant.id).bind(2, json::restaurant_to_stored_json(restaurant)).run();
  if (update.changes() == 0) return false;
  wrote();
  return true;
}

std::vector<Document> SqliteStore::list_documents(Collection collection, std::string_view restaurant_id,
                                                  bool include_deleted) {
  auto r = reader();
  auto q = r->prepare(
      "SELECT id, doc, deleted FROM documents WHERE restaurant_id = ?1 AND collection = ?2 AND (?3 OR deleted = 0)"
      " ORDER BY rowid");
  q.bind(1, restaurant_id).bind(2, collection_name(collection)).bind(3, include_deleted ? 1LL : 0LL);
  std::vector<Document> out;
  while (q.step()) out.push_back(Document{std::string(q.text(0)), std::string(q.text(1)), q.integer(2) != 0});
  return out;
}

std::optional<Document> SqliteStore::find_document(Collection collection, std::string_view restaurant_id,
                                                   std::string_view id) {
  auto r = reader();
  auto q =
      r->prepare("SELECT id, doc, deleted FROM documents WHERE restaurant_id = ?1 AND collection = ?2 AND id = ?3");
  q.bind(1, restaurant_id).bind(2, collection_name(collection)).bind(3, id);
  if (!q.step()) return std::nullopt;
  return Document{std::string(q.text(0)), std::string(q.text(1)), q.integer(2) != 0};
}

void SqliteStore::insert_document(const DocumentWrite& w) {
  std::lock_guard lock(writer_mutex_);
  const auto at = core::format_utc(w.at);
  auto insert = writer_->prepare(
      "INSERT INTO documents(restaurant_id, collection, id, unique_key, doc, deleted, created_at, updated_at)"
      " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7)");
  insert.bind(1, w.restaurant_id)
      .bind(2, collection_name(w.collection))
      .bind(3, w.id)
      .bind(4, w.unique_key)
      .bind(5, w.json)
      .bind(6, w.deleted ? 1LL : 0LL)
      .bind(7, at)
      .run();
  wrote(w.collection);
}

bool SqliteStore::update_document(const DocumentWrite& w) {
  std::lock_guard lock(writer_mutex_);
  auto update = writer_->prepare(
      "UPDATE documents SET unique_key = ?4, doc = ?5, deleted = ?6, updated_at = ?7"
      " WHERE restaurant_id = ?1 AND collection = ?2 AND id = ?3");
  update.bind(1, w.restaurant_id)
      .bind(2, collection_name(w.collection))
      .bind(3, w.id)
      .bind(4, w.unique_key)
      .bind(5, w.json)
      .bind(6, w.deleted ? 1LL : 0LL)
      .bind(7, core::format_utc(w.at))
      .run();
  if (update.changes() == 0) return false;
  wrote(w.collection);
  return true;
}

bool SqliteStore::erase_document(Collection collection, std::string_view restaurant_id, std::string_view id) {
  std::lock_guard lock(writer_mutex_);
  auto erase = writer_->prepare("DELETE FROM documents WHERE restaurant_id = ?1 AND collection = ?2 AND id = ?3");
  erase.bind(1, restaurant_id).bind(2, collection_name(collection)).bind(3, id).run();
  if (erase.changes() == 0) return false;
  wrote(collection);
  return true;
}

void SqliteStore::atomically(const std::function<void()>& body) {
  std::lock_guard lock(writer_mutex_);
  if (in_transaction_) {
    body();
    return;
  }
  Transaction tx(*writer_);
  in_transaction_ = true;
  pending_bump_ = false;
  transaction_thread_ = std::this_thread::get_id();
  try {
    body();
    write_pending_events();
    tx.commit();
  } catch (...) {
    in_transaction_ = false;
    pending_bump_ = false;
    pending_events_.clear();
    transaction_thread_ = std::thread::id{};
    throw;  // tx rolls back
  }
  transaction_thread_ = std::thread::id{};
  in_transaction_ = false;
  if (pending_bump_) generation_->bump();
  pending_bump_ = false;
  ring_for_committed_events();
}

void SqliteStore::wrote(Collection collection) {
  if (caches_may_hold(collection)) wrote();
}

void SqliteStore::wrote() {
  if (in_transaction_)
    pending_bump_ = true;
  else
    generation_->bump();
}

std::optional<std::string> SqliteStore::get_setting(std::string_view name) {
  auto r = reader();
  auto q = r->prepare("SELECT value FROM settings WHERE name = ?1");
  q.bind(1, name);
  if (!q.step()) return std::nullopt;
  return std::string(q.text(0));
}

void SqliteStore::put_setting(std::string_view name, std::string_view value) {
  std::lock_guard lock(writer_mutex_);
  auto upsert = writer_->prepare(
      "INSERT INTO settings(name, value) VALUES (?1, ?2) ON CONFLICT(name) DO UPDATE SET value = excluded.value");
  upsert.bind(1, name).bind(2, value).run();
  wrote();
}

}  // namespace maitred::store::sqlite
