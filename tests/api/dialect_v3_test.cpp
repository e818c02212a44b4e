// The Reception Star dialect under /api/v3, end to end: the same resources
// and documents as /v1, with 201 + Location + document on create, the
// updated document on PUT, 204 on delete, offset paging, and `clients` for
// customers.

#include "api/setup_fixture.hpp"

namespace maitred::test {
namespace {

class DialectV3Test : public SetupApiBase {
 protected:
  // The demo restaurant (its key) has opening hours and tables, so bookings
  // can be made there; key() is a fresh restaurant with an empty setup.
  Reply demo(const std::string& method, const std::string& target, const std::string& body = {}) {
    return call_as(demo_key_, method, target, body);
  }
  std::string book(const std::string& prefix, const std::string& date, const std::string& guest) {
    Reply r = demo("POST", prefix + "/bookings",
                   R"({"date":")" + date + R"(","time":"19:00","people":2,"guest":)" + guest + "}");
    EXPECT_TRUE(r.status == 200 || r.status == 201) << r.body;
    auto doc = parse(r.body);
    if (doc.IsString()) return doc.GetString();
    return text_at(doc, "_id");
  }

  // A 201 answer: Location is the new resource's v3 URL, the body its
  // document, byte for byte what a GET of Location answers. Returns the id.
  std::string expect_created(const Reply& r, const std::string& collection_url, const std::string& api_key) {
    EXPECT_EQ(r.status, 201u) << r.body;
    auto doc = parse(r.body);
    const std::string id = text_at(doc, "_id");
    EXPECT_EQ(id.size(), 17u) << r.body;
    EXPECT_EQ(r.header("location"), collection_url + "/" + id);
    Reply again = call_as(api_key, "GET", r.header("location"));
    EXPECT_EQ(again.status, 200u) << again.body;
    EXPECT_EQ(again.body, r.body);
    return id;
  }

