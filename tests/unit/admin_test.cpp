#include "app/admin.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <set>

#include "domain/booking_status.hpp"
#include "domain/table_conflicts.hpp"
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
  EXPECT_TRUE(store_.restaurants().list_restaurants().empty());
  auto r = create_restaurant(store_, clock_, "Geranium", "Europe/Copenhagen");
  EXPECT_EQ(store_.restaurants().list_restaurants().size(), 1u);
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

namespace maitred::app {
namespace {

TEST_F(AdminTest, DemoComesWithARealisticSetupOnlyOnce) {
  auto demo = ensure_demo(store_, clock_, dir_.path());
  auto count = [&](store::Collection c) {
    return store_.documents().list_documents(c, demo.restaurant.id, false).size();
  };
  EXPECT_EQ(count(store::Collection::areas), 2u);
  EXPECT_EQ(count(store::Collection::tables), 20u);
  EXPECT_EQ(count(store::Collection::table_combinations), 3u);
  EXPECT_EQ(count(store::Collection::opening_hours), 13u);
  EXPECT_EQ(count(store::Collection::custom_fields), 3u);
  ensure_demo(store_, clock_, dir_.path());
  EXPECT_EQ(count(store::Collection::tables), 20u);
  EXPECT_EQ(count(store::Collection::opening_hours), 13u);
}

TEST_F(AdminTest, DemoSpecialDaysAreUpcoming) {
  clock_.set(core::SystemTime{std::chrono::milliseconds{1'798'675'200'000}});  // 2026-12-31T00:00:00Z
  auto demo = ensure_demo(store_, clock_, dir_.path());
  std::vector<std::string> docs;
  for (const auto& d : store_.documents().list_documents(store::Collection::opening_hours, demo.restaurant.id, false)) {
    docs.push_back(d.json);
  }
  auto has = [&](const std::string& text) {
    return std::ranges::any_of(docs, [&](const auto& j) { return j.find(text) != std::string::npos; });
  };
  EXPECT_TRUE(has("\"date\":\"2027-12-24\""));  // this year's has passed
  EXPECT_TRUE(has("\"date\":\"2026-12-31\""));  // today still counts
}

}  // namespace
}  // namespace maitred::app

namespace maitred::app {
namespace {

std::size_t all_bookings(SqliteStore& store, const std::string& restaurant_id) {
  return store.bookings()
      .bookings_starting_between(restaurant_id, core::SystemTime{},
                                 core::SystemTime{std::chrono::hours{24 * 365 * 100}})
      .size();
}

// The demo's two weeks of bookings: plenty, within those days, never a table
// held twice, and made only with the setup.
TEST_F(AdminTest, DemoBooksItsNextTwoWeeksWithoutEverOverbooking) {
  auto demo = ensure_demo(store_, clock_, dir_.path());  // 2026-11-26 from the fixture's clock
  const auto from = clock_.now() - std::chrono::hours{24};
  const auto to = clock_.now() + std::chrono::hours{24 * 16};
  const auto bookings = store_.bookings().bookings_starting_between(demo.restaurant.id, from, to);
  EXPECT_EQ(static_cast<int>(bookings.size()), demo.bookings_added);
  EXPECT_GT(bookings.size(), 200u);
  EXPECT_EQ(all_bookings(store_, demo.restaurant.id), bookings.size());
  const int buffer = demo.restaurant.booking_rules.turnover_buffer;
  std::set<std::string> statuses, dates;
  for (const auto& b : bookings) {
    statuses.insert(b.status);
    dates.insert(b.date);
    EXPECT_FALSE(domain::find_table_conflict(b, bookings, buffer)) << b.id;
    if (domain::holds_tables(b.status)) {
      EXPECT_FALSE(b.tables.empty()) << b.id;
    }
  }
  EXPECT_TRUE(statuses.contains("approved") && statuses.contains("request") && statuses.contains("waitlist"));
  EXPECT_GE(dates.size(), 10u);  // closed Mondays and Christmas Eve aside
  EXPECT_EQ(ensure_demo(store_, clock_, dir_.path()).bookings_added, 0);
}

TEST_F(AdminTest, DemoWithoutBookingsHasOnlyTheSetup) {
  auto demo = ensure_demo(store_, clock_, dir_.path(), false);
  EXPECT_EQ(demo.bookings_added, 0);
  EXPECT_EQ(all_bookings(store_, demo.restaurant.id), 0u);
}

}  // namespace
}  // namespace maitred::app
