// Customers (from booking guests), orders and feedback, end to end.

#include "api/api_fixture.hpp"

namespace maitred::test {
namespace {

class GuestRecordsTest : public ApiTest {
 protected:
  std::vector<std::string> server_args() const override { return {"--rate-limit", "100000"}; }

  Reply call(const std::string& method, const std::string& target, const std::string& body = {}) {
    Headers headers{{"Authorization", basic_auth(key())}};
    if (!body.empty()) headers.emplace_back("Content-Type", "application/json");
    return send(method, target, headers, body);
  }
  std::string create(const std::string& target, const std::string& body) {
    Reply r = call("POST", target, body);
    EXPECT_EQ(r.status, 200u) << body << " -> " << r.body;
    auto doc = parse(r.body);
    return doc.IsString() ? doc.GetString() : std::string{};
  }
  std::string book(const std::string& date, const std::string& guest) {
    return create("/v1/bookings", R"({"date":")" + date + R"(","time":"19:00","people":2,"guest":)" + guest + "}");
  }
  rapidjson::Document list(const std::string& target) {
    Reply r = call("GET", target);
    EXPECT_EQ(r.status, 200u) << r.body;
    return parse(r.body);
  }
};

TEST_F(GuestRecordsTest, GuestsBecomeCustomersMatchedByEmailOrPhone) {
  book("2026-12-04", R"({"name":"Ada","email":"Ada@Example.com"})");
  book("2026-12-11", R"({"name":"Ada Lovelace","email":"ada@example.com","phone":"+45 11 11 11 11"})");
  book("2026-12-18", R"({"name":"A. Lovelace","phone":"+4511111111"})");
  book("2026-12-19", R"({"name":"Bob","phone":"+4522222222"})");
  book("2026-12-20", R"({"name":"No contact"})");
  auto customers = list("/v1/customers?sort=bookingCount:-1");
  ASSERT_EQ(customers.Size(), 2u);
  EXPECT_EQ(customers[0]["bookingCount"].GetInt(), 3);
  EXPECT_STREQ(customers[0]["name"].GetString(), "A. Lovelace");  // the latest booking's name
  EXPECT_STREQ(customers[0]["email"].GetString(), "ada@example.com");
  EXPECT_STREQ(customers[0]["phone"].GetString(), "+4511111111");
  EXPECT_STREQ(customers[0]["firstBookingAt"].GetString(), "2026-12-04T18:00:00Z");
  EXPECT_STREQ(customers[0]["lastBookingAt"].GetString(), "2026-12-18T18:00:00Z");
  EXPECT_EQ(customers[1]["bookingCount"].GetInt(), 1);

  const std::string ada = customers[0]["_id"].GetString();
  auto bookings = list("/v1/bookings?customQuery=" + std::string("customerId:%22") + ada + "%22");
  EXPECT_EQ(bookings.Size(), 3u);
  Reply one = call("GET", "/v1/customers/" + ada);
  EXPECT_EQ(one.status, 200u);
  EXPECT_EQ(string_at(one.body, "_id"), ada);
}

TEST_F(GuestRecordsTest, CustomerListsPageSortAndSearch) {
  for (int i = 0; i < 5; ++i) {
    book("2026-12-0" + std::to_string(i + 1),
         R"({"name":"Guest )" + std::to_string(i) + R"(","email":"g)" + std::to_string(i) + R"(@example.com"})");
  }
  EXPECT_EQ(list("/v1/customers?limit=2").Size(), 2u);
  EXPECT_EQ(list("/v1/customers?limit=2&skip=4").Size(), 1u);
  EXPECT_EQ(list("/v1/customers?offset=3").Size(), 2u);
  auto sorted = list("/v1/customers?sort=name:-1");
  EXPECT_STREQ(sorted[0]["name"].GetString(), "Guest 4");
  auto found = list("/v1/customers?customQuery=email;%22G3@%22");
  ASSERT_EQ(found.Size(), 1u);
  EXPECT_STREQ(found[0]["email"].GetString(), "g3@example.com");
  EXPECT_EQ(call("GET", "/v1/customers?limit=101").status, 422u);
  EXPECT_EQ(call("GET", "/v1/customers?customQuery=name").status, 422u);
  EXPECT_EQ(call("GET", "/v1/customers/AAAAAAAAAAAAAAAAA").status, 404u);
}

TEST_F(GuestRecordsTest, ErasingABookingRecountsItsCustomerAndTakesOrdersAndFeedback) {
  const auto first = book("2026-12-04", R"({"name":"Ada","email":"ada@example.com"})");
  book("2026-12-11", R"({"name":"Ada","email":"ada@example.com"})");
  const auto order = create("/v1/orders", R"({"bookingId":")" + first + R"(","items":[{"name":"Menu","price":10}]})");
  const auto feedback = create("/v1/feedback", R"({"bookingId":")" + first + R"(","rating":4})");
  ASSERT_EQ(call("DELETE", "/v1/bookings/" + first).status, 204u);
  auto customers = list("/v1/customers");
  ASSERT_EQ(customers.Size(), 1u);
  EXPECT_EQ(customers[0]["bookingCount"].GetInt(), 1);
  EXPECT_STREQ(customers[0]["firstBookingAt"].GetString(), "2026-12-11T18:00:00Z");
  EXPECT_EQ(call("GET", "/v1/orders/" + order).status, 404u);
  EXPECT_EQ(call("GET", "/v1/feedback/" + feedback).status, 404u);
}

TEST_F(GuestRecordsTest, OrdersComputeTheirTotal) {
  const auto booking = book("2026-12-04", R"({"name":"Ada"})");
  const auto id = create("/v1/orders", R"({"bookingId":")" + booking +
                                           R"(","items":[{"name":"Menu","quantity":2,"price":49.5,"notes":"no nuts"},)"
                                           R"({"name":"Wine","price":30}],"status":"confirmed"})");
  Reply r = call("GET", "/v1/orders/" + id);
  ASSERT_EQ(r.status, 200u);
  auto doc = parse(r.body);
  EXPECT_EQ(doc["totalAmount"].GetDouble(), 129.0);
  EXPECT_STREQ(doc["status"].GetString(), "confirmed");
  EXPECT_EQ(doc["items"][0]["quantity"].GetInt(), 2);
  EXPECT_EQ(doc["items"][1]["quantity"].GetInt(), 1);
  EXPECT_STREQ(doc["items"][0]["notes"].GetString(), "no nuts");
  EXPECT_EQ(list("/v1/orders").Size(), 1u);
}

TEST_F(GuestRecordsTest, BadOrdersAreRefused) {
  const auto booking = book("2026-12-04", R"({"name":"Ada"})");
  struct Case {
    std::string body;
    unsigned status;
    std::string field;
  };
  for (const auto& c : std::vector<Case>{
           {R"({"items":[{"name":"Menu","price":1}]})", 422, "bookingId"},
           {R"({"bookingId":"AAAAAAAAAAAAAAAAA","items":[{"name":"Menu","price":1}]})", 404, "bookingId"},
           {R"({"bookingId":")" + booking + R"(","items":[]})", 422, "items"},
           {R"({"bookingId":")" + booking + R"(","items":[{"price":1}]})", 422, "items[0].name"},
           {R"({"bookingId":")" + booking + R"(","items":[{"name":"x","price":-1}]})", 422, "items[0].price"},
           {R"({"bookingId":")" + booking + R"(","items":[{"name":"x","price":1.005}]})", 422, "items[0].price"},
           {R"({"bookingId":")" + booking + R"(","items":[{"name":"x","quantity":0}]})", 422, "items[0].quantity"},
           {R"({"bookingId":")" + booking + R"(","items":[{"name":"x"}],"status":"eaten"})", 422, "status"},
           {R"({"bookingId":")" + booking + R"(","items":[{"name":"x"}],"tip":5})", 422, "tip"},
       }) {
    Reply r = call("POST", "/v1/orders", c.body);
    EXPECT_EQ(r.status, c.status) << c.body << " -> " << r.body;
    EXPECT_EQ(string_at(r.body, "field"), c.field) << c.body << " -> " << r.body;
  }
  EXPECT_EQ(list("/v1/orders").Size(), 0u);
}

TEST_F(GuestRecordsTest, FeedbackNeedsARatingFromOneToFive) {
  const auto booking = book("2026-12-04", R"({"name":"Ada"})");
  EXPECT_EQ(call("POST", "/v1/feedback", R"({"bookingId":")" + booking + R"("})").status, 422u);
  EXPECT_EQ(call("POST", "/v1/feedback", R"({"bookingId":")" + booking + R"(","rating":0})").status, 422u);
  EXPECT_EQ(call("POST", "/v1/feedback", R"({"bookingId":")" + booking + R"(","rating":6})").status, 422u);
  const auto id =
      create("/v1/feedback", R"({"bookingId":")" + booking + R"(","rating":5,"comment":"Lovely","isPublic":true})");
  auto doc = parse(call("GET", "/v1/feedback/" + id).body);
  EXPECT_EQ(doc["rating"].GetInt(), 5);
  EXPECT_STREQ(doc["comment"].GetString(), "Lovely");
  EXPECT_TRUE(doc["isPublic"].GetBool());
  EXPECT_EQ(list("/v1/feedback?customQuery=rating>4").Size(), 1u);
  EXPECT_EQ(list("/v1/feedback?customQuery=rating<5").Size(), 0u);
}

TEST_F(GuestRecordsTest, AnotherRestaurantSeesNoneOfIt) {
  const auto booking = book("2026-12-04", R"({"name":"Ada","email":"ada@example.com"})");
  const auto order = create("/v1/orders", R"({"bookingId":")" + booking + R"(","items":[{"name":"Menu"}]})");
  const auto customer = std::string(list("/v1/customers")[0]["_id"].GetString());
  auto other = run_maitred({"restaurant", "create", "--name", "B", "--timezone", "UTC", "--data", data().string()});
  auto other_key =
      run_maitred({"key", "create", "--restaurant", string_at(other.out, "_id"), "--data", data().string()})
          .last_line();
  auto as_other = [&](const std::string& method, const std::string& target, const std::string& body = {}) {
    auto c = client();
    Headers headers{{"Authorization", basic_auth(other_key)}};
    if (!body.empty()) headers.emplace_back("Content-Type", "application/json");
    return c.request(method, target, headers, body);
  };
  EXPECT_EQ(as_other("GET", "/v1/customers/" + customer).status, 404u);
  EXPECT_EQ(as_other("GET", "/v1/orders/" + order).status, 404u);
  EXPECT_EQ(as_other("GET", "/v1/customers").body, "[]");
  EXPECT_EQ(as_other("GET", "/v1/orders").body, "[]");
  EXPECT_EQ(as_other("POST", "/v1/feedback", R"({"bookingId":")" + booking + R"(","rating":1})").status, 404u);
}

}  // namespace
}  // namespace maitred::test
