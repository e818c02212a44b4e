#include "store/sqlite/sqlite_store.hpp"

#include <gtest/gtest.h>
#include <sqlite3.h>

#include "domain/booking_status.hpp"

#include <algorithm>
#include <thread>

#include "core/ids.hpp"
#include "core/time_format.hpp"
#include "json/booking_codec.hpp"
#include "support/temp_dir.hpp"

namespace maitred::store::sqlite {
namespace {

using namespace std::chrono_literals;
const core::SystemTime kNow{std::chrono::milliseconds{1'795'687'200'000}};

domain::Restaurant make_restaurant(const std::string& name, const std::string& zone) {
  domain::Restaurant r;
  r.id = core::new_id();
  r.name = name;
  r.timezone = zone;
  r.created_at = r.updated_at = kNow;
  return r;
}

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

TEST_F(SqliteStoreTest, RestaurantsRoundTrip) {
  SqliteStore store(file(), SqliteStore::Owner::server);
  auto r = restaurant("Noma \"quoted\" \xC3\xA6");
  store.create_restaurant(r);
  auto found = store.find_restaurant(r.id);
  ASSERT_TRUE(found);
  EXPECT_EQ(found->name, r.name);
  EXPECT_EQ(found->timezone, r.timezone);
  EXPECT_EQ(found->created_at, r.created_at);
  EXPECT_FALSE(store.find_restaurant("AAAAAAAAAAAAAAAAA"));
  EXPECT_EQ(store.list_restaurants().size(), 1u);
}

TEST_F(SqliteStoreTest, DuplicateIdIsAConflict) {
  SqliteStore store(file(), SqliteStore::Owner::server);
  auto r = restaurant();
  store.create_restaurant(r);
  try {
    store.create_restaurant(r);
    FAIL() << "expected a conflict";
  } catch (const StoreError& e) {
    EXPECT_EQ(e.kind, StoreError::Kind::conflict);
  }
}

TEST_F(SqliteStoreTest, KeysAreFoundByPrefixAndRevoked) {
  SqliteStore store(file(), SqliteStore::Owner::server);
  auto r = restaurant();
  store.create_restaurant(r);
  auto k = domain::generate_api_key(r.id, "pos", kNow);
  store.create_api_key(k.key);

  auto found = store.find_api_keys_by_prefix(k.key.lookup_prefix);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_TRUE(domain::secret_matches(found[0], k.secret));
  EXPECT_EQ(found[0].label, "pos");
  EXPECT_FALSE(found[0].revoked_at);

  EXPECT_TRUE(store.revoke_api_key(k.key.id, kNow + 5s));
  EXPECT_TRUE(store.revoke_api_key(k.key.id, kNow + 10s));  // idempotent, keeps the first time
  EXPECT_EQ(store.find_api_key(k.key.id)->revoked_at, kNow + 5s);
  EXPECT_FALSE(store.revoke_api_key("AAAAAAAAAAAAAAAAA", kNow));
}

TEST_F(SqliteStoreTest, KeyOfUnknownRestaurantIsRefused) {
  SqliteStore store(file(), SqliteStore::Owner::server);
  auto k = domain::generate_api_key("AAAAAAAAAAAAAAAAA", "", kNow);
  EXPECT_THROW(store.create_api_key(k.key), StoreError);
}

TEST_F(SqliteStoreTest, KeyUsesOnlyMoveForward) {
  SqliteStore store(file(), SqliteStore::Owner::server);
  auto r = restaurant();
  store.create_restaurant(r);
  auto k = domain::generate_api_key(r.id, "", kNow);
  store.create_api_key(k.key);
  std::vector<KeyUse> uses{{k.key.id, kNow + 60s}};
  store.record_key_uses(uses);
  std::vector<KeyUse> older{{k.key.id, kNow + 30s}, {"AAAAAAAAAAAAAAAAA", kNow}};
  store.record_key_uses(older);
  EXPECT_EQ(store.find_api_key(k.key.id)->last_used_at, kNow + 60s);
}

TEST_F(SqliteStoreTest, ListsAreScopedToTheRestaurant) {
  SqliteStore store(file(), SqliteStore::Owner::server);
  auto a = restaurant("A");
  auto b = restaurant("B");
  store.create_restaurant(a);
  store.create_restaurant(b);
  store.create_api_key(domain::generate_api_key(a.id, "a1", kNow).key);
  store.create_api_key(domain::generate_api_key(a.id, "a2", kNow).key);
  store.create_api_key(domain::generate_api_key(b.id, "b1", kNow).key);
  EXPECT_EQ(store.list_api_keys(a.id).size(), 2u);
  EXPECT_EQ(store.list_api_keys(b.id).size(), 1u);
}

TEST_F(SqliteStoreTest, SettingsUpsert) {
  SqliteStore store(file(), SqliteStore::Owner::server);
  EXPECT_FALSE(store.get_setting("x"));
  store.put_setting("x", "1");
  store.put_setting("x", "2");
  EXPECT_EQ(store.get_setting("x"), "2");
}

TEST_F(SqliteStoreTest, AnAdminProcessWritesBesideTheServer) {
  SqliteStore server(file(), SqliteStore::Owner::server);
  SqliteStore admin(file(), SqliteStore::Owner::admin);
  auto r = restaurant();
  admin.create_restaurant(r);
  EXPECT_TRUE(server.find_restaurant(r.id));
}

TEST_F(SqliteStoreTest, AWriteLockedElsewhereIsUnavailableAfterTheBusyTimeout) {
  SqliteStore store(file(), SqliteStore::Owner::server, 50ms);
  SqliteStore other(file(), SqliteStore::Owner::admin);
  other.atomically([&] {
    const auto started = std::chrono::steady_clock::now();
    EXPECT_THROW(store.put_setting("x", "1"), StoreUnavailable);
    EXPECT_LT(std::chrono::steady_clock::now() - started, 2s);
    EXPECT_FALSE(store.get_setting("x"));  // reads still work (WAL)
  });
  store.put_setting("x", "1");
  EXPECT_EQ(store.get_setting("x"), "1");
}

TEST_F(SqliteStoreTest, ConcurrentReadersAndAWriter) {
  SqliteStore store(file(), SqliteStore::Owner::server);
  std::vector<std::string> ids;
  for (int i = 0; i < 20; ++i) {
    auto r = restaurant("R" + std::to_string(i));
    store.create_restaurant(r);
    ids.push_back(r.id);
  }
  std::atomic<int> found{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&] {
      for (int i = 0; i < 200; ++i) {
        if (store.find_restaurant(ids[static_cast<std::size_t>(i) % ids.size()])) ++found;
      }
    });
  }
  threads.emplace_back([&] {
    for (int i = 0; i < 50; ++i) store.put_setting("counter", std::to_string(i));
  });
  for (auto& t : threads) t.join();
  EXPECT_EQ(found.load(), 800);
  EXPECT_EQ(store.get_setting("counter"), "49");
}

