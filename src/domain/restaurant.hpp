#pragma once
// A restaurant is the tenant: every other document belongs to exactly one.

#include <string>

#include "core/clock.hpp"

namespace maitred::domain {

struct Restaurant {
  std::string id;
  std::string name;
  std::string timezone;  // IANA zone name, checked against the tz database
  core::SystemTime created_at;
  core::SystemTime updated_at;
};

}  // namespace maitred::domain
