// PostgreSQL migrations: applied once each, in order, atomically, and safely
// when several processes start at once.

#include <gtest/gtest.h>

#include <chrono>
#include <future>
#include <string>
#include <vector>

#include "store/migration.hpp"
#include "store/postgres/migrate.hpp"
#include "store/store.hpp"
#include "support/pg_cluster.hpp"

namespace maitred::store::postgres {
namespace {

using namespace std::chrono_literals;
using test::PgCluster;

PoolOptions options_for(const std::string& url) {
  PoolOptions options;
  options.connection.url = url;
  options.connection.connect_timeout = 2s;
  // The embedded schema's DDL, under a loaded CI machine.
  options.connection.statement_timeout = 30s;
  options.max_connections = 2;
  options.acquire_timeout = 2000ms;
  return options;
}

long long count(Pool& pool, const std::string& sql) {
  auto lease = pool.acquire();
  return lease->exec(sql).integer(0, 0);
}

TEST(PgMigrateTest, EmbeddedMigrationsAreNumberedInOrder) {
  const auto migrations = postgres_migrations();
  ASSERT_FALSE(migrations.empty());
  EXPECT_EQ(migrations.front().version, 1);
  for (std::size_t i = 1; i < migrations.size(); ++i) EXPECT_GT(migrations[i].version, migrations[i - 1].version);
}

TEST(PgMigrateTest, AppliesEachMigrationOnceAndASecondRunIsANoOp) {
  Pool pool(options_for(PgCluster::shared().create_database()));
  const auto all = postgres_migrations();
  std::vector<int> expected;
  for (const auto& m : all) expected.push_back(m.version);

  EXPECT_EQ(apply_migrations(pool), expected);
  EXPECT_EQ(count(pool, "SELECT count(*) FROM schema_migrations"), static_cast<long long>(all.size()));
  EXPECT_EQ(apply_migrations(pool), std::vector<int>{});
  EXPECT_EQ(count(pool, "SELECT count(*) FROM schema_migrations"), static_cast<long long>(all.size()));

  // The schema is there and usable: every table the Store needs, JSON
  // documents kept byte for byte, the partial unique index working.
  for (const char* table : {"restaurants", "api_keys", "settings", "documents", "bookings", "booking_history",
                            "idempotency_keys", "staff_users", "auth_sessions", "data_generation"}) {
    auto lease = pool.acquire();
    EXPECT_EQ(lease->exec("SELECT to_regclass($1) IS NOT NULL", table).text(0, 0), "t") << table;
  }
  EXPECT_EQ(count(pool, "SELECT value FROM data_generation"), 0);
  auto lease = pool.acquire();
  const std::string doc = R"({"_id":"r1","name":"Caf\u00e9",  "z":1,"a":[2]})";
  lease->exec("INSERT INTO restaurants(id, doc, created_at) VALUES ($1, $2, $3)", "r1", doc,
              "2026-01-01T00:00:00Z");
  EXPECT_EQ(lease->exec("SELECT doc FROM restaurants WHERE id = $1", "r1").text(0, 0), doc);
  const std::string insert =
      "INSERT INTO documents(restaurant_id, collection, id, unique_key, doc, deleted, created_at, updated_at) "
      "VALUES ($1, 'tables', $2, $3, '{}', $4, 'x', 'x')";
  lease->exec(insert, "r1", "t1", "window", false);
  lease->exec(insert, "r1", "t2", "window", true);  // deleted documents do not count
  try {
    lease->exec(insert, "r1", "t3", "window", false);
    FAIL() << "duplicate accepted";
  } catch (const StoreError& e) {
    EXPECT_EQ(e.kind, StoreError::Kind::conflict) << e.what();
  }
}

TEST(PgMigrateTest, AFailingMigrationLeavesNothingBehind) {
  Pool pool(options_for(PgCluster::shared().create_database()));
  const Migration migrations[] = {
      {1, "0001_ok", "CREATE TABLE a (id int)"},
      {2, "0002_broken", "CREATE TABLE b (id int); SELECT * FROM no_such_table"},
  };
  try {
    apply_migrations(pool, migrations);
    FAIL() << "no error";
  } catch (const StoreError& e) {
    EXPECT_NE(std::string(e.what()).find("0002_broken"), std::string::npos) << e.what();
  }
  EXPECT_EQ(count(pool, "SELECT count(*) FROM pg_tables WHERE tablename IN ('a', 'b', 'schema_migrations')"), 0);
  // Fixed, it applies both.
  const Migration fixed[] = {
      {1, "0001_ok", "CREATE TABLE a (id int)"},
      {2, "0002_fixed", "CREATE TABLE b (id int)"},
  };
  EXPECT_EQ(apply_migrations(pool, fixed), (std::vector<int>{1, 2}));
}

TEST(PgMigrateTest, OnlyNewMigrationsAreAppliedAndANewerDatabaseIsRefused) {
  Pool pool(options_for(PgCluster::shared().create_database()));
  const Migration first[] = {{1, "0001_a", "CREATE TABLE a (id int)"}};
  const Migration both[] = {{1, "0001_a", "CREATE TABLE a (id int)"}, {2, "0002_b", "CREATE TABLE b (id int)"}};
  EXPECT_EQ(apply_migrations(pool, first), std::vector<int>{1});
  EXPECT_EQ(apply_migrations(pool, both), std::vector<int>{2});
  EXPECT_THROW(apply_migrations(pool, first), StoreError);  // the database knows version 2
  EXPECT_EQ(count(pool, "SELECT count(*) FROM schema_migrations"), 2);
}

TEST(PgMigrateTest, TwoProcessesStartingAtOnceBothSucceedAndApplyOnce) {
  const std::string url = PgCluster::shared().create_database();
  // Separate pools stand for separate processes: separate connections, so
  // only the database's advisory lock orders them.
  for (int round = 0; round < 3; ++round) {
    const std::string database = round == 0 ? url : PgCluster::shared().create_database();
    Pool first(options_for(database));
    Pool second(options_for(database));
    std::promise<void> go;
    auto ready = go.get_future().share();
    auto a = std::async(std::launch::async, [&] {
      ready.wait();
      return apply_migrations(first);
    });
    auto b = std::async(std::launch::async, [&] {
      ready.wait();
      return apply_migrations(second);
    });
    go.set_value();
    const auto applied_a = a.get();  // rethrows a failure
    const auto applied_b = b.get();
    EXPECT_EQ(applied_a.size() + applied_b.size(), postgres_migrations().size());
    EXPECT_TRUE(applied_a.empty() || applied_b.empty());
    EXPECT_EQ(count(first, "SELECT count(*) FROM schema_migrations"),
              static_cast<long long>(postgres_migrations().size()));
  }
}

}  // namespace
}  // namespace maitred::store::postgres
