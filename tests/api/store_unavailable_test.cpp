// A database locked by another process: writes are answered 503 with
// Retry-After within the busy timeout (never a hang, never a 500), reads keep
// working (WAL), and the first write after the lock is released succeeds.

#include <sqlite3.h>

#include <chrono>
#include <memory>

#include "api/api_fixture.hpp"
#include "api/json_paths.hpp"
#include "store/postgres/connection.hpp"
#include "support/test_database.hpp"

namespace maitred::test {
namespace {

constexpr int kBusyTimeoutMs = 200;

// Locks the store behind the server's back: a server of its own.
class StoreUnavailableTest : public ApiTest {
 protected:
  bool own_server() const override { return true; }
  std::vector<std::string> server_args() const override {
    return {"--rate-limit", "100000", "--busy-timeout-ms", std::to_string(kBusyTimeoutMs)};
  }

  void TearDown() override { release(); }

  // Takes the database's write lock from this (the test) process, as a second
  // program on the same file would; on PostgreSQL, a lock on the documents
  // table that another program's long transaction could hold.
  void lock_database() {
    if (on_postgres()) {
      const auto url = database_args(data()).at(1);
      pg_ = std::make_unique<store::postgres::Connection>(store::postgres::ConnectOptions{url});
      // Writes to documents wait (reads do not) until this transaction ends.
      pg_->exec_script("BEGIN; LOCK TABLE documents IN EXCLUSIVE MODE");
      return;
    }
    ASSERT_EQ(sqlite3_open((data() / "maitred.db").c_str(), &db_), SQLITE_OK);
    sqlite3_busy_timeout(db_, 5000);  // the server may be writing key-use stamps
    ASSERT_EQ(sqlite3_exec(db_, "BEGIN EXCLUSIVE", nullptr, nullptr, nullptr), SQLITE_OK) << sqlite3_errmsg(db_);
  }
  void release() {
    pg_.reset();  // ends the session, and its lock
    if (db_ == nullptr) return;
    sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
    sqlite3_close(db_);
    db_ = nullptr;
  }

  Reply post_area(const std::string& target) {
    auto c = client();
    return c.request("POST", target, {{"Authorization", basic_auth(key())}, {"Content-Type", "application/json"}},
                     R"({"name":"Terrace"})");
  }

  sqlite3* db_ = nullptr;
  std::unique_ptr<store::postgres::Connection> pg_;
};

TEST_F(StoreUnavailableTest, LockedDatabaseIs503WithRetryAfterThenRecovers) {
  lock_database();
  if (HasFatalFailure()) return;

  const auto started = std::chrono::steady_clock::now();
  Reply refused = post_area("/v1/areas");
  const auto waited = std::chrono::steady_clock::now() - started;

  EXPECT_EQ(refused.status, 503u) << refused.body;
  auto doc = parse(refused.body);
  EXPECT_EQ(at(doc, "code"), q("store_unavailable")) << refused.body;
  EXPECT_EQ(text_at(doc, "requestId"), refused.header("x-request-id"));
  // No database internals leak into the body.
  EXPECT_EQ(refused.body.find("sqlite"), std::string::npos) << refused.body;
  EXPECT_EQ(refused.body.find("postgresql"), std::string::npos) << refused.body;
  EXPECT_EQ(refused.body.find("SQLSTATE"), std::string::npos) << refused.body;
  EXPECT_EQ(refused.body.find("locked"), std::string::npos) << refused.body;
  EXPECT_EQ(refused.header("retry-after"), "1000");
  // Bounded by the busy timeout (twice: a key-use flush may hold the writer
  // for one timeout first), with slack for a loaded machine.
  EXPECT_LT(waited, std::chrono::seconds(3));

  // The v3 dialect maps it the same way.
  EXPECT_EQ(post_area("/api/v3/areas").status, 503u);

  // Reads do not need the write lock (WAL; PostgreSQL's readers never wait).
  Reply read = get_with_key("/v1/areas", key());
  EXPECT_EQ(read.status, 200u) << read.body;

  release();
  Reply accepted = post_area("/v1/areas");
  EXPECT_EQ(accepted.status, 200u) << accepted.body;
}

}  // namespace
}  // namespace maitred::test
