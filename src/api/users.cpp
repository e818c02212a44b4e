#include "api/users.hpp"

#include "json/staff_user_codec.hpp"
#include "store/store.hpp"

namespace maitred::api {

http::Response list_users(http::RequestContext& context) {
  std::string body = "[";
  for (const auto& user : context.services.store.staff().list_staff_users(context.caller().restaurant_id)) {
    if (body.size() > 1) body += ',';
    body += json::staff_user_to_json(user);
  }
  body += ']';
  return http::Response::json(200, std::move(body));
}

}  // namespace maitred::api