TEST_F(SqliteStoreTest, UnwritablePathIsUnavailable) {
  try {
    SqliteStore store("/nonexistent-dir/x.db", SqliteStore::Owner::server);
    FAIL();
  } catch (const StoreError& e) {
    EXPECT_EQ(e.kind, StoreError::Kind::unavailable);
  }
}

}  // namespace
}  // namespace maitred::store::sqlite

namespace maitred::store::sqlite {
namespace {

TEST(SqliteStoreCache, AChangeByAnotherProcessIsSeenAtOnce) {
  test::TempDir dir;
  SqliteStore server(dir.path() / "c.db", SqliteStore::Owner::server);
  SqliteStore admin(dir.path() / "c.db", SqliteStore::Owner::admin);
  domain::Restaurant r = make_restaurant("Before", "UTC");
  admin.create_restaurant(r);
  ASSERT_EQ(server.find_restaurant(r.id)->name, "Before");  // cached now
  // Change the row behind the cache's back, then announce it as a writer does.
  {
    sqlite::Connection raw(dir.path() / "c.db", sqlite::Connection::Role::writer, false);
    raw.exec("UPDATE restaurants SET doc = json_set(doc, '$.name', 'After')");
  }
  EXPECT_EQ(server.find_restaurant(r.id)->name, "Before") << "a cache that never caches tests nothing";
  admin.put_setting("anything", "x");  // any write through a store bumps the generation
  EXPECT_EQ(server.find_restaurant(r.id)->name, "After");
}

}  // namespace
}  // namespace maitred::store::sqlite

