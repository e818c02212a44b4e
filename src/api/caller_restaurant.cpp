#include "api/caller_restaurant.hpp"

#include "http/api_error.hpp"
#include "store/store.hpp"

namespace maitred::api {

domain::Restaurant restaurant_of(const http::RequestContext& context) {
  auto restaurant = context.services.store.restaurants().find_restaurant(context.caller().restaurant_id);
  if (!restaurant) throw http::ApiError(404, "not_found", "The restaurant does not exist.");
  return std::move(*restaurant);
}

}  // namespace maitred::api
