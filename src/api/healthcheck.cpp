#include "api/healthcheck.hpp"

#include "json/json_writer.hpp"

namespace maitred::api {

http::Response healthcheck(http::RequestContext& context) {
  std::string body;
  json::JsonWriter out(body);
  out.start_object();
  out.member("status", "ok");
  out.member("restaurantId", context.caller().restaurant_id);
  out.end_object();
  return http::Response::json(200, std::move(body));
}

}  // namespace maitred::api
