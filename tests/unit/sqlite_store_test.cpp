#include "store/sqlite/sqlite_store.hpp"

#include <gtest/gtest.h>

#include <thread>

#include "core/ids.hpp"
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
  domain::Restaurant restaurant(const std::string& name = "R") {
    return make_restaurant(name, "Europe/Copenhagen");
  }
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
