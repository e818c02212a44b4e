#pragma once
// A fixture for the use-case tests (holds, imports): a restaurant in
// Copenhagen with one table for up to four (F1) and a Friday dinner from
// 18:00 to 23:00, in a fresh SQLite file, with a manual clock on
// 2026-11-26.

#include <gtest/gtest.h>

#include <chrono>
#include <optional>

#include "app/admin.hpp"
#include "app/booking_service.hpp"
#include "core/clock.hpp"
#include "core/ids.hpp"
#include "json/setup_codec.hpp"
#include "store/sqlite/sqlite_store.hpp"
#include "support/temp_dir.hpp"

namespace maitred::app {

class OneTableRestaurant : public ::testing::Test {
 protected:
  OneTableRestaurant() {
    restaurant_ = create_restaurant(store_, clock_, "R", "Europe/Copenhagen");
    domain::Table table;
    table.id = core::new_id();
    table.name = "F1";
    table.seats_max = 4;
    store_.documents().insert_document(
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
    store_.documents().insert_document({store::Collection::opening_hours, restaurant_.id, dinner.id,
                                        json::to_json(dinner, json::write_opening_hour), std::nullopt, false,
                                        clock_.now()});
  }

  test::TempDir dir_;
  store::sqlite::SqliteStore store_{dir_.path() / "r.db", store::sqlite::SqliteStore::Owner::server};
  core::ManualClock clock_{core::SystemTime{std::chrono::milliseconds{1'795'687'200'000}}};  // 2026-11-26
  domain::Restaurant restaurant_;
};

}  // namespace maitred::app