namespace maitred::store::sqlite {
namespace {

domain::Booking make_booking(const std::string& restaurant_id, const std::string& start, int people,
                             const std::string& status = "request") {
  domain::Booking b;
  b.id = core::new_id();
  b.restaurant_id = restaurant_id;
  b.date = start.substr(0, 10);
  b.time = 19 * 60;
  b.date_time = *core::parse_utc(start);
  b.people = people;
  b.status = status;
  b.guest.name = "Guest " + std::to_string(people);
  b.created_at = b.activity_at = kNow;
  return b;
}

class SqliteBookingsTest : public ::testing::Test {
 protected:
  SqliteBookingsTest() { store_.create_restaurant(restaurant_); }
  test::TempDir dir_;
  SqliteStore store_{dir_.path() / "b.db", SqliteStore::Owner::server};
  domain::Restaurant restaurant_ = make_restaurant("R", "Europe/Copenhagen");
};

TEST_F(SqliteBookingsTest, StoredDocumentIsServedAsWritten) {
  auto b = make_booking(restaurant_.id, "2026-12-04T18:00:00Z", 2);
  store_.insert_booking(b);
  auto found = store_.find_booking(restaurant_.id, b.id);
  ASSERT_TRUE(found);
  EXPECT_EQ(json::booking_to_json(*found), json::booking_to_json(b));
  BookingQuery q;
  q.restaurant_id = restaurant_.id;
  auto docs = store_.list_booking_documents(q);
  ASSERT_EQ(docs.size(), 1u);
  EXPECT_EQ(docs[0], json::booking_to_json(b));
  EXPECT_FALSE(store_.find_booking("AAAAAAAAAAAAAAAAA", b.id)) << "another restaurant must not see it";
}

// What the availability engine reads: only bookings that hold tables, in the
// window, with the fields seating needs equal to the full document's.
TEST_F(SqliteBookingsTest, SeatingBookingsAreTheHoldingOnesInTheWindow) {
  std::vector<std::string> holding;
  for (const char* status :
       {"request", "approved", "arrived", "seated", "left", "waitlist", "declined", "canceled", "no_show"}) {
    auto b = make_booking(restaurant_.id, "2026-12-04T18:00:00Z", 3, status);
    b.tables = {{"T1", "Table 1", "A1", "Inside"}, {"T2", "Table 2", "A1", "Inside"}};
    b.duration = 150;
    if (std::string(status) == "left") b.stamps.left_at = *core::parse_utc("2026-12-04T19:10:00Z");
    store_.insert_booking(b);
    if (domain::holds_tables(status)) holding.push_back(b.id);
  }
  store_.insert_booking(make_booking(restaurant_.id, "2026-12-05T18:00:00Z", 2));  // outside the window
  const auto found = store_.seating_bookings_between(restaurant_.id, *core::parse_utc("2026-12-04T00:00:00Z"),
                                                     *core::parse_utc("2026-12-05T00:00:00Z"));
  std::vector<std::string> ids;
  for (const auto& b : found) {
    ids.push_back(b.id);
    const auto full = *store_.find_booking(restaurant_.id, b.id);
    EXPECT_EQ(b.date, full.date);
    EXPECT_EQ(b.date_time, full.date_time);
    EXPECT_EQ(b.people, 3);
    EXPECT_EQ(b.duration, 150);
    EXPECT_EQ(b.status, full.status);
    ASSERT_EQ(b.tables.size(), 2u);
    EXPECT_EQ(b.tables[0].id, "T1");
    EXPECT_EQ(b.tables[1].id, "T2");
    EXPECT_EQ(b.stamps.left_at, full.stamps.left_at);
  }
  std::ranges::sort(ids);
  std::ranges::sort(holding);
  EXPECT_EQ(ids, holding);
}

// Migration 0006 fills the seating columns of bookings written before it.
TEST(SqliteMigrations, SeatingColumnsAreFilledFromTheDocuments) {
  test::TempDir dir;
  const auto file = dir.path() / "old.db";
  const auto restaurant = make_restaurant("R", "Europe/Copenhagen");
  std::vector<domain::Booking> written;
  {
    SqliteStore store(file, SqliteStore::Owner::server);
    store.create_restaurant(restaurant);
    for (int i = 0; i < 3; ++i) {
      auto b = make_booking(restaurant.id, "2026-12-04T18:00:00Z", 2 + i, i == 2 ? "left" : "approved");
      b.duration = 90 + 30 * i;
      for (int t = 0; t <= i; ++t) b.tables.push_back({"T" + std::to_string(t), "x", "", ""});
      if (i == 2) b.stamps.left_at = *core::parse_utc("2026-12-04T19:00:00Z");
      store.insert_booking(b);
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
  auto found = store.seating_bookings_between(restaurant.id, *core::parse_utc("2026-12-04T00:00:00Z"),
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

TEST_F(SqliteBookingsTest, ListFiltersByStartAndConfirmationAndPagesStably) {
  for (int i = 0; i < 30; ++i) {
    store_.insert_booking(
        make_booking(restaurant_.id, "2026-12-04T18:00:00Z", 1 + i % 5, i % 2 ? "approved" : "request"));
  }
  store_.insert_booking(make_booking(restaurant_.id, "2026-12-05T18:00:00Z", 2));
  BookingQuery q;
  q.restaurant_id = restaurant_.id;
  q.to = *core::parse_utc("2026-12-04T23:59:59Z");
  q.limit = 7;
  std::vector<std::string> seen;
  for (q.skip = 0;; q.skip += q.limit) {
    auto page = store_.list_booking_documents(q);
    for (const auto& doc : page) seen.push_back(json::booking_from_stored(doc).id);
    if (static_cast<long long>(page.size()) < q.limit) break;
  }
  EXPECT_EQ(seen.size(), 30u);
  EXPECT_TRUE(std::is_sorted(seen.begin(), seen.end())) << "same start: ties broken by id";
  q.skip = 0;
  q.limit = 100;
  q.only_confirmed = true;
  EXPECT_EQ(store_.list_booking_documents(q).size(), 15u);
}

TEST_F(SqliteBookingsTest, ErasingABookingTakesItsHistoryAndKeysWithIt) {
  auto b = make_booking(restaurant_.id, "2026-12-04T18:00:00Z", 2);
  store_.insert_booking(b);
  store_.append_booking_history(restaurant_.id, b.id, kNow, R"({"action":"created"})");
  store_.put_idempotency_key(restaurant_.id, "k1", {"hash", b.id, kNow});
  EXPECT_EQ(store_.booking_history(restaurant_.id, b.id).size(), 1u);
  EXPECT_TRUE(store_.erase_booking(restaurant_.id, b.id));
  EXPECT_FALSE(store_.find_booking(restaurant_.id, b.id));
  EXPECT_TRUE(store_.booking_history(restaurant_.id, b.id).empty());
  EXPECT_FALSE(store_.find_idempotency_key(restaurant_.id, "k1"));
  EXPECT_FALSE(store_.erase_booking(restaurant_.id, b.id));
}

TEST_F(SqliteBookingsTest, OldIdempotencyKeysArePurged) {
  store_.put_idempotency_key(restaurant_.id, "old", {"h", "AAAAAAAAAAAAAAAAA", kNow - std::chrono::hours{49}});
  store_.put_idempotency_key(restaurant_.id, "new", {"h", "BBBBBBBBBBBBBBBBB", kNow});
  EXPECT_EQ(store_.purge_idempotency_keys(kNow - std::chrono::hours{48}), 1u);
  EXPECT_FALSE(store_.find_idempotency_key(restaurant_.id, "old"));
  ASSERT_TRUE(store_.find_idempotency_key(restaurant_.id, "new"));
  EXPECT_EQ(store_.find_idempotency_key(restaurant_.id, "new")->booking_id, "BBBBBBBBBBBBBBBBB");
}

TEST_F(SqliteBookingsTest, CountsOnlyUpcomingHoldingBookingsOfATable) {
  auto with_table = [&](std::string start, std::string status) {
    auto b = make_booking(restaurant_.id, start, 2, status);
    b.tables.push_back({"TTTTTTTTTTTTTTTTT", "T1", "", ""});
    store_.insert_booking(b);
  };
  with_table("2026-12-04T18:00:00Z", "request");
  with_table("2026-12-05T18:00:00Z", "approved");
  with_table("2026-12-06T18:00:00Z", "canceled");
  with_table("2026-11-01T18:00:00Z", "approved");  // past
  EXPECT_EQ(store_.count_bookings_holding_table(restaurant_.id, "TTTTTTTTTTTTTTTTT", kNow), 2u);
  EXPECT_EQ(store_.count_bookings_holding_table(restaurant_.id, "XXXXXXXXXXXXXXXXX", kNow), 0u);
}

TEST_F(SqliteBookingsTest, AFailedAtomicBodyLeavesNothingBehind) {
  auto b = make_booking(restaurant_.id, "2026-12-04T18:00:00Z", 2);
  EXPECT_THROW(store_.atomically([&] {
    store_.insert_booking(b);
    store_.append_booking_history(restaurant_.id, b.id, kNow, "{}");
    throw std::runtime_error("the check after the write failed");
  }),
               std::runtime_error);
  EXPECT_FALSE(store_.find_booking(restaurant_.id, b.id));
  EXPECT_TRUE(store_.booking_history(restaurant_.id, b.id).empty());
}

}  // namespace
}  // namespace maitred::store::sqlite
