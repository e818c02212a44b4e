#include "cli/user_command.hpp"

#include <iostream>

#include "app/staff_users.hpp"
#include "cli/json_array.hpp"
#include "cli/password_prompt.hpp"
#include "cli/store_options.hpp"
#include "json/staff_user_codec.hpp"
#include "store/store.hpp"

namespace maitred::cli {

namespace {

// One user of one restaurant; `role` only for create, `username` not for list.
struct User {
  StoreOptions store;
  std::string restaurant_id;
  std::string username;
  std::string role;
};

std::vector<Option> list_options(User& a) {
  std::vector<Option> rows = {
      {.name = "--restaurant", .target = &a.restaurant_id, .help = "Restaurant id", .required = true},
  };
  return with_store_options(a.store, std::move(rows));
}

std::vector<Option> user_options(User& a) {
  auto options = list_options(a);
  options.push_back({.name = "--username",
                     .target = &a.username,
                     .help = "Username (unique in the restaurant, any case)",
                     .required = true});
  return options;
}

std::vector<Option> create_options(User& a) {
  auto options = user_options(a);
  options.push_back(
      {.name = "--role", .target = &a.role, .help = "owner, manager, host or readonly", .required = true});
  return options;
}

int create(const User& a, const core::Clock& clock) {
  auto store = open_admin_store(a.store);
  const std::string password = read_new_password();
  std::cout << json::staff_user_to_json(
                   app::create_staff_user(*store, clock, {a.restaurant_id, a.username, a.role, password}))
            << "\n";
  return 0;
}

int list(const User& a, const core::Clock&) {
  auto store = open_admin_store(a.store);
  print_json_array(app::list_staff_users(*store, a.restaurant_id), json::staff_user_to_json);
  return 0;
}

int delete_user(const User& a, const core::Clock& clock) {
  auto store = open_admin_store(a.store);
  std::cout << json::staff_user_to_json(app::delete_staff_user(*store, clock, a.restaurant_id, a.username)) << "\n";
  return 0;
}

int set_password(const User& a, const core::Clock& clock) {
  auto store = open_admin_store(a.store);
  const std::string password = read_new_password();
  std::cout << json::staff_user_to_json(
                   app::change_staff_password(*store, clock, a.restaurant_id, a.username, password))
            << "\n";
  return 0;
}

}  // namespace

Handler user_create_command() {
  return handler<User>(create_options, create);
}

Handler user_list_command() {
  return handler<User>(list_options, list);
}

Handler user_delete_command() {
  return handler<User>(user_options, delete_user);
}

Handler user_passwd_command() {
  return handler<User>(user_options, set_password);
}

}  // namespace maitred::cli
