#pragma once
// Staff user administration behind `maitred user ...`. Each call checks its
// input completely (restaurant, username, role, password policy) before it
// writes; mistakes are app::UsageError.

#include <string>
#include <vector>

#include "core/clock.hpp"
#include "core/password_hash.hpp"
#include "domain/staff_user.hpp"

namespace maitred::store {
class Store;
}

namespace maitred::app {

struct NewStaffUser {
  std::string restaurant_id;
  std::string username;
  std::string role;
  std::string password;
};

domain::StaffUser create_staff_user(store::Store& store, const core::Clock& clock, const NewStaffUser& request,
                                    const core::PasswordHashCost& cost = {});

std::vector<domain::StaffUser> list_staff_users(store::Store& store, const std::string& restaurant_id);

// Ends the user's sessions at once.
domain::StaffUser delete_staff_user(store::Store& store, const core::Clock& clock, const std::string& restaurant_id,
                                    const std::string& username);

// Ends the user's sessions at once.
domain::StaffUser change_staff_password(store::Store& store, const core::Clock& clock, const std::string& restaurant_id,
                                        const std::string& username, const std::string& password,
                                        const core::PasswordHashCost& cost = {});

}  // namespace maitred::app
