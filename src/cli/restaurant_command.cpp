#include "cli/restaurant_command.hpp"

#include <iostream>

#include "app/admin.hpp"
#include "cli/json_array.hpp"
#include "cli/store_options.hpp"
#include "json/restaurant_codec.hpp"
#include "store/store.hpp"

namespace maitred::cli {

namespace {

struct NewRestaurant {
  StoreOptions store;
  std::string name;
  std::string timezone;
};

std::vector<Option> options(NewRestaurant& a) {
  std::vector<Option> rows = {
      {.name = "--name", .target = &a.name, .help = "Restaurant name", .required = true},
      {.name = "--timezone", .target = &a.timezone, .help = "IANA time zone, e.g. Europe/Copenhagen", .required = true},
  };
  return with_store_options(a.store, std::move(rows));
}

std::vector<Option> options(StoreOptions& a) {
  return with_store_options(a);
}

int create(const NewRestaurant& a, const core::Clock& clock) {
  auto store = open_admin_store(a.store);
  std::cout << json::restaurant_to_json(app::create_restaurant(*store, clock, a.name, a.timezone)) << "\n";
  return 0;
}

int list(const StoreOptions& a, const core::Clock&) {
  auto store = open_admin_store(a);
  print_json_array(store->restaurants().list_restaurants(), json::restaurant_to_json);
  return 0;
}

}  // namespace

Handler restaurant_create_command() {
  return handler<NewRestaurant>(options, create);
}

Handler restaurant_list_command() {
  return handler<StoreOptions>(options, list);
}

}  // namespace maitred::cli
