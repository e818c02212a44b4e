#include "api/booking_context.hpp"

#include "http/api_error.hpp"
#include "store/store.hpp"

namespace maitred::api {

app::Actor actor_of(const http::Principal& caller) {
  if (caller.key_id.empty()) return {"user", caller.user_id};
  return {"apiKey", caller.key_id};
}

domain::Restaurant restaurant_of(const http::RequestContext& context) {
  auto restaurant = context.services.store.find_restaurant(context.caller().restaurant_id);
  if (!restaurant) throw http::ApiError(404, "not_found", "The restaurant does not exist.");
  return std::move(*restaurant);
}

app::BookingContext booking_context(const http::RequestContext& context, const domain::Restaurant& restaurant) {
  return {context.services.store, context.services.clock, restaurant, actor_of(context.caller())};
}

}  // namespace maitred::api
