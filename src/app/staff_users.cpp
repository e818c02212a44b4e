#include "app/staff_users.hpp"

#include "app/admin.hpp"
#include "app/record_event.hpp"
#include "core/ids.hpp"
#include "domain/password_policy.hpp"
#include "store/store.hpp"

namespace maitred::app {

namespace {
// Who the command line acts as, in events.
const domain::Actor kCommandLine{"cli", ""};
}  // namespace

namespace {

void require_restaurant(store::Store& store, const std::string& restaurant_id) {
  if (!core::is_valid_id(restaurant_id) || !store.restaurants().find_restaurant(restaurant_id)) {
    throw UsageError("no restaurant with id '" + restaurant_id + "' (see: maitred restaurant list)");
  }
}

void require_acceptable(const std::string& password) {
  if (auto problem = domain::check_password(password)) throw UsageError(problem->message);
}

domain::StaffUser require_user(store::Store& store, const std::string& restaurant_id, const std::string& username) {
  require_restaurant(store, restaurant_id);
  auto user = store.staff().find_staff_user(restaurant_id, domain::username_key(username));
  if (!user) {
    throw UsageError("no user '" + username + "' in this restaurant (see: maitred user list --restaurant ID)");
  }
  return std::move(*user);
}

}  // namespace

domain::StaffUser create_staff_user(store::Store& store, const core::Clock& clock, const NewStaffUser& request,
                                    const core::PasswordHashCost& cost) {
  require_restaurant(store, request.restaurant_id);
  if (auto problem = domain::check_username(request.username)) throw UsageError(*problem);
  auto role = domain::parse_role(request.role);
  if (!role) throw UsageError("the role must be owner, manager, host or readonly");
  require_acceptable(request.password);

  domain::StaffUser user;
  user.id = core::new_id();
  user.restaurant_id = request.restaurant_id;
  user.username = request.username;
  user.username_key = domain::username_key(request.username);
  user.role = *role;
  user.password_hash = core::hash_password(request.password, cost);
  user.created_at = user.password_changed_at = clock.now();
  try {
    store.atomically([&] {
      store.staff().create_staff_user(user);
      record_event({store, clock, kCommandLine, user.restaurant_id}, "staff_user.created", user.id);
    });
  } catch (const store::StoreError& e) {
    if (e.kind != store::StoreError::Kind::conflict) throw;
    throw UsageError("the username '" + request.username + "' is already taken in this restaurant");
  }
  return user;
}

std::vector<domain::StaffUser> list_staff_users(store::Store& store, const std::string& restaurant_id) {
  require_restaurant(store, restaurant_id);
  return store.staff().list_staff_users(restaurant_id);
}

domain::StaffUser delete_staff_user(store::Store& store, const core::Clock& clock, const std::string& restaurant_id,
                                    const std::string& username) {
  auto user = require_user(store, restaurant_id, username);
  store.atomically([&] {
    store.staff().delete_staff_user(user.id);
    record_event({store, clock, kCommandLine, user.restaurant_id}, "staff_user.deleted", user.id);
  });
  return user;
}

domain::StaffUser change_staff_password(store::Store& store, const core::Clock& clock, const std::string& restaurant_id,
                                        const std::string& username, const std::string& password,
                                        const core::PasswordHashCost& cost) {
  auto user = require_user(store, restaurant_id, username);
  require_acceptable(password);
  user.password_hash = core::hash_password(password, cost);
  user.password_changed_at = clock.now();
  store.atomically([&] {
    store.staff().set_staff_password(user.id, user.password_hash, user.password_changed_at);
    record_event({store, clock, kCommandLine, user.restaurant_id}, "staff_user.password_changed", user.id);
  });
  return user;
}

}  // namespace maitred::app
