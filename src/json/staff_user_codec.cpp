#include "json/staff_user_codec.hpp"

#include "core/time_format.hpp"
#include "json/json_writer.hpp"

namespace maitred::json {

std::string staff_user_to_json(const domain::StaffUser& user) {
  std::string text;
  JsonWriter out(text);
  out.start_object();
  out.member("_id", user.id);
  out.member("restaurantId", user.restaurant_id);
  out.member("username", user.username);
  out.member("role", domain::role_name(user.role));
  out.member("createdAt", core::format_utc(user.created_at));
  out.member("passwordChangedAt", core::format_utc(user.password_changed_at));
  out.end_object();
  return text;
}

}  // namespace maitred::json
