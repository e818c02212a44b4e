#include "http/router.hpp"

#include <gtest/gtest.h>

namespace maitred::http {
namespace {

Response ok(RequestContext&) {
  return Response::json(200, "1");
}

Router make() {
  Router r;
  r.add(Method::get, "/v1/bookings", Access::api_key, ok);
  r.add(Method::post, "/v1/bookings", Access::api_key, ok);
  r.add(Method::get, "/v1/bookings/{id}", Access::api_key, ok);
  r.add(Method::put, "/v1/bookings/{id}", Access::api_key, ok);
  r.add(Method::get, "/v1/bookings/{id}/history", Access::api_key, ok);
  r.add(Method::get, "/heart", Access::open, ok);
  return r;
}

TEST(Router, MatchesLiteralPaths) {
  auto r = make();
  auto m = r.match(Method::get, "/heart");
  ASSERT_TRUE(std::holds_alternative<RouteMatch>(m));
  EXPECT_EQ(std::get<RouteMatch>(m).route->access, Access::open);
}

TEST(Router, CapturesPlaceholders) {
  auto r = make();
  auto m = r.match(Method::get, "/v1/bookings/abc123/history");
  ASSERT_TRUE(std::holds_alternative<RouteMatch>(m));
  auto& params = std::get<RouteMatch>(m).params;
  ASSERT_EQ(params.size(), 1u);
  EXPECT_EQ(params[0].first, "id");
  EXPECT_EQ(params[0].second, "abc123");
}

TEST(Router, OneTrailingSlashIsIgnored) {
  auto r = make();
  EXPECT_TRUE(std::holds_alternative<RouteMatch>(r.match(Method::get, "/v1/bookings/")));
}

TEST(Router, UnknownPathsAre404) {
  auto r = make();
  for (const char* path : {"", "/", "/v1", "/v1/bookings/x/y", "/v1/bookings//history", "/heart/x", "heart",
                           "/v1/bookings//", "/V1/BOOKINGS"}) {
    EXPECT_TRUE(std::holds_alternative<NotFound>(r.match(Method::get, path))) << path;
  }
}

TEST(Router, WrongMethodListsTheAllowedOnes) {
  auto r = make();
  auto m = r.match(Method::del, "/v1/bookings/abc");
  ASSERT_TRUE(std::holds_alternative<MethodNotAllowed>(m));
  EXPECT_EQ(std::get<MethodNotAllowed>(m).allow, "GET, PUT");
  EXPECT_EQ(std::get<MethodNotAllowed>(r.match(Method::patch, "/v1/bookings")).allow, "GET, POST");
}

TEST(Router, DuplicateRegistrationIsAProgrammingError) {
  Router r;
  r.add(Method::get, "/a", Access::open, ok);
  EXPECT_THROW(r.add(Method::get, "/a", Access::open, ok), std::logic_error);
  EXPECT_THROW(r.add(Method::get, "no-slash", Access::open, ok), std::logic_error);
}

}  // namespace
}  // namespace maitred::http
