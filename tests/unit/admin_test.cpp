#include "app/admin.hpp"

#include <gtest/gtest.h>

#include <fstream>

#include "store/sqlite/sqlite_store.hpp"
#include "support/temp_dir.hpp"

namespace maitred::app {
namespace {

using store::sqlite::SqliteStore;

class AdminTest : public ::testing::Test {
 protected:
  test::TempDir dir_;
  SqliteStore store_{dir_.path() / "m.db", SqliteStore::Owner::admin};
  core::ManualClock clock_{core::SystemTime{std::chrono::milliseconds{1'795'687'200'000}}};
};

TEST_F(AdminTest, CreateRestaurantChecksEverythingFirst) {
  EXPECT_THROW(create_restaurant(store_, clock_, "", "UTC"), UsageError);
  EXPECT_THROW(create_restaurant(store_, clock_, "X", "Not/AZone"), UsageError);
  EXPECT_THROW(create_restaurant(store_, clock_, "X", ""), UsageError);
  EXPECT_THROW(create_restaurant(store_, clock_, std::string(201, 'x'), "UTC"), UsageError);
  EXPECT_TRUE(store_.list_restaurants().empty());
  auto r = create_restaurant(store_, clock_, "Geranium", "Europe/Copenhagen");
  EXPECT_EQ(store_.list_restaurants().size(), 1u);
  EXPECT_EQ(r.created_at, clock_.now());
}

TEST_F(AdminTest, KeysNeedAnExistingRestaurant) {
  EXPECT_THROW(create_api_key(store_, clock_, "AAAAAAAAAAAAAAAAA", ""), UsageError);
  EXPECT_THROW(create_api_key(store_, clock_, "'; DROP TABLE api_keys; --", ""), UsageError);
  auto r = create_restaurant(store_, clock_, "R", "UTC");
  EXPECT_THROW(create_api_key(store_, clock_, r.id, std::string(101, 'l')), UsageError);
  auto secret = create_api_key(store_, clock_, r.id, "pos");
  EXPECT_EQ(list_api_keys(store_, r.id).size(), 1u);
  EXPECT_TRUE(secret.starts_with("mtd_"));
}

TEST_F(AdminTest, DemoIsCreatedOnceAndItsKeyKeptPrivately) {
  auto first = ensure_demo(store_, clock_, dir_.path());
  auto second = ensure_demo(store_, clock_, dir_.path());
  EXPECT_TRUE(first.created);
  EXPECT_FALSE(second.created);
  EXPECT_EQ(first.restaurant.id, second.restaurant.id);
  EXPECT_EQ(first.api_key, second.api_key);
  auto perms = std::filesystem::status(dir_.path() / "demo-api-key").permissions();
  EXPECT_EQ(perms & (std::filesystem::perms::group_all | std::filesystem::perms::others_all),
            std::filesystem::perms::none);
}

TEST_F(AdminTest, DemoReplacesATamperedKeyFile) {
  auto first = ensure_demo(store_, clock_, dir_.path());
  std::ofstream(dir_.path() / "demo-api-key") << "mtd_notarealkeynotarealkeynotarealkeynotare\n";
  auto second = ensure_demo(store_, clock_, dir_.path());
  EXPECT_NE(second.api_key, "mtd_notarealkeynotarealkeynotarealkeynotare");
  EXPECT_EQ(first.restaurant.id, second.restaurant.id);
}

}  // namespace
}  // namespace maitred::app
