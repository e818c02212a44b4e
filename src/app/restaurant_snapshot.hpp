#pragma once
// Everything the availability engine reads about one restaurant around some
// dates, loaded in one place: setup documents, the bookings that can overlap
// the dates, and the active holds (which take tables as bookings do).

#include <date/date.h>

#include <string>
#include <string_view>
#include <vector>

#include "core/clock.hpp"
#include "domain/availability.hpp"
#include "domain/booking.hpp"
#include "domain/hold.hpp"
#include "domain/restaurant.hpp"
#include "domain/setup.hpp"

namespace maitred::store {
class Store;
}

namespace maitred::app {

struct LoadedRestaurant {
  domain::Restaurant restaurant;
  std::vector<domain::OpeningHour> hours;  // not deleted
  std::vector<domain::Area> areas;
  std::vector<domain::Table> tables;
  std::vector<domain::TableCombination> combinations;
  std::vector<domain::CustomField> custom_fields;
  std::vector<domain::Booking> bookings;  // real bookings, then active holds (as bookings)

  domain::RestaurantSnapshot snapshot() const { return {restaurant, hours, areas, tables, combinations, bookings}; }

  // The table as a booking shows it, with its area's name.
  domain::BookedTable booked(const domain::Table& table) const;
  // The same for a table the seating engine chose: it chooses only among
  // `tables`, so an id not there is a bug (MAITRED_CHECK).
  domain::BookedTable booked(std::string_view chosen_table_id) const;
};

// The setup documents only (not deleted), no bookings.
LoadedRestaurant load_restaurant_setup(store::Store& store, const domain::Restaurant& restaurant);

// Sets `loaded.bookings` to the bookings that hold tables and can overlap
// local days first..last (from the day before — long bookings, services past
// midnight — to two days after), then the active holds as bookings.
void load_bookings_around(store::Store& store, LoadedRestaurant& loaded, date::year_month_day first,
                          date::year_month_day last, core::SystemTime now);

// Both of the above.
LoadedRestaurant load_restaurant(store::Store& store, const domain::Restaurant& restaurant, date::year_month_day first,
                                 date::year_month_day last, core::SystemTime now);

// The holds of a restaurant that have not expired.
std::vector<domain::Hold> active_holds(store::Store& store, const std::string& restaurant_id, core::SystemTime now);

template <typename Doc>
std::vector<Doc> load_setup(store::Store& store, const std::string& restaurant_id);

}  // namespace maitred::app
