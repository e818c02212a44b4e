// What only the embedded store does: its migrations, its file beside an admin
// process, its busy timeout and its shared generation file. What every store
// promises is in store_conformance_test.cpp.

#include "store/sqlite/sqlite_store.hpp"

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <algorithm>

#include "store/corrupt_document.hpp"
#include "support/temp_dir.hpp"
#include "unit/store_records.hpp"

namespace maitred::store::sqlite {
namespace {

using namespace std::chrono_literals;
using test::make_booking;
using test::make_restaurant;

class SqliteStoreTest : public ::testing::Test {
 protected:
  std::filesystem::path file() const { return dir_.path() / "test.db"; }
  domain::Restaurant restaurant(const std::string& name = "R") { return make_restaurant(name, "Europe/Copenhagen"); }
  test::TempDir dir_;
};

TEST_F(SqliteStoreTest, MigrationsApplyOnceAndReopenCleanly) {
  {
    SqliteStore store(file(), SqliteStore::Owner::server);
    EXPECT_GE(store.schema_version(), 1);
  }
  SqliteStore again(file(), SqliteStore::Owner::admin);
  EXPECT_GE(again.schema_version(), 1);
}

TEST_F(SqliteStoreTest, AnAdminProcessWritesBesideTheServer) {
  SqliteStore server(file(), SqliteStore::Owner::server);
  SqliteStore admin(file(), SqliteStore::Owner::admin);
  auto r = restaurant();
  admin.restaurants().create_restaurant(r);
  EXPECT_TRUE(server.restaurants().find_restaurant(r.id));
}

TEST_F(SqliteStoreTest, AWriteLockedElsewhereIsUnavailableAfterTheBusyTimeout) {
  SqliteStore store(file(), SqliteStore::Owner::server, 50ms);
  SqliteStore other(file(), SqliteStore::Owner::admin);
  other.atomically([&] {
    const auto started = std::chrono::steady_clock::now();
    EXPECT_THROW(store.restaurants().put_setting("x", "1"), StoreUnavailable);
    EXPECT_LT(std::chrono::steady_clock::now() - started, 2s);
    EXPECT_FALSE(store.restaurants().get_setting("x"));  // reads still work (WAL)
  });
  store.restaurants().put_setting("x", "1");
  EXPECT_EQ(store.restaurants().get_setting("x"), "1");
}

TEST_F(SqliteStoreTest, UnwritablePathIsUnavailable) {
  try {
    SqliteStore store("/nonexistent-dir/x.db", SqliteStore::Owner::server);
    FAIL();
  } catch (const StoreError& e) {
    EXPECT_EQ(e.kind, StoreError::Kind::unavailable);
  }
}

TEST_F(SqliteStoreTest, ACorruptRestaurantIsAnInternalErrorNamingItAndListsStepOverIt) {
  SqliteStore store(file(), SqliteStore::Owner::server);
  auto broken = restaurant("Broken");
  auto fine = restaurant("Fine");
  store.restaurants().create_restaurant(broken);
  store.restaurants().create_restaurant(fine);
  {
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open(file().c_str(), &db), SQLITE_OK);
    const std::string sql = "UPDATE restaurants SET doc = '{\"_id\": 1}' WHERE id = '" + broken.id + "'";
    ASSERT_EQ(sqlite3_exec(db, sql.c_str(), nullptr, nullptr, nullptr), SQLITE_OK);
    sqlite3_close(db);
  }
  SqliteStore reopened(file(), SqliteStore::Owner::server);  // nothing cached
  try {
    (void)reopened.restaurants().find_restaurant(broken.id);
    ADD_FAILURE() << "no CorruptDocument";
  } catch (const CorruptDocument& e) {
    EXPECT_EQ(e.kind, StoreError::Kind::internal);
    EXPECT_NE(std::string(e.what()).find("corrupt restaurant document '" + broken.id + "'"), std::string::npos)
        << e.what();
  }
  EXPECT_TRUE(reopened.restaurants().find_restaurant(fine.id));
  const auto listed = reopened.restaurants().list_restaurants();
  ASSERT_EQ(listed.size(), 1u);
  EXPECT_EQ(listed[0].id, fine.id);
}

TEST(SqliteStoreCache, AChangeByAnotherProcessIsSeenAtOnce) {
  test::TempDir dir;
  SqliteStore server(dir.path() / "c.db", SqliteStore::Owner::server);
  SqliteStore admin(dir.path() / "c.db", SqliteStore::Owner::admin);
  domain::Restaurant r = make_restaurant("Before", "UTC");
  admin.restaurants().create_restaurant(r);
  ASSERT_EQ(server.restaurants().find_restaurant(r.id)->name, "Before");  // cached now
  // Change the row behind the cache's back, then announce it as a writer does.
  {
    sqlite::Connection raw(dir.path() / "c.db", sqlite::Connection::Role::writer, false);
    raw.exec("UPDATE restaurants SET doc = json_set(doc, '$.name', 'After')");
  }
  EXPECT_EQ(server.restaurants().find_restaurant(r.id)->name, "Before") << "a cache that never caches tests nothing";
  admin.restaurants().put_setting("anything", "x");  // any write through a store bumps the generation
  EXPECT_EQ(server.restaurants().find_restaurant(r.id)->name, "After");
}

// Migration 0006 fills the seating columns of bookings written before it.
TEST(SqliteMigrations, SeatingColumnsAreFilledFromTheDocuments) {
  test::TempDir dir;
  const auto file = dir.path() / "old.db";
  const auto restaurant = make_restaurant("R", "Europe/Copenhagen");
  std::vector<domain::Booking> written;
  {
    SqliteStore store(file, SqliteStore::Owner::server);
    store.restaurants().create_restaurant(restaurant);
    for (int i = 0; i < 3; ++i) {
      auto b = make_booking(restaurant.id, "2026-12-04T18:00:00Z", 2 + i, i == 2 ? "left" : "approved");
      b.duration = 90 + 30 * i;
      for (int t = 0; t <= i; ++t) b.tables.push_back({"T" + std::to_string(t), "x", "", ""});
      if (i == 2) b.stamps.left_at = *core::parse_utc("2026-12-04T19:00:00Z");
      store.bookings().insert_booking(b);
      written.push_back(b);
    }
  }
  // Back to how a database written before 0006 looks.
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(file.c_str(), &db), SQLITE_OK);
  for (const char* sql :
       {"ALTER TABLE bookings DROP COLUMN duration", "ALTER TABLE bookings DROP COLUMN left_at",
        "ALTER TABLE bookings DROP COLUMN table_ids", "DELETE FROM schema_migrations WHERE version = 6"}) {
    ASSERT_EQ(sqlite3_exec(db, sql, nullptr, nullptr, nullptr), SQLITE_OK) << sql << ": " << sqlite3_errmsg(db);
  }
  sqlite3_close(db);

  SqliteStore store(file, SqliteStore::Owner::server);
  auto found = store.bookings().seating_bookings_between(restaurant.id, *core::parse_utc("2026-12-04T00:00:00Z"),
                                                         *core::parse_utc("2026-12-05T00:00:00Z"));
  ASSERT_EQ(found.size(), 3u);
  for (const auto& b : found) {
    auto w = std::ranges::find(written, b.id, &domain::Booking::id);
    ASSERT_NE(w, written.end());
    EXPECT_EQ(b.duration, w->duration);
    EXPECT_EQ(b.people, w->people);
    EXPECT_EQ(b.stamps.left_at, w->stamps.left_at);
    ASSERT_EQ(b.tables.size(), w->tables.size());
    for (std::size_t t = 0; t < b.tables.size(); ++t) EXPECT_EQ(b.tables[t].id, w->tables[t].id);
  }
}

}  // namespace
}  // namespace maitred::store::sqlite
