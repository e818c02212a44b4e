// Holds expire on their own: place, let the clock pass holdMinutes, and the
// table is free again.

#include "app/hold_service.hpp"

#include <gtest/gtest.h>

#include "app/admin.hpp"
#include "app/restaurant_snapshot.hpp"
#include "core/ids.hpp"
#include "domain/errors.hpp"
#include "json/setup_codec.hpp"
#include "one_table_restaurant.hpp"
#include "store/sqlite/sqlite_store.hpp"
#include "support/temp_dir.hpp"

namespace maitred::app {
namespace {

using namespace std::chrono_literals;

class HoldServiceTest : public OneTableRestaurant {
 protected:
  HoldServiceTest() { restaurant_.booking_rules.min_notice_minutes = 0; }
  BookingContext context() { return {store_, clock_, restaurant_, {"apiKey", "k"}}; }

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
  EXPECT_EQ(store_.bookings().purge_expired_holds(clock_.now()), 0u);
  clock_.advance(11min);
  EXPECT_EQ(store_.bookings().purge_expired_holds(clock_.now()), 1u);
  EXPECT_TRUE(store_.documents().list_documents(store::Collection::holds, restaurant_.id, false).empty());
}

TEST_F(HoldServiceTest, ReleasingIsIdempotentlyFalseTheSecondTime) {
  auto hold = place_hold(context(), request_);
  EXPECT_TRUE(release_hold(context(), hold.id));
  EXPECT_FALSE(release_hold(context(), hold.id));
  EXPECT_FALSE(release_hold(context(), "not an id"));
}

}  // namespace
}  // namespace maitred::app
