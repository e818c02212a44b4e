#include "store/postgres/connection.hpp"

#include <cerrno>

#include <poll.h>

#include <charconv>
#include <stdexcept>
#include <string>

#include "core/logging.hpp"
#include "store/store.hpp"

namespace maitred::store::postgres {

namespace {

// What an error message may say about the statement: its first line, short.
// The SQL text carries $n placeholders, never the values.
std::string describe(std::string_view sql) {
  auto line = sql.substr(0, sql.find('\n'));
  if (line.size() > 80) return std::string(line.substr(0, 80)) + "...";
  return std::string(line);
}

bool is_unavailable_state(std::string_view state) {
  return state.starts_with("08")                                      // connection exception
         || state == "57P01" || state == "57P02" || state == "57P03"  // shutdown, crash, cannot connect now
         || state == "53300";                                         // too many connections
}

bool is_timeout_state(std::string_view state) {
  return state == "55P03"      // lock_not_available (lock_timeout, NOWAIT)
         || state == "57014"   // query_canceled (statement_timeout)
         || state == "40P01"   // deadlock_detected: retry later
         || state == "40001";  // serialization_failure: retry later
}

std::vector<const char*> values_of(std::span<const Param> params) {
  std::vector<const char*> values;
  values.reserve(params.size());
  for (std::size_t i = 0; i < params.size(); ++i) {
    const auto& p = params[i];
    if (p && p->find('\0') != std::string::npos)
      throw std::invalid_argument("postgresql: parameter $" + std::to_string(i + 1) + " contains a NUL byte");
    values.push_back(p ? p->c_str() : nullptr);
  }
  return values;
}

}  // namespace

Result::~Result() {
  if (result_ != nullptr) PQclear(result_);
}

Result& Result::operator=(Result&& other) noexcept {
  if (this != &other) {
    if (result_ != nullptr) PQclear(result_);
    result_ = other.result_;
    other.result_ = nullptr;
  }
  return *this;
}

int Result::rows() const {
  return PQntuples(result_);
}

int Result::columns() const {
  return PQnfields(result_);
}

bool Result::is_null(int row, int column) const {
  return PQgetisnull(result_, row, column) != 0;
}

std::string_view Result::text(int row, int column) const {
  if (row < 0 || row >= rows() || column < 0 || column >= columns())
    throw std::out_of_range("postgresql: no cell " + std::to_string(row) + "," + std::to_string(column));
  return {PQgetvalue(result_, row, column), static_cast<std::size_t>(PQgetlength(result_, row, column))};
}

long long Result::integer(int row, int column) const {
  const auto cell = text(row, column);
  long long value = 0;
  const auto [end, ec] = std::from_chars(cell.data(), cell.data() + cell.size(), value);
  if (ec != std::errc{} || end != cell.data() + cell.size() || cell.empty())
    throw std::runtime_error("postgresql: column " + std::to_string(column) + " is not an integer");
  return value;
}

long long Result::affected() const {
  const char* n = PQcmdTuples(result_);
  if (n == nullptr || *n == '\0') return 0;
  return std::stoll(n);
}

Connection::Connection(const ConnectOptions& options) {
  const std::string timeout = std::to_string(std::max<long long>(2, options.connect_timeout.count()));
  // Keepalives and a TCP user timeout bound how long a query waits on a
  // server that vanished without closing the socket.
  const std::string user_timeout = std::to_string(std::max<long long>(2, options.connect_timeout.count()) * 1000);
  const char* keys[] = {"dbname",           "connect_timeout",  "application_name",
                        "keepalives",       "keepalives_idle",  "keepalives_interval",
                        "keepalives_count", "tcp_user_timeout", nullptr};
  const char* values[] = {options.url.c_str(),  timeout.c_str(), "maitred", "1", "5", "2", "3",
                          user_timeout.c_str(), nullptr};
  conn_ = PQconnectdbParams(keys, values, /*expand_dbname=*/1);
  if (conn_ == nullptr) throw StoreUnavailable("postgresql: cannot allocate a connection");
  if (PQstatus(conn_) != CONNECTION_OK) {
    std::string message = PQerrorMessage(conn_);
    while (!message.empty() && (message.back() == '\n' || message.back() == ' ')) message.pop_back();
    PQfinish(conn_);
    conn_ = nullptr;
    throw StoreUnavailable("postgresql: cannot connect: " + message);
  }
  // Notices go to our log, not stderr. A FATAL one arriving on an idle
  // connection is the server's goodbye (shutdown, pg_terminate_backend):
  // the connection is done even before the socket's EOF is read.
  PQsetNoticeReceiver(conn_, &Connection::on_notice, this);
  exec_script("SET statement_timeout = " + std::to_string(options.statement_timeout.count()));
}

void Connection::on_notice(void* self, const PGresult* notice) {
  const char* severity = PQresultErrorField(notice, PG_DIAG_SEVERITY_NONLOCALIZED);
  const char* state = PQresultErrorField(notice, PG_DIAG_SQLSTATE);
  const std::string_view level = severity != nullptr ? severity : "";
  if (level == "FATAL" || level == "PANIC") static_cast<Connection*>(self)->doomed_ = true;
  core::log().debug("postgresql {} (SQLSTATE {})", level, state != nullptr ? state : "none");
}

Connection::~Connection() {
  if (conn_ != nullptr) PQfinish(conn_);
}

void Connection::fail(const PGresult* result, std::string_view during) {
  const char* field = result != nullptr ? PQresultErrorField(result, PG_DIAG_SQLSTATE) : nullptr;
  const std::string state = field != nullptr ? field : "";
  const std::string where = " (during: " + std::string(during) + ")";
  if (PQstatus(conn_) == CONNECTION_BAD || is_unavailable_state(state)) {
    std::string message = PQerrorMessage(conn_);
    while (!message.empty() && (message.back() == '\n' || message.back() == ' ')) message.pop_back();
    throw StoreUnavailable("postgresql: connection lost" + (state.empty() ? "" : " (SQLSTATE " + state + ")") + ": " +
                           message + where);
  }
  if (is_timeout_state(state))
    throw StoreUnavailable("postgresql: SQLSTATE " + state + ": timed out or cancelled, retry later" + where);
  // A duplicate, or a reference to a row that does not exist: the same
  // conflict the SQLite store reports for either.
  if (state == "23505" || state == "23503") {
    const char* constraint = PQresultErrorField(result, PG_DIAG_CONSTRAINT_NAME);
    const char* what = state == "23505" ? "unique violation" : "foreign key violation";
    throw StoreError(StoreError::Kind::conflict, "postgresql: " + std::string(what) + " (SQLSTATE " + state + ") on " +
                                                     std::string(constraint != nullptr ? constraint : "?") + where);
  }
  // Data exceptions (class 22) quote the offending value, which may be a
  // parameter: keep their text out of the message.
  std::string message;
  if (state.starts_with("22")) {
    message = "invalid value (message withheld: it may quote a parameter)";
  } else if (const char* primary = result != nullptr ? PQresultErrorField(result, PG_DIAG_MESSAGE_PRIMARY) : nullptr) {
    message = primary;
  } else {
    message = PQerrorMessage(conn_);
    while (!message.empty() && (message.back() == '\n' || message.back() == ' ')) message.pop_back();
  }
  throw StoreError(StoreError::Kind::internal,
                   "postgresql: SQLSTATE " + (state.empty() ? std::string("none") : state) + ": " + message + where);
}

Result Connection::check(PGresult* raw, std::string_view during) {
  Result result(raw);
  const auto status = raw != nullptr ? PQresultStatus(raw) : PGRES_FATAL_ERROR;
  if (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK || status == PGRES_EMPTY_QUERY) return result;
  fail(raw, during);
}

Result Connection::exec_params(const std::string& sql, std::span<const Param> params) {
  const auto values = values_of(params);
  return check(
      PQexecParams(conn_, sql.c_str(), static_cast<int>(values.size()), nullptr, values.data(), nullptr, nullptr, 0),
      describe(sql));
}

Result Connection::prepared(const std::string& sql, std::span<const Param> params) {
  const auto values = values_of(params);
  auto it = statements_.find(sql);
  if (it == statements_.end()) {
    if (statements_.size() >= kMaxPreparedStatements) {
      check(PQexec(conn_, "DEALLOCATE ALL"), "DEALLOCATE ALL");
      statements_.clear();
    }
    std::string name = "maitred_" + std::to_string(next_statement_++);
    check(PQprepare(conn_, name.c_str(), sql.c_str(), 0, nullptr), describe(sql));
    it = statements_.emplace(sql, std::move(name)).first;
  }
  return check(
      PQexecPrepared(conn_, it->second.c_str(), static_cast<int>(values.size()), values.data(), nullptr, nullptr, 0),
      describe(sql));
}

void Connection::exec_script(const std::string& sql) {
  check(PQexec(conn_, sql.c_str()), describe(sql));
}

bool Connection::healthy() {
  if (doomed_ || PQstatus(conn_) != CONNECTION_OK) return false;
  const int fd = PQsocket(conn_);
  if (fd < 0) return false;
  // Data on an idle connection: a notice, or the server's goodbye and EOF.
  // Read what is there (never waiting) until the socket is quiet.
  for (int round = 0; round < 8; ++round) {
    pollfd p{fd, POLLIN, 0};
    const int ready = ::poll(&p, 1, 0);
    if (ready < 0) return false;
    if (ready == 0) break;
    if ((p.revents & (POLLERR | POLLNVAL)) != 0) return false;
    if (PQconsumeInput(conn_) == 0) return false;
    while (PGnotify* n = PQnotifies(conn_)) PQfreemem(n);
    if (doomed_ || PQstatus(conn_) != CONNECTION_OK) return false;
  }
  return !doomed_ && PQstatus(conn_) == CONNECTION_OK;
}

std::vector<std::string> Connection::wait_for_notifications(std::chrono::milliseconds timeout) {
  std::vector<std::string> payloads;
  const int fd = PQsocket(conn_);
  if (fd < 0) throw StoreUnavailable("postgresql: the listening connection is closed");
  pollfd p{fd, POLLIN, 0};
  const int ready = ::poll(&p, 1, static_cast<int>(timeout.count()));
  if (ready < 0 && errno != EINTR) throw StoreUnavailable("postgresql: poll failed on the listening connection");
  if (ready > 0 && PQconsumeInput(conn_) == 0) {
    throw StoreUnavailable("postgresql: the listening connection was lost");
  }
  while (PGnotify* n = PQnotifies(conn_)) {
    payloads.emplace_back(n->extra);
    PQfreemem(n);
  }
  if (doomed_ || PQstatus(conn_) != CONNECTION_OK) {
    throw StoreUnavailable("postgresql: the listening connection was lost");
  }
  return payloads;
}

bool Connection::in_transaction() const {
  return PQtransactionStatus(conn_) != PQTRANS_IDLE;
}

Transaction::Transaction(Connection& connection) : connection_(connection) {
  connection_.exec_script("BEGIN");
}

Transaction::~Transaction() {
  if (done_) return;
  try {
    connection_.exec_script("ROLLBACK");
  } catch (const std::exception& e) {
    // A lost connection rolls back on the server; the pool drops it.
    core::log().warn("postgresql rollback failed: {}", e.what());
  }
}

void Transaction::commit() {
  if (done_) return;
  done_ = true;
  connection_.exec_script("COMMIT");
}

}  // namespace maitred::store::postgres
