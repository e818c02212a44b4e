// The libpq layer against a throwaway PostgreSQL (support/pg_cluster).

#include <gtest/gtest.h>

#include <chrono>
#include <optional>
#include <stdexcept>
#include <string>
#include <thread>

#include "store/postgres/connection.hpp"
#include "store/store.hpp"
#include "support/pg_cluster.hpp"

namespace maitred::store::postgres {
namespace {

using test::PgCluster;

ConnectOptions options_for(const std::string& url) {
  ConnectOptions options;
  options.url = url;
  options.connect_timeout = std::chrono::seconds(2);
  return options;
}

class PgConnectionTest : public ::testing::Test {
 protected:
  void SetUp() override { url_ = PgCluster::shared().create_database(); }
  std::string url_;
};

TEST_F(PgConnectionTest, TextParametersRoundTripUnchanged) {
  Connection c(options_for(url_));
  const std::string quoted = "it's \"quoted\"; DROP TABLE x; -- \\ $1 '';";
  const std::string utf8 = "Gr\xC3\xBC\xC3\x9F" "e \xE6\x97\xA5\xE6\x9C\xAC \xF0\x9F\x8D\xBD";
  auto r = c.exec("SELECT $1::text, $2::text, $3::text IS NULL, $4::bigint, $5::text, $6::boolean", quoted, utf8,
                  std::nullopt, -9007199254740993LL, std::string_view(""), true);
  ASSERT_EQ(r.rows(), 1);
  EXPECT_EQ(r.text(0, 0), quoted);
  EXPECT_EQ(r.text(0, 1), utf8);
  EXPECT_EQ(r.text(0, 2), "t");
  EXPECT_EQ(r.integer(0, 3), -9007199254740993LL);
  EXPECT_FALSE(r.is_null(0, 4));
  EXPECT_EQ(r.text(0, 4), "");
  EXPECT_EQ(r.text(0, 5), "t");

  auto nulls = c.exec("SELECT $1::text", std::optional<std::string>{});
  EXPECT_TRUE(nulls.is_null(0, 0));
}

TEST_F(PgConnectionTest, ParameterWithNulByteIsRefusedBeforeSending) {
  Connection c(options_for(url_));
  EXPECT_THROW(c.exec("SELECT $1::text", std::string("a\0b", 3)), std::invalid_argument);
  EXPECT_EQ(c.exec("SELECT 1").integer(0, 0), 1);  // still usable
}

TEST_F(PgConnectionTest, PreparedStatementsArePreparedOncePerSqlText) {
  Connection c(options_for(url_));
  const std::string sql = "SELECT $1::int + 1";
  EXPECT_EQ(c.run_prepared(sql, 1).integer(0, 0), 2);
  EXPECT_EQ(c.run_prepared(sql, 41).integer(0, 0), 42);
  EXPECT_EQ(c.prepared_count(), 1u);
  EXPECT_EQ(c.exec("SELECT count(*) FROM pg_prepared_statements").integer(0, 0), 1);
  EXPECT_EQ(c.run_prepared("SELECT $1::text || 'x'", "a").text(0, 0), "ax");
  EXPECT_EQ(c.prepared_count(), 2u);
  EXPECT_EQ(c.exec("SELECT count(*) FROM pg_prepared_statements").integer(0, 0), 2);
}

TEST_F(PgConnectionTest, TransactionRollsBackOnExceptionAndCommitsOnCommit) {
  Connection c(options_for(url_));
  c.exec_script("CREATE TABLE t (id text PRIMARY KEY)");
  try {
    Transaction transaction(c);
    c.exec("INSERT INTO t VALUES ($1)", "a");
    throw std::runtime_error("boom");
  } catch (const std::runtime_error&) {
  }
  EXPECT_FALSE(c.in_transaction());
  EXPECT_EQ(c.exec("SELECT count(*) FROM t").integer(0, 0), 0);
  {
    Transaction transaction(c);
    c.exec("INSERT INTO t VALUES ($1)", "b");
    EXPECT_TRUE(c.in_transaction());
    transaction.commit();
  }
  EXPECT_FALSE(c.in_transaction());
  EXPECT_EQ(c.exec("SELECT count(*) FROM t").integer(0, 0), 1);
}

TEST_F(PgConnectionTest, AFailedStatementInsideATransactionRollsItBack) {
  Connection c(options_for(url_));
  c.exec_script("CREATE TABLE t (id text PRIMARY KEY)");
  EXPECT_THROW(
      {
        Transaction transaction(c);
        c.exec("INSERT INTO t VALUES ($1)", "a");
        c.exec("INSERT INTO t VALUES ($1)", "a");
        transaction.commit();
      },
      StoreError);
  EXPECT_FALSE(c.in_transaction());
  EXPECT_EQ(c.exec("SELECT count(*) FROM t").integer(0, 0), 0);
}

TEST_F(PgConnectionTest, UniqueViolationIsAConflictThatDoesNotQuoteTheValue) {
  Connection c(options_for(url_));
  c.exec_script("CREATE TABLE t (id text PRIMARY KEY)");
  c.run_prepared("INSERT INTO t VALUES ($1)", "secret-value-1");
  try {
    c.run_prepared("INSERT INTO t VALUES ($1)", "secret-value-1");
    FAIL() << "no conflict";
  } catch (const StoreUnavailable& e) {
    FAIL() << "unavailable: " << e.what();
  } catch (const StoreError& e) {
    EXPECT_EQ(e.kind, StoreError::Kind::conflict);
    EXPECT_NE(std::string(e.what()).find("23505"), std::string::npos) << e.what();
    EXPECT_EQ(std::string(e.what()).find("secret-value-1"), std::string::npos) << e.what();
  }
}

TEST_F(PgConnectionTest, OtherErrorsNameTheSqlstateButNotTheParameters) {
  Connection c(options_for(url_));
  try {
    c.exec("SELECT $1::int", "secret-not-a-number");
    FAIL() << "no error";
  } catch (const StoreError& e) {
    EXPECT_EQ(e.kind, StoreError::Kind::internal);
    EXPECT_NE(std::string(e.what()).find("22P02"), std::string::npos) << e.what();
    EXPECT_EQ(std::string(e.what()).find("secret"), std::string::npos) << e.what();
  }
  try {
    c.exec_script("SELECT * FROM no_such_table");
    FAIL() << "no error";
  } catch (const StoreError& e) {
    EXPECT_EQ(e.kind, StoreError::Kind::internal);
    EXPECT_NE(std::string(e.what()).find("42P01"), std::string::npos) << e.what();
  }
}

TEST_F(PgConnectionTest, StatementTimeoutIsStoreUnavailableAndTheConnectionStaysUsable) {
  auto options = options_for(url_);
  options.statement_timeout = std::chrono::milliseconds(200);
  Connection c(options);
  const auto start = std::chrono::steady_clock::now();
  try {
    c.exec("SELECT pg_sleep(10)");
    FAIL() << "no timeout";
  } catch (const StoreUnavailable& e) {
    EXPECT_NE(std::string(e.what()).find("57014"), std::string::npos) << e.what();
  }
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(3));
  EXPECT_TRUE(c.healthy());
  EXPECT_EQ(c.exec("SELECT 1").integer(0, 0), 1);
}

TEST_F(PgConnectionTest, LockTimeoutIsStoreUnavailable) {
  Connection holder(options_for(url_));
  Connection waiter(options_for(url_));
  holder.exec_script("CREATE TABLE t (id int PRIMARY KEY)");
  Transaction transaction(holder);
  holder.exec_script("LOCK TABLE t IN ACCESS EXCLUSIVE MODE");
  waiter.exec_script("SET lock_timeout = 100");
  EXPECT_THROW(waiter.exec("SELECT * FROM t"), StoreUnavailable);
}

TEST_F(PgConnectionTest, RefusedConnectionIsStoreUnavailableWithoutThePassword) {
  // Nothing listens on port 1: the connection is refused at once.
  ConnectOptions options;
  options.url = "postgresql://maitred:hunter2secret@127.0.0.1:1/postgres";
  options.connect_timeout = std::chrono::seconds(2);
  try {
    Connection c(options);
    FAIL() << "connected";
  } catch (const StoreUnavailable& e) {
    EXPECT_EQ(std::string(e.what()).find("hunter2secret"), std::string::npos) << e.what();
  }
}

TEST_F(PgConnectionTest, AServerSideDisconnectIsStoreUnavailableAndNoticedByHealthy) {
  Connection victim(options_for(url_));
  Connection killer(options_for(url_));
  const auto pid = victim.exec("SELECT pg_backend_pid()").integer(0, 0);
  EXPECT_TRUE(victim.healthy());
  killer.exec("SELECT pg_terminate_backend($1::int)", pid);
  // The server's goodbye arrives asynchronously.
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(5);
  while (victim.healthy() && std::chrono::steady_clock::now() < deadline)
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  EXPECT_FALSE(victim.healthy());
  EXPECT_THROW(victim.exec("SELECT 1"), StoreUnavailable);
}

}  // namespace
}  // namespace maitred::store::postgres
