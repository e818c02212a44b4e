#include "api/restaurant.hpp"

#include "api/caller_restaurant.hpp"
#include "api/setup_documents.hpp"
#include "domain/restaurant_rules.hpp"
#include "json/restaurant_codec.hpp"
#include "store/store.hpp"

namespace maitred::api {

http::Response get_restaurant(http::RequestContext& context) {
  return http::Response::json(200, json::restaurant_to_json(restaurant_of(context)));
}

http::Response update_restaurant(http::RequestContext& context) {
  auto& store = context.services.store;
  auto writes = document_writes(context);
  writes.atomically([&] {
    auto restaurant = restaurant_of(context);
    const auto before = json::restaurant_to_json(restaurant);
    auto body = json::parse_body(context.request.body);
    json::ObjectReader in(body);
    json::apply_restaurant_changes(in, restaurant);
    domain::check_restaurant(restaurant);
    restaurant.updated_at = context.services.clock.now();
    store.restaurants().update_restaurant(restaurant);
    writes.record_update("restaurant.updated", restaurant.id, before, json::restaurant_to_json(restaurant));
  });
  return json_true();
}

}  // namespace maitred::api
