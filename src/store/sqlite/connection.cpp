#include "store/sqlite/connection.hpp"

#include <string>

#include "core/logging.hpp"
#include "store/store.hpp"

namespace maitred::store::sqlite {

namespace {

StoreError::Kind kind_of(int code) {
  switch (code & 0xFF) {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
    case SQLITE_FULL:
    case SQLITE_IOERR:
    case SQLITE_CANTOPEN:
    case SQLITE_READONLY: return StoreError::Kind::unavailable;
    case SQLITE_CONSTRAINT: return StoreError::Kind::conflict;
    default: return StoreError::Kind::internal;
  }
}

// SQLITE_BUSY/SQLITE_LOCKED reach us only after the busy timeout has run out.
[[noreturn]] void throw_for(int code, const std::string& message) {
  const auto kind = kind_of(code);
  if (kind == StoreError::Kind::unavailable) throw StoreUnavailable(message);
  throw StoreError(kind, message);
}

}  // namespace

Statement::~Statement() {
  sqlite3_reset(stmt_);
  sqlite3_clear_bindings(stmt_);
}

Statement& Statement::bind_double(int index, double value) {
  int rc = sqlite3_bind_double(stmt_, index, value);
  if (rc != SQLITE_OK) connection_.fail(rc, "bind");
  return *this;
}

Statement& Statement::bind(int index, std::string_view text) {
  int rc = sqlite3_bind_text(stmt_, index, text.data(), static_cast<int>(text.size()), SQLITE_TRANSIENT);
  if (rc != SQLITE_OK) connection_.fail(rc, "bind");
  return *this;
}

Statement& Statement::bind(int index, long long value) {
  int rc = sqlite3_bind_int64(stmt_, index, value);
  if (rc != SQLITE_OK) connection_.fail(rc, "bind");
  return *this;
}

Statement& Statement::bind_blob(int index, std::span<const unsigned char> bytes) {
  int rc = sqlite3_bind_blob(stmt_, index, bytes.data(), static_cast<int>(bytes.size()), SQLITE_TRANSIENT);
  if (rc != SQLITE_OK) connection_.fail(rc, "bind");
  return *this;
}

Statement& Statement::bind_null(int index) {
  int rc = sqlite3_bind_null(stmt_, index);
  if (rc != SQLITE_OK) connection_.fail(rc, "bind");
  return *this;
}

bool Statement::step() {
  int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  connection_.fail(rc, sqlite3_sql(stmt_));
}

void Statement::run() {
  while (step()) {
  }
}

bool Statement::is_null(int column) const {
  return sqlite3_column_type(stmt_, column) == SQLITE_NULL;
}

std::string_view Statement::text(int column) const {
  const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(stmt_, column));
  if (p == nullptr) return {};
  return {p, static_cast<std::size_t>(sqlite3_column_bytes(stmt_, column))};
}

long long Statement::integer(int column) const {
  return sqlite3_column_int64(stmt_, column);
}

std::span<const unsigned char> Statement::blob(int column) const {
  const auto* p = static_cast<const unsigned char*>(sqlite3_column_blob(stmt_, column));
  return {p, static_cast<std::size_t>(sqlite3_column_bytes(stmt_, column))};
}

int Statement::changes() const {
  return sqlite3_changes(sqlite3_db_handle(stmt_));
}

Connection::Connection(const std::filesystem::path& file, Role role, bool own_checkpoints,
                       std::chrono::milliseconds busy_timeout) {
  const int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX;
  int rc = sqlite3_open_v2(file.c_str(), &db_, flags, nullptr);
  if (rc != SQLITE_OK) {
    std::string message =
        "cannot open database " + file.string() + ": " + (db_ != nullptr ? sqlite3_errmsg(db_) : sqlite3_errstr(rc));
    sqlite3_close(db_);
    db_ = nullptr;
    throw_for(rc, message);
  }
  sqlite3_extended_result_codes(db_, 1);
  sqlite3_busy_timeout(db_, static_cast<int>(busy_timeout.count()));
  exec("PRAGMA foreign_keys = ON");
  if (role == Role::writer) {
    exec("PRAGMA journal_mode = WAL");
    // FULL: a commit is on disk (WAL fsynced) before it is acknowledged.
    exec("PRAGMA synchronous = FULL");
    // Only the server's single writer checkpoints (SQLite 3.40 WAL-reset bug,
    // DESIGN.md); admin commands leave it to the server.
    if (!own_checkpoints) exec("PRAGMA wal_autocheckpoint = 0");
  } else {
    exec("PRAGMA query_only = ON");
    // Pages are read through a memory map instead of copied by read(2): a
    // list page visits ~100 scattered rows.
    exec("PRAGMA mmap_size = 268435456");
  }
}

Connection::~Connection() {
  for (auto& [sql, stmt] : statements_) sqlite3_finalize(stmt);
  for (auto& [sql, stmt] : dynamic_statements_) sqlite3_finalize(stmt);
  if (db_ != nullptr) {
    int rc = sqlite3_close(db_);
    if (rc != SQLITE_OK) core::log().error("sqlite close failed: {}", sqlite3_errstr(rc));
  }
}

Statement Connection::prepare(const char* sql) {
  auto it = statements_.find(sql);
  if (it == statements_.end()) {
    sqlite3_stmt* stmt = nullptr;
    int rc = sqlite3_prepare_v3(db_, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, nullptr);
    if (rc != SQLITE_OK) fail(rc, sql);
    it = statements_.emplace(sql, stmt).first;
  }
  return Statement(it->second, *this);
}

Statement Connection::prepare_dynamic(const std::string& sql) {
  auto it = dynamic_statements_.find(sql);
  if (it == dynamic_statements_.end()) {
    if (dynamic_statements_.size() >= kMaxDynamicStatements) {
      for (auto& [text, stmt] : dynamic_statements_) sqlite3_finalize(stmt);
      dynamic_statements_.clear();
    }
    sqlite3_stmt* stmt = nullptr;
    int rc =
        sqlite3_prepare_v3(db_, sql.c_str(), static_cast<int>(sql.size()), SQLITE_PREPARE_PERSISTENT, &stmt, nullptr);
    if (rc != SQLITE_OK) fail(rc, sql);
    it = dynamic_statements_.emplace(sql, stmt).first;
  }
  return Statement(it->second, *this);
}

void Connection::exec(const char* sql) {
  char* error = nullptr;
  int rc = sqlite3_exec(db_, sql, nullptr, nullptr, &error);
  if (rc != SQLITE_OK) {
    std::string message = error != nullptr ? error : sqlite3_errstr(rc);
    sqlite3_free(error);
    throw_for(rc, std::string("sqlite: ") + message + " (during: " + sql + ")");
  }
}

void Connection::fail(int code, std::string_view during) const {
  throw_for(code, std::string("sqlite: ") + sqlite3_errmsg(db_) + " (during: " + std::string(during) + ")");
}

Transaction::Transaction(Connection& connection, bool join) : connection_(connection), done_(join) {
  if (!join) connection_.exec("BEGIN IMMEDIATE");
}

Transaction::~Transaction() {
  if (done_) return;
  try {
    connection_.exec("ROLLBACK");
  } catch (const StoreError& e) {
    core::log().error("rollback failed: {}", e.what());
  }
}

void Transaction::commit() {
  if (done_) return;
  connection_.exec("COMMIT");
  done_ = true;
}

}  // namespace maitred::store::sqlite
