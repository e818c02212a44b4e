#include "app/restaurant_snapshot.hpp"

#include <algorithm>

#include "app/setup_kinds.hpp"
#include "core/check.hpp"
#include "domain/time_zone.hpp"
#include "store/hold_documents.hpp"
#include "store/store.hpp"

namespace maitred::app {

template <typename Doc>
std::vector<Doc> load_setup(store::Store& store, const std::string& restaurant_id) {
  return load_all<Doc>(store, restaurant_id);
}
#define MAITRED_LOAD_SETUP(Doc) template std::vector<Doc> load_setup(store::Store&, const std::string&);
MAITRED_FOR_EACH_SETUP_KIND(MAITRED_LOAD_SETUP)
#undef MAITRED_LOAD_SETUP

std::vector<domain::Hold> active_holds(store::Store& store, const std::string& restaurant_id, core::SystemTime now) {
  std::vector<domain::Hold> out;
  for (auto& hold : store::list_holds(store.documents(), restaurant_id)) {
    if (domain::is_active(hold, now)) out.push_back(std::move(hold));
  }
  return out;
}

domain::BookedTable LoadedRestaurant::booked(const domain::Table& table) const {
  auto area = std::ranges::find(areas, table.area_id, &domain::Area::id);
  return {table.id, table.name, table.area_id, area == areas.end() ? "" : area->name};
}

domain::BookedTable LoadedRestaurant::booked(std::string_view chosen_table_id) const {
  auto table = std::ranges::find(tables, chosen_table_id, &domain::Table::id);
  MAITRED_CHECK(table != tables.end(),
                "the seating engine chose table '" + std::string(chosen_table_id) + "', which it was not given");
  return booked(*table);
}

LoadedRestaurant load_restaurant_setup(store::Store& store, const domain::Restaurant& restaurant) {
  const auto& id = restaurant.id;
  LoadedRestaurant l{restaurant, {}, {}, {}, {}, {}, {}};
  l.hours = load_setup<domain::OpeningHour>(store, id);
  l.areas = load_setup<domain::Area>(store, id);
  l.tables = load_setup<domain::Table>(store, id);
  l.combinations = load_setup<domain::TableCombination>(store, id);
  l.custom_fields = load_setup<domain::CustomField>(store, id);
  return l;
}

void load_bookings_around(store::Store& store, LoadedRestaurant& l, date::year_month_day first,
                          date::year_month_day last, core::SystemTime now) {
  const auto& zone = l.restaurant.timezone;
  const auto from = domain::start_of_local_day(zone, date::year_month_day{date::sys_days{first} - date::days{1}});
  const auto to = domain::start_of_local_day(zone, date::year_month_day{date::sys_days{last} + date::days{2}});
  l.bookings = store.bookings().seating_bookings_between(l.restaurant.id, from, to);
  for (const auto& hold : active_holds(store, l.restaurant.id, now)) l.bookings.push_back(domain::as_booking(hold));
}

LoadedRestaurant load_restaurant(store::Store& store, const domain::Restaurant& restaurant, date::year_month_day first,
                                 date::year_month_day last, core::SystemTime now) {
  auto l = load_restaurant_setup(store, restaurant);
  load_bookings_around(store, l, first, last, now);
  return l;
}

}  // namespace maitred::app
