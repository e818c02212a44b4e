#pragma once
// Thin RAII over the SQLite C API: one connection, its cached prepared
// statements, and transactions. Errors become store::StoreError.

#include <sqlite3.h>

#include <chrono>
#include <filesystem>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace maitred::store::sqlite {

class Connection;

// A borrowed, cached statement; reset and unbound when it goes out of scope.
class Statement {
 public:
  Statement(sqlite3_stmt* stmt, Connection& connection) : stmt_(stmt), connection_(connection) {}
  ~Statement();
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;

  Statement& bind(int index, std::string_view text);
  Statement& bind(int index, long long value);
  Statement& bind_blob(int index, std::span<const unsigned char> bytes);
  Statement& bind_null(int index);
  Statement& bind_double(int index, double value);
  template <typename T>
  Statement& bind(int index, const std::optional<T>& value) {
    return value ? bind(index, *value) : bind_null(index);
  }

  // True when a row is ready, false when done; throws StoreError on failure.
  bool step();
  // Runs a statement that returns no rows.
  void run();

  bool is_null(int column) const;
  std::string_view text(int column) const;
  long long integer(int column) const;
  std::span<const unsigned char> blob(int column) const;
  int changes() const;

 private:
  sqlite3_stmt* stmt_;
  Connection& connection_;
};

class Connection {
 public:
  enum class Role { writer, reader };
  // How long a statement waits for another connection's lock before it fails
  // with StoreUnavailable.
  static constexpr std::chrono::milliseconds kDefaultBusyTimeout{5000};
  Connection(const std::filesystem::path& file, Role role, bool own_checkpoints,
             std::chrono::milliseconds busy_timeout = kDefaultBusyTimeout);
  ~Connection();
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;

  // Prepared once per connection (SQLITE_PREPARE_PERSISTENT), reused after.
  Statement prepare(const char* sql);
  // For SQL built at run time (list queries with compiled filters): cached
  // by its text, so a shape clients repeat is parsed and planned once; the
  // cache is emptied when it reaches kMaxDynamicStatements shapes.
  Statement prepare_dynamic(const std::string& sql);
  void exec(const char* sql);
  [[noreturn]] void fail(int code, std::string_view during) const;

  sqlite3* handle() { return db_; }

 private:
  sqlite3* db_ = nullptr;
  std::map<const char*, sqlite3_stmt*> statements_;  // keyed by the literal's address
  std::map<std::string, sqlite3_stmt*, std::less<>> dynamic_statements_;
  static constexpr std::size_t kMaxDynamicStatements = 64;
};

// Binds `params` to ?1, ?2, ... in order. `Param` is any variant of
// std::string, long long and double.
template <typename Param>
void bind_all(Statement& statement, const std::vector<Param>& params) {
  int index = 1;
  for (const auto& p : params) {
    if (const auto* text = std::get_if<std::string>(&p))
      statement.bind(index++, *text);
    else if (const auto* integer = std::get_if<long long>(&p))
      statement.bind(index++, *integer);
    else
      statement.bind_double(index++, std::get<double>(p));
  }
}

// BEGIN IMMEDIATE .. COMMIT; rolls back unless commit() was reached. With
// `join`, an enclosing transaction is already open and this one does nothing.
class Transaction {
 public:
  explicit Transaction(Connection& connection, bool join = false);
  ~Transaction();
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;
  void commit();

 private:
  Connection& connection_;
  bool done_ = false;
};

}  // namespace maitred::store::sqlite
