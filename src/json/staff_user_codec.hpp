#pragma once
// A staff user as JSON (CLI output and GET /v1/users). Never the password hash.

#include <string>

#include "domain/staff_user.hpp"

namespace maitred::json {

std::string staff_user_to_json(const domain::StaffUser& user);

}  // namespace maitred::json
