#include "api/routes.hpp"

#include "api/areas.hpp"
#include "api/auth.hpp"
#include "api/booking_flow.hpp"
#include "api/bookings.hpp"
#include "api/custom_fields.hpp"
#include "api/guest_records.hpp"
#include "api/heart.hpp"
#include "api/opening_hours.hpp"
#include "api/restaurant.hpp"
#include "api/table_combinations.hpp"
#include "api/tables.hpp"
#include "api/users.hpp"

namespace maitred::api {

using http::Access;
using http::Handler;
using http::Method;

namespace {

struct Crud {
  Handler list, get, create, update, remove;
};

// The five routes of a setup collection: /base and /base/{id}.
void add_collection(http::Router& router, const std::string& base, Crud handlers) {
  router.add(Method::get, base, Access::api_key, std::move(handlers.list));
  router.add(Method::post, base, Access::api_key, std::move(handlers.create));
  router.add(Method::get, base + "/{id}", Access::api_key, std::move(handlers.get));
  router.add(Method::put, base + "/{id}", Access::api_key, std::move(handlers.update));
  router.add(Method::del, base + "/{id}", Access::api_key, std::move(handlers.remove));
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
  router.add(Method::get, "/v1/restaurant", Access::api_key, get_restaurant);
  router.add(Method::put, "/v1/restaurant", Access::api_key, update_restaurant);
  add_collection(router, "/v1/areas", {list_areas, get_area, create_area, update_area, delete_area});
  add_collection(router, "/v1/tables", {list_tables, get_table, create_table, update_table, delete_table});
  add_collection(router, "/v1/tableCombinations",
                 {list_table_combinations, get_table_combination, create_table_combination, update_table_combination,
                  delete_table_combination});
  add_collection(router, "/v1/openingHours",
                 {list_opening_hours, get_opening_hour, create_opening_hour, update_opening_hour, delete_opening_hour});
  add_collection(router, "/v1/customFields",
                 {list_custom_fields, get_custom_field, create_custom_field, update_custom_field, delete_custom_field});
  router.add(Method::get, "/v1/bookings", Access::api_key, list_bookings);
  router.add(Method::post, "/v1/bookings", Access::api_key, create_booking);
  router.add(Method::get, "/v1/bookings/{id}", Access::api_key, get_booking);
  router.add(Method::put, "/v1/bookings/{id}", Access::api_key, update_booking);
  router.add(Method::del, "/v1/bookings/{id}", Access::api_key, delete_booking);
  router.add(Method::get, "/v1/bookings/{id}/history", Access::api_key, booking_history);
  router.add(Method::post, "/v1/bookings/{id}/restaurantNote", Access::api_key, add_restaurant_note);
  router.add(Method::post, "/v1/bookings/{id}/comment", Access::api_key, add_booking_comment);
  router.add(Method::get, "/v1/bookingFlow/times", Access::api_key, booking_flow_times);
  router.add(Method::get, "/v1/bookingFlow/dates", Access::api_key, booking_flow_dates);
  router.add(Method::get, "/v1/bookingFlow/availableTables", Access::api_key, booking_flow_available_tables);
  router.add(Method::post, "/v1/bookingFlow/holds", Access::api_key, create_hold);
  router.add(Method::del, "/v1/bookingFlow/holds/{id}", Access::api_key, release_hold);
  router.add(Method::get, "/v1/customers", Access::api_key, list_customers);
  router.add(Method::get, "/v1/customers/{id}", Access::api_key, get_customer);
  router.add(Method::get, "/v1/orders", Access::api_key, list_orders);
  router.add(Method::post, "/v1/orders", Access::api_key, create_order);
  router.add(Method::get, "/v1/orders/{id}", Access::api_key, get_order);
  router.add(Method::get, "/v1/feedback", Access::api_key, list_feedback);
  router.add(Method::post, "/v1/feedback", Access::api_key, create_feedback);
  router.add(Method::get, "/v1/feedback/{id}", Access::api_key, get_feedback);
  router.add(Method::get, "/v1/users", Access::api_key, list_users);
  return router;
}

}  // namespace maitred::api
