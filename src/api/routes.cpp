#include "api/routes.hpp"

#include <string>
#include <vector>

#include "api/areas.hpp"
#include "api/auth.hpp"
#include "api/booking_flow.hpp"
#include "api/bookings.hpp"
#include "api/custom_fields.hpp"
#include "api/dialect.hpp"
#include "api/events.hpp"
#include "api/guest_messages.hpp"
#include "api/guest_records.hpp"
#include "api/healthcheck.hpp"
#include "api/heart.hpp"
#include "api/imports.hpp"
#include "api/opening_hours.hpp"
#include "api/public_booking.hpp"
#include "api/restaurant.hpp"
#include "api/table_combinations.hpp"
#include "api/tables.hpp"
#include "api/users.hpp"
#include "api/web_pages.hpp"
#include "api/webhooks.hpp"

namespace maitred::api {

using http::Access;
using http::Handler;
using http::Method;

namespace {

// One route of the resource table, with its path relative to the dialect's
// base and in /v1 names. A per-route required permission (staff roles) is
// meant to become one more field here.
struct RouteSpec {
  Method method;
  std::string path;
  Handler handler;
  Shape shape = Shape::plain;
  ReadBack read_back = {};
};

struct Crud {
  Handler list, get, create, update, remove;
};

// The five routes of a setup collection: /base and /base/{id}.
void add_collection(std::vector<RouteSpec>& routes, const std::string& base, const Crud& handlers) {
  const std::string item = base + "/{id}";
  routes.push_back({Method::get, base, handlers.list});
  routes.push_back({Method::post, base, handlers.create, Shape::create, {base + "/{new}", handlers.get}});
  routes.push_back({Method::get, item, handlers.get});
  routes.push_back({Method::put, item, handlers.update, Shape::update, {item, handlers.get}});
  routes.push_back({Method::del, item, handlers.remove, Shape::remove});
}

// Every resource both dialects serve, in /v1 names relative to the base.
std::vector<RouteSpec> resource_routes() {
  std::vector<RouteSpec> routes{
      {Method::get, "/healthcheck", healthcheck},
      {Method::get, "/restaurant", get_restaurant},
      {Method::put, "/restaurant", update_restaurant, Shape::update, {"/restaurant", get_restaurant}},
  };
  add_collection(routes, "/areas", {list_areas, get_area, create_area, update_area, delete_area});
  add_collection(routes, "/tables", {list_tables, get_table, create_table, update_table, delete_table});
  add_collection(routes, "/tableCombinations",
                 {list_table_combinations, get_table_combination, create_table_combination, update_table_combination,
                  delete_table_combination});
  add_collection(routes, "/openingHours",
                 {list_opening_hours, get_opening_hour, create_opening_hour, update_opening_hour, delete_opening_hour});
  add_collection(routes, "/customFields",
                 {list_custom_fields, get_custom_field, create_custom_field, update_custom_field, delete_custom_field});
  const std::vector<RouteSpec> rest{
      {Method::get, "/bookings", list_bookings},
      {Method::post, "/bookings", create_booking, Shape::create, {"/bookings/{new}", get_booking}},
      {Method::get, "/bookings/{id}", get_booking},
      {Method::put, "/bookings/{id}", update_booking, Shape::update, {"/bookings/{id}", get_booking}},
      {Method::del, "/bookings/{id}", delete_booking, Shape::remove},
      {Method::get, "/bookings/{id}/history", booking_history},
      {Method::get, "/bookings/{id}/messages", list_booking_messages},
      // A note or comment lives inside its booking: v3 answers the booking.
      {Method::post,
       "/bookings/{id}/restaurantNote",
       add_restaurant_note,
       Shape::create,
       {"/bookings/{id}", get_booking}},
      {Method::post, "/bookings/{id}/comment", add_booking_comment, Shape::create, {"/bookings/{id}", get_booking}},
      {Method::get, "/bookingFlow/times", booking_flow_times},
      {Method::get, "/bookingFlow/dates", booking_flow_dates},
      {Method::get, "/bookingFlow/availableTables", booking_flow_available_tables},
      // A hold is answered whole already; it has no GET, only DELETE.
      {Method::post, "/bookingFlow/holds", create_hold, Shape::create, {"/bookingFlow/holds/{new}", nullptr}},
      {Method::del, "/bookingFlow/holds/{id}", release_hold, Shape::remove},
      {Method::get, "/customers", list_customers},
      {Method::get, "/customers/{id}", get_customer},
      {Method::get, "/orders", list_orders},
      {Method::post, "/orders", create_order, Shape::create, {"/orders/{new}", get_order}},
      {Method::get, "/orders/{id}", get_order},
      {Method::get, "/feedback", list_feedback},
      {Method::post, "/feedback", create_feedback, Shape::create, {"/feedback/{new}", get_feedback}},
      {Method::get, "/feedback/{id}", get_feedback},
      {Method::get, "/users", list_users},
      {Method::get, "/events", list_events},
      // Webhooks answer their own shapes in both dialects (201 with the
      // endpoint and its secret on create), so every route is plain.
      {Method::get, "/webhooks", list_webhooks},
      {Method::post, "/webhooks", create_webhook},
      {Method::get, "/webhooks/{id}", get_webhook},
      {Method::put, "/webhooks/{id}", update_webhook},
      {Method::del, "/webhooks/{id}", delete_webhook},
      {Method::post, "/webhooks/{id}/rotateSecret", rotate_webhook_secret},
      {Method::post, "/webhooks/{id}/test", test_webhook},
      {Method::get, "/webhooks/{id}/deliveries", list_webhook_deliveries},
      {Method::post, "/webhooks/{id}/deliveries/{deliveryId}/retry", retry_webhook_delivery},
      // CSV imports answer 202 and the job in both dialects (not a create).
      {Method::post, "/imports", create_import},
      {Method::get, "/imports/{id}", get_import},
  };
  routes.insert(routes.end(), rest.begin(), rest.end());
  return routes;
}

}  // namespace

http::Router make_router() {
  http::Router router;
  // Health: the same open endpoint under every base path clients use.
  for (const char* path : {"/heart", "/v1/heart", "/api/v1/heart", "/api/v3/heart"}) {
    router.add(Method::get, path, Access::open, heart);
  }
  // Staff sign-in (Reception Star): under both base paths its clients use.
  // Each route's permission follows from its path (domain/permission.hpp).
  for (std::string base : {"/api/v3", "/api/v1"}) {
    router.add(Method::post, base + "/auth", Access::open, login);
    router.add(Method::post, base + "/auth/refresh", Access::open, refresh_tokens);
    router.add(Method::post, base + "/auth/password", Access::open, change_password);
    router.add(Method::post, base + "/auth/logout", Access::api_key, logout);
  }
  add_web_page_routes(router);
  add_public_booking_routes(router);
  // The one resource table, registered once per dialect (api/dialect.hpp).
  const auto routes = resource_routes();
  for (Dialect dialect : {Dialect::v1, Dialect::v3}) {
    for (const auto& r : routes) {
      router.add(r.method, dialect_path(dialect, r.path), Access::api_key,
                 for_dialect(dialect, r.shape, r.handler, r.read_back));
    }
    router.set_body_type(Method::post, dialect_path(dialect, "/imports"), "text/csv");
  }
  return router;
}

}  // namespace maitred::api
