// Holds expire on their own: place, let the clock pass holdMinutes, and the
// table is free again.

#include "app/hold_service.hpp"

#include <gtest/gtest.h>

#include "app/admin.hpp"
#include "app/restaurant_snapshot.hpp"
#include "core/ids.hpp"
#include "domain/errors.hpp"
#include "json/setup_codec.hpp"
#include "store/sqlite/sqlite_store.hpp"
#include "support/temp_dir.hpp"

namespace maitred::app {
namespace {

using namespace std::chrono_literals;
using store::sqlite::SqliteStore;

class HoldServiceTest : public ::testing::Test {
 protected:
  HoldServiceTest() {
    restaurant_ = create_restaurant(store_, clock_, "R", "Europe/Copenhagen");
    restaurant_.booking_rules.min_notice_minutes = 0;
    domain::Table table;
    table.id = core::new_id();
    table.name = "F1";
    table.seats_max = 4;
    store_.insert_document(
        {store::Collection::tables, restaurant_.id, table.id,
         json::to_json(
             table, [](json::JsonWriter& out, const domain::Table& t) { json::write_table(out, t, nullptr, false); }),
         std::nullopt, false, clock_.now()});
    domain::OpeningHour dinner;
    dinner.id = core::new_id();
    dinner.name = "Dinner";
    dinner.day = 5;  // Friday
    dinner.open = 1800;
    dinner.close = 2300;
    store_.insert_document({store::Collection::opening_hours, restaurant_.id, dinner.id,
                            json::to_json(dinner, json::write_opening_hour), std::nullopt, false, clock_.now()});
  }
  BookingContext context() { return {store_, clock_, restaurant_, {"apiKey", "k"}}; }

  test::TempDir dir_;
  SqliteStore store_{dir_.path() / "h.db", SqliteStore::Owner::server};
  core::ManualClock clock_{core::SystemTime{std::chrono::milliseconds{1'795'687'200'000}}};  // 2026-11-26
  domain::Restaurant restaurant_;
  const HoldRequest request_{"2026-12-04", "19:00", 2, {}, {}};
};

TEST_F(HoldServiceTest, AHoldLastsHoldMinutesAndThenFreesItsTable) {
  auto hold = place_hold(context(), request_);
  EXPECT_EQ(hold.expires_at, clock_.now() + 10min);
  EXPECT_EQ(active_holds(store_, restaurant_.id, clock_.now()).size(), 1u);
  EXPECT_THROW(place_hold(context(), request_), domain::InvalidInput) << "the only table is held";

  clock_.advance(9min + 59s);
  EXPECT_THROW(place_hold(context(), request_), domain::InvalidInput) << "not expired yet";
  clock_.advance(1s);
  EXPECT_TRUE(active_holds(store_, restaurant_.id, clock_.now()).empty());
  auto again = place_hold(context(), request_);
  EXPECT_NE(again.id, hold.id);
}

TEST_F(HoldServiceTest, HoldMinutesComeFromTheRestaurant) {
  restaurant_.booking_rules.hold_minutes = 3;
  EXPECT_EQ(place_hold(context(), request_).expires_at, clock_.now() + 3min);
}

TEST_F(HoldServiceTest, ExpiredHoldsArePurged) {
  place_hold(context(), request_);
  EXPECT_EQ(store_.purge_expired_holds(clock_.now()), 0u);
  clock_.advance(11min);
  EXPECT_EQ(store_.purge_expired_holds(clock_.now()), 1u);
  EXPECT_TRUE(store_.list_documents(store::Collection::holds, restaurant_.id, false).empty());
}

TEST_F(HoldServiceTest, ReleasingIsIdempotentlyFalseTheSecondTime) {
  auto hold = place_hold(context(), request_);
  EXPECT_TRUE(release_hold(context(), hold.id));
  EXPECT_FALSE(release_hold(context(), hold.id));
  EXPECT_FALSE(release_hold(context(), "not an id"));
}

}  // namespace
}  // namespace maitred::app
