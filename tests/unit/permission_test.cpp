#include "domain/permission.hpp"

#include <gtest/gtest.h>

#include "api/routes.hpp"

namespace maitred::domain {
namespace {

TEST(PermissionTest, RolesAreOrdered) {
  EXPECT_TRUE(allows(Role::readonly, Permission::read));
  EXPECT_FALSE(allows(Role::readonly, Permission::operate));
  EXPECT_TRUE(allows(Role::host, Permission::operate));
  EXPECT_FALSE(allows(Role::host, Permission::configure));
  EXPECT_TRUE(allows(Role::manager, Permission::configure));
  EXPECT_FALSE(allows(Role::manager, Permission::administer));
  EXPECT_TRUE(allows(Role::owner, Permission::administer));
}

TEST(PermissionTest, RoleNamesRoundTrip) {
  for (Role r : {Role::readonly, Role::host, Role::manager, Role::owner}) EXPECT_EQ(parse_role(role_name(r)), r);
  EXPECT_EQ(parse_role("Owner"), Role::owner);
  EXPECT_EQ(parse_role("admin"), std::nullopt);
}

struct RouteCase {
  bool read_only;
  const char* pattern;
  Permission expected;
};

TEST(PermissionTest, DerivedFromMethodAndResourceFamilyUnderAnyBasePath) {
  const RouteCase cases[] = {
      {true, "/v1/bookings", Permission::read},
      {true, "/v1/restaurant", Permission::read},
      {false, "/v1/bookings", Permission::operate},
      {false, "/v1/bookings/{id}/comment", Permission::operate},
      {false, "/v1/bookings/{id}/restaurantNote", Permission::operate},
      {false, "/v1/bookingFlow/holds", Permission::operate},
      {false, "/v1/customers/{id}", Permission::operate},
      {false, "/v1/orders", Permission::operate},
      {false, "/v1/feedback", Permission::operate},
      {false, "/v1/restaurant", Permission::configure},
      {false, "/v1/areas/{id}", Permission::configure},
      {false, "/v1/tables", Permission::configure},
      {false, "/v1/tableCombinations/{id}", Permission::configure},
      {false, "/v1/openingHours", Permission::configure},
      {false, "/v1/customFields/{id}", Permission::configure},
      {false, "/api/v3/tables", Permission::configure},  // a mirrored route needs the same
      {false, "/api/v3/bookings/{id}", Permission::operate},
      {false, "/api/v3/clients/{id}", Permission::operate},  // v3's name for customers
      {true, "/api/v3/clients", Permission::read},
      {true, "/api/v3/users", Permission::administer},  // even reading
      {false, "/v1/apiKeys", Permission::administer},
      {false, "/api/v3/auth/logout", Permission::read},
      {false, "/api/v3/imports", Permission::operate},  // imports write bookings and customers
      {true, "/api/v3/imports/{id}", Permission::read},
  };
  for (const auto& c : cases) EXPECT_EQ(permission_for_route(c.read_only, c.pattern), c.expected) << c.pattern;
}

TEST(PermissionTest, EveryRegisteredRouteCarriesTheDerivedPermission) {
  auto router = api::make_router();
  auto match = router.match(http::Method::put, "/v1/tables/abc");
  ASSERT_TRUE(std::holds_alternative<http::RouteMatch>(match));
  EXPECT_EQ(std::get<http::RouteMatch>(match).route->permission, Permission::configure);
  match = router.match(http::Method::post, "/v1/bookings");
  EXPECT_EQ(std::get<http::RouteMatch>(match).route->permission, Permission::operate);
  match = router.match(http::Method::get, "/v1/tables");
  EXPECT_EQ(std::get<http::RouteMatch>(match).route->permission, Permission::read);
}

TEST(PermissionTest, OnlyTheImportRoutesTakeCsvBodies) {
  auto router = api::make_router();
  for (const char* path : {"/api/v3/imports", "/v1/imports"}) {
    auto match = router.match(http::Method::post, path);
    ASSERT_TRUE(std::holds_alternative<http::RouteMatch>(match)) << path;
    EXPECT_EQ(std::get<http::RouteMatch>(match).route->permission, Permission::operate);
    EXPECT_EQ(std::get<http::RouteMatch>(match).route->body_type, "text/csv");
  }
  auto bookings = router.match(http::Method::post, "/api/v3/bookings");
  EXPECT_EQ(std::get<http::RouteMatch>(bookings).route->body_type, "application/json");
}

}  // namespace
}  // namespace maitred::domain
