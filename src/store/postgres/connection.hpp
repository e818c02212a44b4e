#pragma once
// Thin RAII over libpq: one connection, its prepared statements (cached by
// SQL text), results, and transactions. Blocking calls: keep them off the
// event loop (DESIGN.md, libpq pitfall).
//
// Errors: a lost or refused connection (CONNECTION_BAD, SQLSTATE class 08,
// 57P01..57P03) and lock or statement timeouts (55P03, 57014) throw
// StoreUnavailable (503); a unique or foreign-key violation (23505, 23503) throws
// StoreError(conflict), as the SQLite store does for duplicates; anything
// else throws StoreError(internal) naming the SQLSTATE. Messages never quote
// the parameters (they may be secrets) nor the connection URL.

#include <libpq-fe.h>

#include <chrono>
#include <concepts>
#include <cstddef>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

namespace maitred::store::postgres {

struct ConnectOptions {
  std::string url;  // postgresql://user:password@host:port/db?...
  // libpq counts whole seconds and uses at least 2.
  std::chrono::seconds connect_timeout{5};
  // Set on the session at connect; 0 disables it.
  std::chrono::milliseconds statement_timeout{5000};
};

// A text parameter; nullopt is SQL NULL. Text must not contain NUL bytes.
using Param = std::optional<std::string>;

class Result {
 public:
  explicit Result(PGresult* result) : result_(result) {}
  ~Result();
  Result(Result&& other) noexcept : result_(other.result_) { other.result_ = nullptr; }
  Result& operator=(Result&& other) noexcept;
  Result(const Result&) = delete;
  Result& operator=(const Result&) = delete;

  int rows() const;
  int columns() const;
  bool is_null(int row, int column) const;
  std::string_view text(int row, int column) const;
  long long integer(int row, int column) const;
  // Rows an INSERT/UPDATE/DELETE touched.
  long long affected() const;

 private:
  PGresult* result_;
};

class Connection {
 public:
  // Throws StoreUnavailable when the server cannot be reached.
  explicit Connection(const ConnectOptions& options);
  ~Connection();
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;

  // One statement, parameters $1.. sent as text (PQexecParams).
  Result exec_params(const std::string& sql, std::span<const Param> params);
  // Prepared once per connection on first use (cached by its SQL text),
  // executed with PQexecPrepared after.
  Result prepared(const std::string& sql, std::span<const Param> params);
  // Several statements without parameters (migrations), PQexec.
  void exec_script(const std::string& sql);

  template <typename... Args>
  Result exec(const std::string& sql, const Args&... args) {
    const Param params[] = {Param{}, to_param(args)...};
    return exec_params(sql, std::span<const Param>(params).subspan(1));
  }
  template <typename... Args>
  Result run_prepared(const std::string& sql, const Args&... args) {
    const Param params[] = {Param{}, to_param(args)...};
    return prepared(sql, std::span<const Param>(params).subspan(1));
  }

  // False once the connection is lost. Cheap: looks at the socket without
  // waiting, so a server that went away is noticed before the next query.
  bool healthy();
  // For a connection that LISTENs: the payloads of the notifications that
  // arrive within `timeout` (all that are there once one arrives). Throws
  // StoreUnavailable when the connection is lost.
  std::vector<std::string> wait_for_notifications(std::chrono::milliseconds timeout);
  // True between BEGIN and COMMIT/ROLLBACK, or after a failed statement in one.
  bool in_transaction() const;
  std::size_t prepared_count() const { return statements_.size(); }

  static constexpr std::size_t kMaxPreparedStatements = 256;

 private:
  static Param to_param(const Param& p) { return p; }
  static Param to_param(std::nullopt_t) { return std::nullopt; }
  static Param to_param(std::string_view s) { return std::string(s); }
  static Param to_param(const std::string& s) { return s; }
  static Param to_param(const char* s) { return std::string(s); }
  static Param to_param(bool b) { return std::string(b ? "true" : "false"); }
  template <std::integral T>
  requires(!std::same_as<T, bool> && !std::same_as<T, char>) static Param to_param(T value) {
    return std::to_string(value);
  }

  static void on_notice(void* self, const PGresult* notice);
  Result check(PGresult* result, std::string_view during);
  [[noreturn]] void fail(const PGresult* result, std::string_view during);

  PGconn* conn_ = nullptr;
  bool doomed_ = false;                                         // the server said FATAL: this connection is over
  std::map<std::string, std::string, std::less<>> statements_;  // SQL -> statement name
  std::size_t next_statement_ = 0;
};

// BEGIN .. COMMIT; rolls back unless commit() was reached.
class Transaction {
 public:
  explicit Transaction(Connection& connection);
  ~Transaction();
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;
  void commit();

 private:
  Connection& connection_;
  bool done_ = false;
};

}  // namespace maitred::store::postgres