  // The error body without its request id, to compare the two dialects.
  static std::string without_request_id(const Reply& r) {
    auto doc = parse(r.body);
    if (doc.IsObject()) doc.RemoveMember("requestId");
    return at(doc, "");
  }
};

TEST_F(DialectV3Test, SetupCollectionCreateUpdateDelete) {
  Reply created = call("POST", "/api/v3/areas", R"({"name":"Terrace","bookingPriority":2})");
  const std::string id = expect_created(created, "/api/v3/areas", key());
  auto doc = parse(created.body);
  EXPECT_EQ(at(doc, "name"), q("Terrace"));
  // The very same document under /v1.
  EXPECT_EQ(call("GET", "/v1/areas/" + id).body, created.body);

  Reply updated = call("PUT", "/api/v3/areas/" + id, R"({"name":"Garden"})");
  EXPECT_EQ(updated.status, 200u) << updated.body;
  EXPECT_EQ(text_at(parse(updated.body), "name"), "Garden");
  EXPECT_EQ(updated.body, call("GET", "/api/v3/areas/" + id).body);

  Reply removed = call("DELETE", "/api/v3/areas/" + id);
  EXPECT_EQ(removed.status, 204u) << removed.body;
  EXPECT_TRUE(removed.body.empty());
  EXPECT_FALSE(removed.has("content-type"));
  EXPECT_EQ(ids_of(read("/api/v3/areas")).size(), 0u);

  // /v1 keeps its own answers.
  const std::string v1 = create("/v1/areas", R"({"name":"Bar"})");
  expect_true(call("PUT", "/v1/areas/" + v1, R"({"name":"Bar 2"})"));
  expect_true(call("DELETE", "/v1/areas/" + v1));
}

TEST_F(DialectV3Test, EverySetupCollectionAnswers201) {
  const std::string area = expect_created(call("POST", "/api/v3/areas", R"({"name":"Room"})"), "/api/v3/areas", key());
  const std::string table = expect_created(
      call("POST", "/api/v3/tables", R"({"name":"T1","seatsMin":1,"seatsMax":4,"areaId":")" + area + R"("})"),
      "/api/v3/tables", key());
  expect_created(call("POST", "/api/v3/customFields", R"({"name":"Allergies"})"), "/api/v3/customFields", key());
  Reply restaurant = call("PUT", "/api/v3/restaurant", R"({"name":"Renamed"})");
  EXPECT_EQ(restaurant.status, 200u) << restaurant.body;
  EXPECT_EQ(text_at(parse(restaurant.body), "name"), "Renamed");
  EXPECT_EQ(call("DELETE", "/api/v3/tables/" + table).status, 204u);
}

TEST_F(DialectV3Test, BookingsCreateReadUpdateDelete) {
  Reply created =
      demo("POST", "/api/v3/bookings", R"({"date":"2026-12-04","time":"19:00","people":2,"guest":{"name":"Ada"}})");
  const std::string id = expect_created(created, "/api/v3/bookings", demo_key_);
  EXPECT_EQ(demo("GET", "/v1/bookings/" + id).body, created.body);

  Reply updated = demo("PUT", "/api/v3/bookings/" + id, R"({"people":3})");
  EXPECT_EQ(updated.status, 200u) << updated.body;
  EXPECT_EQ(at(parse(updated.body), "people"), "3");

  Reply noted = demo("POST", "/api/v3/bookings/" + id + "/restaurantNote", R"({"text":"Window seat"})");
  EXPECT_EQ(noted.status, 201u) << noted.body;
  EXPECT_EQ(noted.header("location"), "/api/v3/bookings/" + id);
  EXPECT_NE(noted.body.find("Window seat"), std::string::npos) << noted.body;

  Reply removed = demo("DELETE", "/api/v3/bookings/" + id);
  EXPECT_EQ(removed.status, 204u) << removed.body;
  EXPECT_TRUE(removed.body.empty());
  EXPECT_EQ(demo("GET", "/api/v3/bookings/" + id).status, 404u);
}

TEST_F(DialectV3Test, HoldsAndCommentsCreateIs201) {
  // One table and Friday dinner in the fresh restaurant; 2027-01-08 is a Friday.
  create("/v1/tables", R"({"name":"F1","seatsMin":1,"seatsMax":4})");
  create("/v1/openingHours", R"({"name":"Dinner","day":5,"open":1800,"close":2300})");
  Reply held = call("POST", "/api/v3/bookingFlow/holds", R"({"date":"2027-01-08","time":"19:00","people":2})");
  EXPECT_EQ(held.status, 201u) << held.body;
  const std::string hold = text_at(parse(held.body), "_id");
  EXPECT_EQ(held.header("location"), "/api/v3/bookingFlow/holds/" + hold);
  Reply released = call("DELETE", held.header("location"));
  EXPECT_EQ(released.status, 204u) << released.body;
  EXPECT_TRUE(released.body.empty());
  EXPECT_EQ(call("DELETE", held.header("location")).status, 404u);

  const std::string booking = book("/api/v3", "2026-12-04", R"({"name":"Ada"})");
  Reply commented = demo("POST", "/api/v3/bookings/" + booking + "/comment", R"({"text":"Birthday"})");
  EXPECT_EQ(commented.status, 201u) << commented.body;
  EXPECT_EQ(commented.header("location"), "/api/v3/bookings/" + booking);
  EXPECT_EQ(commented.body, demo("GET", "/api/v3/bookings/" + booking).body);
  EXPECT_NE(commented.body.find("Birthday"), std::string::npos) << commented.body;
}

TEST_F(DialectV3Test, OrdersAndFeedbackCreateIs201) {
  const std::string booking = book("/v1", "2026-12-04", R"({"name":"Ada"})");
  expect_created(
      demo("POST", "/api/v3/orders", R"({"bookingId":")" + booking + R"(","items":[{"name":"Menu","price":10}]})"),
      "/api/v3/orders", demo_key_);
  expect_created(demo("POST", "/api/v3/feedback", R"({"bookingId":")" + booking + R"(","rating":5})"),
                 "/api/v3/feedback", demo_key_);
}

TEST_F(DialectV3Test, CustomersAreCalledClients) {
  book("/api/v3", "2026-12-04", R"({"name":"Ada","email":"ada@example.com"})");
  Reply v1 = demo("GET", "/v1/customers?customQuery=email:%22ada@example.com%22");
  Reply v3 = demo("GET", "/api/v3/clients?customQuery=email:%22ada@example.com%22");
  EXPECT_EQ(v3.status, 200u) << v3.body;
  EXPECT_EQ(v3.body, v1.body);
  auto ids = ids_of(parse(v3.body));
  ASSERT_EQ(ids.size(), 1u) << v3.body;
  Reply one = demo("GET", "/api/v3/clients/" + ids[0]);
  EXPECT_EQ(one.status, 200u);
  EXPECT_EQ(one.body, demo("GET", "/v1/customers/" + ids[0]).body);
  EXPECT_EQ(demo("GET", "/api/v3/customers").status, 404u);
}

TEST_F(DialectV3Test, ListsPageWithOffsetAndLimit) {
  const std::string booking = book("/v1", "2026-12-04", R"({"name":"Ada"})");
  std::vector<std::string> orders;
  for (int i = 0; i < 5; ++i) {
    Reply r =
        demo("POST", "/v1/orders",
             R"({"bookingId":")" + booking + R"(","items":[{"name":"Dish )" + std::to_string(i) + R"(","price":10}]})");
    ASSERT_EQ(r.status, 200u) << r.body;
  }
  auto all = ids_of(parse(demo("GET", "/api/v3/orders?sort=createdAt:1,_id:1").body));
  ASSERT_EQ(all.size(), 5u);
  auto page = ids_of(parse(demo("GET", "/api/v3/orders?sort=createdAt:1,_id:1&offset=1&limit=2").body));
  EXPECT_EQ(page, (std::vector<std::string>{all[1], all[2]}));
  EXPECT_EQ(page, ids_of(parse(demo("GET", "/v1/orders?sort=createdAt:1,_id:1&skip=1&limit=2").body)));
  EXPECT_EQ(ids_of(parse(demo("GET", "/api/v3/orders?offset=4").body)).size(), 1u);
  EXPECT_EQ(demo("GET", "/api/v3/orders?offset=-1").status, 422u);
  EXPECT_EQ(demo("GET", "/api/v3/orders?limit=101").status, 422u);
}

TEST_F(DialectV3Test, ErrorsAreTheSameAsV1) {
  for (const auto& [method, path, body] : std::vector<std::tuple<std::string, std::string, std::string>>{
           {"POST", "/areas", "{}"},
           {"POST", "/areas", "[1"},
           {"GET", "/areas/AAAAAAAAAAAAAAAAA", ""},
           {"PUT", "/areas/AAAAAAAAAAAAAAAAA", R"({"name":"X"})"},
           {"DELETE", "/tables/AAAAAAAAAAAAAAAAA", ""},
           {"GET", "/bookings?customQuery=people", ""},
           {"PATCH", "/bookings/AAAAAAAAAAAAAAAAA", "{}"},
       }) {
    Reply v1 = call(method, "/v1" + path, body);
    Reply v3 = call(method, "/api/v3" + path, body);
    EXPECT_GE(v1.status, 400u) << method << " " << path;
    EXPECT_EQ(v3.status, v1.status) << method << " " << path << ": " << v3.body;
    EXPECT_EQ(without_request_id(v3), without_request_id(v1)) << method << " " << path;
    EXPECT_EQ(v3.header("allow"), v1.header("allow"));
  }
  Reply unauthenticated = get("/api/v3/areas");
  EXPECT_EQ(unauthenticated.status, 401u);
}

}  // namespace
}  // namespace maitred::test
