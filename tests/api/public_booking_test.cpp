// The public booking API (/public/{slug}/...): no key, the online rules
// always applied, CORS for the restaurant's own websites only, and switched
// off with bookingRules.onlineBooking.

#include "api/setup_fixture.hpp"

namespace maitred::test {
namespace {

class PublicBookingTest : public SetupApiBase {
 protected:
  void SetUp() override {
    SetupApiBase::SetUp();
    if (HasFatalFailure()) return;
    // One four-seat table, dinner on Fridays; 2027-01-08 is a Friday.
    create("/v1/tables", R"({"name":"F1","seatsMin":1,"seatsMax":4})");
    create("/v1/openingHours", R"({"name":"Dinner","day":5,"open":1800,"close":2300})");
    slug_ = string_at(call("GET", "/v1/restaurant").body, "slug");
    ASSERT_FALSE(slug_.empty());
  }
  std::string base() const { return "/public/" + slug_; }
  Reply guest(const std::string& method, const std::string& path, const std::string& body = {}, Headers headers = {}) {
    if (!body.empty()) headers.emplace_back("Content-Type", "application/json");
    return send(method, base() + path, headers, body);
  }
  Reply hold(const std::string& time = "19:00", int people = 2) {
    return guest("POST", "/holds",
                 R"({"date":"2027-01-08","time":")" + time + R"(","people":)" + std::to_string(people) + "}");
  }

