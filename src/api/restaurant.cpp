#include "api/restaurant.hpp"

#include "api/caller_restaurant.hpp"
#include "api/setup_documents.hpp"
#include "domain/restaurant_rules.hpp"
#include "http/api_error.hpp"
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
    // The unique index is the backstop; this is the answer a person reads.
    if (auto holder = store.restaurants().find_restaurant_by_slug(restaurant.slug);
        holder && holder->id != restaurant.id) {
      throw http::ApiError(
          409, "slug_taken",
          "Another restaurant's booking page already uses the address '" + restaurant.slug + "'; choose another slug.",
          "slug");
    }
    restaurant.updated_at = context.services.clock.now();
    store.restaurants().update_restaurant(restaurant);
    writes.record_update("restaurant.updated", restaurant.id, before, json::restaurant_to_json(restaurant));
  });
  return json_true();
}

}  // namespace maitred::api
