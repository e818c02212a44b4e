#include "api/restaurant.hpp"

#include "http/api_error.hpp"
#include "json/restaurant_codec.hpp"
#include "store/store.hpp"

namespace maitred::api {

http::Response get_restaurant(http::RequestContext& context) {
  auto restaurant = context.services.store.find_restaurant(context.caller().restaurant_id);
  if (!restaurant) throw http::ApiError(404, "not_found", "The restaurant does not exist.");
  return http::Response::json(200, json::restaurant_to_json(*restaurant));
}

}  // namespace maitred::api
