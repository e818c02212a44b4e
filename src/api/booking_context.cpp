#include "api/booking_context.hpp"

#include "store/store.hpp"

namespace maitred::api {

app::Actor actor_of(const http::Principal& caller) {
  if (caller.key_id.empty()) return {"user", caller.user_id};
  return {"apiKey", caller.key_id};
}

app::BookingContext booking_context(const http::RequestContext& context, const domain::Restaurant& restaurant) {
  return {context.services.store, context.services.clock, restaurant, actor_of(context.caller())};
}

}  // namespace maitred::api
