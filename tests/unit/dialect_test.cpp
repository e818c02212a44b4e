// The /api/v3 adapter over /v1 handlers, without a server.

#include "api/dialect.hpp"

#include <gtest/gtest.h>

#include "store/sqlite/sqlite_store.hpp"
#include "support/temp_dir.hpp"

namespace maitred::api {
namespace {

using namespace std::chrono_literals;

TEST(DialectPath, V3CallsCustomersClients) {
  EXPECT_EQ(dialect_path(Dialect::v1, "/customers/{id}"), "/v1/customers/{id}");
  EXPECT_EQ(dialect_path(Dialect::v3, "/customers"), "/api/v3/clients");
  EXPECT_EQ(dialect_path(Dialect::v3, "/customers/{id}"), "/api/v3/clients/{id}");
  EXPECT_EQ(dialect_path(Dialect::v3, "/customersX"), "/api/v3/customersX");
  EXPECT_EQ(dialect_path(Dialect::v3, "/bookings/{id}"), "/api/v3/bookings/{id}");
}

// v1-style handlers that record what the adapter called them with.
http::Response create_v1(http::RequestContext&) {
  return http::Response::json(200, "\"NEWID\"");
}
http::Response get_doc(http::RequestContext& c) {
  return http::Response::json(200, "{\"_id\":\"" + std::string(c.path_param("id")) + "\"}");
}
http::Response json_true(http::RequestContext&) {
  return http::Response::json(200, "true");
}
http::Response hold_v1(http::RequestContext&) {
  return http::Response::json(200, R"({"_id":"HOLD","people":2})");
}

http::Response refused(http::RequestContext&) {
  return http::Response::json(409, R"({"code":"x"})");
}

class DialectAdapterTest : public ::testing::Test {
 protected:
  http::Response call(const http::Handler& handler, std::vector<std::pair<std::string_view, std::string_view>> params) {
    http::RequestContext context{request_, std::move(params), &principal_, "req", services_};
    return handler(context);
  }

  test::TempDir dir_;
  store::sqlite::SqliteStore store_{dir_.path() / "m.db", store::sqlite::SqliteStore::Owner::server};
  core::ManualClock clock_{core::SystemTime{1'795'687'200'000ms}};
  http::Services services_{store_, clock_};
  http::Request request_;
  http::Principal principal_{"R", "K", {}, {}, domain::Role::owner};
};

TEST_F(DialectAdapterTest, V1HandlersAreUntouched) {
  auto h = for_dialect(Dialect::v1, Shape::create, create_v1, {"/areas/{new}", get_doc});
  auto r = call(h, {});
  EXPECT_EQ(r.status, 200u);
  EXPECT_EQ(r.body, "\"NEWID\"");
  EXPECT_TRUE(r.header("Location").empty());
}

TEST_F(DialectAdapterTest, CreateIs201WithLocationAndTheDocument) {
  auto h = for_dialect(Dialect::v3, Shape::create, create_v1, {"/customers/{new}", get_doc});
  auto r = call(h, {});
  EXPECT_EQ(r.status, 201u);
  EXPECT_EQ(r.header("Location"), "/api/v3/clients/NEWID");
  EXPECT_EQ(r.body, R"({"_id":"NEWID"})");
}

TEST_F(DialectAdapterTest, ASubResourceCreateAnswersItsParent) {
  auto h = for_dialect(Dialect::v3, Shape::create, create_v1, {"/bookings/{id}", get_doc});
  auto r = call(h, {{"id", "BOOKING"}});
  EXPECT_EQ(r.status, 201u);
  EXPECT_EQ(r.header("Location"), "/api/v3/bookings/BOOKING");
  EXPECT_EQ(r.body, R"({"_id":"BOOKING"})");
}

TEST_F(DialectAdapterTest, ACreateAnsweringItsDocumentKeepsIt) {
  auto h = for_dialect(Dialect::v3, Shape::create, hold_v1, {"/bookingFlow/holds/{new}", nullptr});
  auto r = call(h, {});
  EXPECT_EQ(r.status, 201u);
  EXPECT_EQ(r.header("Location"), "/api/v3/bookingFlow/holds/HOLD");
  EXPECT_EQ(r.body, R"({"_id":"HOLD","people":2})");
}

TEST_F(DialectAdapterTest, UpdateAnswersTheUpdatedDocument) {
  auto h = for_dialect(Dialect::v3, Shape::update, json_true, {"/areas/{id}", get_doc});
  auto r = call(h, {{"id", "AREA"}});
  EXPECT_EQ(r.status, 200u);
  EXPECT_EQ(r.body, R"({"_id":"AREA"})");
}

TEST_F(DialectAdapterTest, DeleteIs204WithoutBody) {
  auto h = for_dialect(Dialect::v3, Shape::remove, json_true);
  auto r = call(h, {{"id", "AREA"}});
  EXPECT_EQ(r.status, 204u);
  EXPECT_TRUE(r.body.empty());
}

TEST_F(DialectAdapterTest, AnswersOutside2xxPassThrough) {
  for (Shape shape : {Shape::create, Shape::update, Shape::remove}) {
    auto r = call(for_dialect(Dialect::v3, shape, refused, {"/areas/{new}", get_doc}), {{"id", "AREA"}});
    EXPECT_EQ(r.status, 409u);
    EXPECT_EQ(r.body, R"({"code":"x"})");
    EXPECT_TRUE(r.header("Location").empty());
  }
}

}  // namespace
}  // namespace maitred::api
