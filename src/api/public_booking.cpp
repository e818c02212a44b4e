#include "api/public_booking.hpp"

#include <string>

#include "domain/public_page_rules.hpp"
#include "http/api_error.hpp"
#include "json/public_restaurant_codec.hpp"
#include "store/store.hpp"

namespace maitred::api {
namespace {

using http::Access;
using http::Method;
using http::RequestContext;
using http::Response;

// The restaurant at /public/{slug}; an unknown slug and a malformed one get
// the same 404, so the answer tells nothing about which slugs exist beyond
// the one asked for.
domain::Restaurant restaurant_at(const RequestContext& ctx) {
  const std::string_view slug = ctx.path_param("slug");
  std::optional<domain::Restaurant> restaurant;
  if (domain::is_valid_slug(slug)) restaurant = ctx.services.store.restaurants().find_restaurant_by_slug(slug);
  if (!restaurant) {
    throw http::ApiError(404, "not_found", "There is no restaurant at this address: check the link.");
  }
  return std::move(*restaurant);
}

Response public_restaurant(RequestContext& ctx) {
  return Response::json(200, json::public_restaurant_to_json(restaurant_at(ctx), ctx.services.clock.now()));
}

}  // namespace

void add_public_booking_routes(http::Router& router) {
  router.add(Method::get, "/public/{slug}/restaurant", Access::open, public_restaurant);
}

}  // namespace maitred::api
