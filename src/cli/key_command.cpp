#include "cli/key_command.hpp"

#include <iostream>

#include "app/admin.hpp"
#include "cli/json_array.hpp"
#include "cli/store_options.hpp"
#include "json/api_key_codec.hpp"
#include "store/store.hpp"

namespace maitred::cli {

namespace {

struct OfRestaurant {
  StoreOptions store;
  std::string restaurant_id;
  std::string label;  // create only
};

struct OneKey {
  StoreOptions store;
  std::string key_id;
};

Option restaurant_option(OfRestaurant& a) {
  return {.name = "--restaurant", .target = &a.restaurant_id, .help = "Restaurant id", .required = true};
}

std::vector<Option> create_options(OfRestaurant& a) {
  std::vector<Option> rows = {
      restaurant_option(a),
      {.name = "--name", .target = &a.label, .help = "A label to recognise the key by"},
  };
  return with_store_options(a.store, std::move(rows));
}

std::vector<Option> list_options(OfRestaurant& a) {
  return with_store_options(a.store, {restaurant_option(a)});
}

std::vector<Option> revoke_options(OneKey& a) {
  std::vector<Option> rows = {
      {.name = "KEY_ID", .target = &a.key_id, .help = "Key id (from key list)", .required = true},
  };
  return with_store_options(a.store, std::move(rows));
}

int create(const OfRestaurant& a, const core::Clock& clock) {
  auto store = open_admin_store(a.store);
  std::cout << app::create_api_key(*store, clock, a.restaurant_id, a.label) << "\n";
  return 0;
}

int list(const OfRestaurant& a, const core::Clock&) {
  auto store = open_admin_store(a.store);
  print_json_array(app::list_api_keys(*store, a.restaurant_id), json::api_key_to_json);
  return 0;
}

int revoke(const OneKey& a, const core::Clock& clock) {
  auto store = open_admin_store(a.store);
  std::cout << json::api_key_to_json(app::revoke_api_key(*store, clock, a.key_id)) << "\n";
  return 0;
}

}  // namespace

Handler key_create_command() {
  return handler<OfRestaurant>(create_options, create);
}

Handler key_list_command() {
  return handler<OfRestaurant>(list_options, list);
}

Handler key_revoke_command() {
  return handler<OneKey>(revoke_options, revoke);
}

}  // namespace maitred::cli