  std::string slug_;
};

TEST_F(PublicBookingTest, DatesTellOpenFromBookableForTheParty) {
  Reply open = guest("GET", "/dates?fromDate=2027-01-04&toDate=2027-01-17");
  ASSERT_EQ(open.status, 200u) << open.body;
  EXPECT_EQ(open.body, R"(["2027-01-08","2027-01-15"])");
  // Five guests fit no table: open, but not bookable for them.
  EXPECT_EQ(guest("GET", "/dates?fromDate=2027-01-04&toDate=2027-01-17&people=5").body, "[]");
  EXPECT_EQ(guest("GET", "/dates?fromDate=2027-01-04&toDate=2027-01-17&people=4").body, open.body);
  expect_error(guest("GET", "/dates?fromDate=2027-01-04"), 422, "missing_parameter", "toDate");
}

TEST_F(PublicBookingTest, TimesAlwaysApplyTheOnlineRules) {
  expect_true(call("PUT", "/v1/restaurant", R"({"bookingRules":{"maxOnlinePartySize":2}})"));
  auto doc = parse(guest("GET", "/times?date=2027-01-08&people=3").body);
  ASSERT_TRUE(doc.IsArray() && doc.Size() == 1u);
  EXPECT_EQ(doc[0]["availableTimes"].Size(), 0u);
  EXPECT_EQ(at(doc, "0.unavailableReasons.0.reason"), q("party_too_large"));
  // Staff asking with onlyBookableOnline=false through the API still can.
  auto staff = read("/v1/bookingFlow/times?date=2027-01-08&people=3&onlyBookableOnline=false");
  EXPECT_GT(staff[0]["availableTimes"].Size(), 0u);
  // The parameter is not the guest's to choose.
  auto again = parse(guest("GET", "/times?date=2027-01-08&people=3&onlyBookableOnline=false").body);
  EXPECT_EQ(again[0]["availableTimes"].Size(), 0u);
}

TEST_F(PublicBookingTest, AGuestHoldsATableAndLetsItGo) {
  Reply held = hold();
  ASSERT_EQ(held.status, 200u) << held.body;
  auto doc = parse(held.body);
  EXPECT_EQ(at(doc, "date"), q("2027-01-08"));
  EXPECT_EQ(at(doc, "time"), q("19:00"));
  EXPECT_EQ(at(doc, "now"), q("2026-12-02T10:00:00Z"));
  EXPECT_EQ(at(doc, "expiresAt"), q("2026-12-02T10:10:00Z"));
  EXPECT_FALSE(doc.HasMember("tables")) << "guests do not see table ids";
  EXPECT_FALSE(doc.HasMember("restaurantId"));
  const std::string id = doc["_id"].GetString();

  // The only table is taken: the next guest is told why.
  expect_error(hold(), 422, "no_table", "time");
  auto times = parse(guest("GET", "/times?date=2027-01-08&people=2").body);
  EXPECT_NE(times[0]["unavailableTimes"].Size(), 0u);

  // The change feed shows who did it.
  auto events = read("/v1/events?types=hold.*");
  ASSERT_EQ(events["events"].Size(), 1u);
  EXPECT_EQ(at(events, "events.0.actor.type"), q("guest"));

  expect_true(guest("DELETE", "/holds/" + id));
  EXPECT_EQ(hold().status, 200u);
  expect_error(guest("DELETE", "/holds/" + id), 404, "not_found", "_id");
}

TEST_F(PublicBookingTest, SwitchedOffOnlineBookingIsSaidClearly) {
  expect_true(call("PUT", "/v1/restaurant",
                   R"({"bookingRules":{"onlineBooking":false},"contact":{"phone":"+45 33 12 34 56"}})"));
  auto info = parse(guest("GET", "/restaurant").body);
  EXPECT_FALSE(info["onlineBooking"]["enabled"].GetBool());
  for (const auto& path : {"/dates?fromDate=2027-01-04&toDate=2027-01-17", "/times?date=2027-01-08&people=2"}) {
    Reply refused = guest("GET", path);
    EXPECT_EQ(refused.status, 403u) << path;
    EXPECT_EQ(string_at(refused.body, "code"), "online_booking_disabled");
    EXPECT_NE(string_at(refused.body, "message").find("+45 33 12 34 56"), std::string::npos) << refused.body;
  }
  EXPECT_EQ(hold().status, 403u);
}

TEST_F(PublicBookingTest, OnlyTheRestaurantsOwnWebsitesGetCors) {
  expect_true(call("PUT", "/v1/restaurant", R"({"allowedOrigins":["https://www.bistro.example"]})"));
  const Headers own{{"Origin", "https://www.bistro.example"}};
  const Headers other{{"Origin", "https://evil.example"}};

  Reply allowed = guest("GET", "/restaurant", {}, own);
  EXPECT_EQ(allowed.header("access-control-allow-origin"), "https://www.bistro.example");
  EXPECT_EQ(allowed.header("vary"), "Origin");
  EXPECT_FALSE(guest("GET", "/restaurant", {}, other).has("access-control-allow-origin"));
  // Errors too, or the page could not show them.
  Reply error = guest("GET", "/times?date=2027-01-08", {}, own);
  EXPECT_EQ(error.status, 422u);
  EXPECT_EQ(error.header("access-control-allow-origin"), "https://www.bistro.example");

  Headers preflight = own;
  preflight.emplace_back("Access-Control-Request-Method", "POST");
  preflight.emplace_back("Access-Control-Request-Headers", "content-type");
  Reply options = send("OPTIONS", base() + "/holds", preflight);
  EXPECT_EQ(options.status, 204u) << options.body;
  EXPECT_EQ(options.header("access-control-allow-origin"), "https://www.bistro.example");
  EXPECT_NE(options.header("access-control-allow-methods").find("POST"), std::string::npos);
  EXPECT_EQ(options.header("access-control-allow-headers"), "Content-Type");
  Reply refused = send("OPTIONS", base() + "/holds", {{"Origin", "https://evil.example"}});
  EXPECT_FALSE(refused.has("access-control-allow-origin"));

  // Never on the authenticated API.
  EXPECT_FALSE(
      send("GET", "/v1/restaurant", {{"Authorization", basic_auth(key())}, own[0]}).has("access-control-allow-origin"));
}

TEST_F(PublicBookingTest, UnknownRestaurantsAreOne404) {
  for (const std::string path :
       {"/public/nobody-here/times?date=2027-01-08&people=2", "/public/NOPE/restaurant", "/public/nobody-here/holds"}) {
    Reply r = send(path.ends_with("holds") ? "POST" : "GET", path, {{"Content-Type", "application/json"}}, "{}");
    EXPECT_EQ(r.status, 404u) << path;
    EXPECT_EQ(string_at(r.body, "code"), "not_found");
  }
}

// Abuse limits count per server: a suite of its own, with a low limit.
class PublicBookingLimitsTest : public PublicBookingTest {
 protected:
  std::vector<std::string> server_args() const override {
    return {"--rate-limit", "100000", "--guest-holds-per-hour", "2"};
  }
};

TEST_F(PublicBookingLimitsTest, HoldsPerAddressAreLimitedWithRetryAfter) {
  create("/v1/tables", R"({"name":"F2","seatsMin":1,"seatsMax":4})");
  create("/v1/tables", R"({"name":"F3","seatsMin":1,"seatsMax":4})");
  EXPECT_EQ(hold("19:00").status, 200u);
  EXPECT_EQ(hold("19:00").status, 200u);
  Reply over = hold("19:00");
  EXPECT_EQ(over.status, 429u) << over.body;
  EXPECT_EQ(string_at(over.body, "code"), "too_many_attempts");
  const long long wait_ms = std::stoll(over.header("retry-after"));
  EXPECT_GT(wait_ms, 0);
  EXPECT_LE(wait_ms, 3600 * 1000);
  // Without --trusted-proxy, X-Forwarded-For changes nothing.
  Reply forwarded = guest("POST", "/holds", R"({"date":"2027-01-08","time":"19:00","people":2})",
                          {{"X-Forwarded-For", "203.0.113.5"}});
  EXPECT_EQ(forwarded.status, 429u) << forwarded.body;
}

// Behind a trusted reverse proxy (here: the test itself, on loopback), the
// client is the address X-Forwarded-For names, with a hold budget of its own.
class PublicBookingProxyTest : public PublicBookingTest {
 protected:
  std::vector<std::string> server_args() const override {
    return {"--rate-limit",    "100000",       "--guest-holds-per-hour", "1",
            "--trusted-proxy", "127.0.0.1/32", "--trusted-proxy",        "::1"};
  }
  Reply hold_from(const std::string& client) {
    return guest("POST", "/holds", R"({"date":"2027-01-08","time":"19:00","people":2})",
                 {{"X-Forwarded-For", "198.51.100.77, " + client}});
  }
};

TEST_F(PublicBookingProxyTest, ForwardedClientsHaveBudgetsOfTheirOwn) {
  create("/v1/tables", R"({"name":"F2","seatsMin":1,"seatsMax":4})");
  create("/v1/tables", R"({"name":"F3","seatsMin":1,"seatsMax":4})");
  EXPECT_EQ(hold_from("203.0.113.5").status, 200u);
  EXPECT_EQ(hold_from("203.0.113.5").status, 429u) << "one hold an hour per address";
  EXPECT_EQ(hold_from("203.0.113.6").status, 200u) << "another client behind the same proxy";
  EXPECT_EQ(hold("19:00").status, 200u) << "the proxy's own address is a client too";
}

}  // namespace
}  // namespace maitred::test
