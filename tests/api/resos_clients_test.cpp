// What real resOS client programs need beyond the booking basics (issue 13,
// section 4): the health check, tables offered as combinations, custom field
// answers that echo their definition, bookings filed under their service,
// setup lists that sort, search and page, and dates clients mistype.

#include <set>
#include <string>
#include <vector>

#include "api/api_fixture.hpp"
#include "api/booking_bodies.hpp"
#include "api/json_paths.hpp"
#include "api/query_encoding.hpp"

namespace maitred::test {
namespace {

// 2027-01-08 is a Friday: the demo serves lunch 11:30-14:30 and dinner
// 17:30-00:30.
const std::string kFriday = "2027-01-08";

class ResosClientsTest : public ApiTest {
 protected:
  std::vector<std::string> server_args() const override { return {"--rate-limit", "100000"}; }

  std::string create(const std::string& body) {
    Reply r = call("POST", "/v1/bookings", body);
    EXPECT_EQ(r.status, 200u) << body << " -> " << r.body;
    auto doc = parse(r.body);
    return r.status == 200 && doc.IsString() ? doc.GetString() : std::string{};
  }

  rapidjson::Document booking(const std::string& id) { return parse(call("GET", "/v1/bookings/" + id).body); }

  std::string id_named(const std::string& name, const std::string& path) {
    const auto list = parse(call("GET", path).body);
    for (const auto& item : list.GetArray()) {
      if (name == item["name"].GetString()) return item["_id"].GetString();
    }
    ADD_FAILURE() << "nothing named " << name << " in " << path;
    return {};
  }

  // The names of a list's documents, in order.
  std::vector<std::string> names(const std::string& target, const Headers& extra = {}) {
    Reply r = call("GET", target, {}, extra);
    EXPECT_EQ(r.status, 200u) << target << " -> " << r.body;
    std::vector<std::string> out;
    auto list = parse(r.body);
    if (!list.IsArray()) return out;
    for (const auto& item : list.GetArray()) out.push_back(item["name"].GetString());
    return out;
  }

  void expect_refused(const std::string& method, const std::string& target, const std::string& body,
                      const std::string& field, const std::string& code = {}) {
    Reply r = call(method, target, body);
    EXPECT_EQ(r.status, 422u) << method << " " << target << " " << body << " -> " << r.body;
    EXPECT_EQ(string_at(r.body, "field"), field) << target << " -> " << r.body;
    if (!code.empty()) {
      EXPECT_EQ(string_at(r.body, "code"), code) << target << " -> " << r.body;
    }
  }
};

// --- GET /v1/healthcheck -------------------------------------------------

TEST_F(ResosClientsTest, HealthcheckAnswersOkAndTheKeysRestaurant) {
  Reply r = call("GET", "/v1/healthcheck");
  ASSERT_EQ(r.status, 200u) << r.body;
  auto doc = parse(r.body);
  EXPECT_EQ(at(doc, "status"), q("ok"));
  EXPECT_EQ(text_at(doc, "restaurantId"), text_at(parse(call("GET", "/v1/restaurant").body), "_id"));
  EXPECT_EQ(get("/v1/healthcheck").status, 401u);
}

// --- tables: a combination as availableTables lists it -------------------

TEST_F(ResosClientsTest, ACombinationFromAvailableTablesBooksItsTables) {
  Reply r = call("GET", "/v1/bookingFlow/availableTables?people=10&fromDateTime=" + kFriday +
                            "T19:00:00&toDateTime=" + kFriday + "T21:00:00");
  ASSERT_EQ(r.status, 200u) << r.body;
  std::string combination;
  const auto listed = parse(r.body);
  for (const auto& item : listed.GetArray()) {
    if (std::string(item["name"].GetString()) != "T11 + T12") continue;
    combination = item["_id"].GetString();
    // Both tables are in the dining room: so is the combination.
    EXPECT_EQ(at(item, "area.name"), q("Dining room")) << r.body;
  }
  ASSERT_FALSE(combination.empty()) << r.body;

  const std::string id = create(booking_body(kFriday, "19:00", 10, R"("tables":[")" + combination + R"("])"));
  auto doc = booking(id);
  EXPECT_EQ(at(doc, "tables.0.name"), q("T11"));
  EXPECT_EQ(at(doc, "tables.1.name"), q("T12"));
  EXPECT_EQ(at(doc, "tables.2"), "<absent>");
  EXPECT_EQ(at(doc, "tables.0.area.name"), q("Dining room"));

  // The same seating checks as for tables named one by one.
  expect_refused("POST", "/v1/bookings", booking_body(kFriday, "19:30", 8, R"("tables":[")" + combination + R"("])"),
                 "tables", "table_unavailable");
  const std::string t11 = id_named("T11", "/v1/tables");
  expect_refused("POST", "/v1/bookings",
                 booking_body(kFriday, "22:00", 10, R"("tables":[")" + combination + R"(",")" + t11 + R"("])"),
                 "tables[1]");
}

TEST_F(ResosClientsTest, ACombinationSeatsWhatTheRestaurantSaysNotTheSumOfItsTables) {
  // T5 and T6 seat two each; joined, five.
  const std::string t5 = id_named("T5", "/v1/tables"), t6 = id_named("T6", "/v1/tables");
  Reply made = call("POST", "/v1/tableCombinations",
                    R"({"tableIds":[")" + t5 + R"(",")" + t6 + R"("],"seatsMin":3,"seatsMax":5})");
  ASSERT_EQ(made.status, 200u) << made.body;
  const std::string combination = parse(made.body).GetString();
  create(booking_body(kFriday, "19:00", 5, R"("tables":[")" + combination + R"("])"));
  expect_refused("POST", "/v1/bookings", booking_body(kFriday, "21:30", 6, R"("tables":[")" + combination + R"("])"),
                 "tables", "tables_too_small");
}

TEST_F(ResosClientsTest, ACombinationAcrossAreasListsNoArea) {
  const std::string t6 = id_named("T6", "/v1/tables"), p1 = id_named("P1", "/v1/tables");
  Reply made = call("POST", "/v1/tableCombinations", R"({"tableIds":[")" + t6 + R"(",")" + p1 + R"("],"seatsMax":6})");
  ASSERT_EQ(made.status, 200u) << made.body;
  Reply r = call("GET", "/v1/bookingFlow/availableTables?people=5&fromDateTime=" + kFriday +
                            "T19:00:00&toDateTime=" + kFriday + "T21:00:00");
  bool found = false;
  const auto listed = parse(r.body);
  for (const auto& item : listed.GetArray()) {
    if (std::string(item["name"].GetString()) != "T6 + P1") continue;
    found = true;
    EXPECT_EQ(at(item, "area"), "<absent>") << r.body;
  }
  EXPECT_TRUE(found) << r.body;
}

// --- custom field answers ---------------------------------------------------

TEST_F(ResosClientsTest, AnAnswerMayEchoItsDefinitionAndGiveItsOptionAsAList) {
  rapidjson::Document fields = parse(call("GET", "/v1/customFields").body);
  std::string occasion_definition, business;
  for (const auto& f : fields.GetArray()) {
    if (std::string(f["name"].GetString()) != "occasion") continue;
    occasion_definition = at(f, "");
    for (const auto& option : f["multipleChoiceSelections"].GetArray()) {
      if (std::string(option["name"].GetString()) == "Business") business = option["_id"].GetString();
    }
  }
  ASSERT_FALSE(business.empty());
  // The definition as listed, with the answer added: {..., "value": [...]}.
  occasion_definition.pop_back();
  const std::string answer = occasion_definition + R"(,"value":[{"_id":")" + business + R"(","name":"Business"}]})";
  const std::string id = create(booking_body(kFriday, "19:00", 2, R"("customFields":[)" + answer + "]"));
  auto doc = booking(id);
  EXPECT_EQ(at(doc, "customFields.0.name"), q("occasion"));
  EXPECT_EQ(at(doc, "customFields.0.value"), q(business));
  EXPECT_EQ(at(doc, "customFields.0.multipleChoiceValueName"), q("Business"));

  // Only inside an answer: the booking itself still refuses unknown keys.
  expect_refused("POST", "/v1/bookings", booking_body(kFriday, "19:00", 2, R"("label":"x")"), "label", "unknown_field");
}

// --- openingHourId and openingHourName --------------------------------------

TEST_F(ResosClientsTest, ABookingIsFiledUnderTheServiceItStartsIn) {
  std::string friday_dinner, friday_lunch;
  const auto hours = parse(call("GET", "/v1/openingHours").body);
  for (const auto& h : hours.GetArray()) {
    if (h["special"].GetBool() || h["day"].GetInt() != 5) continue;
    (std::string(h["name"].GetString()) == "Dinner" ? friday_dinner : friday_lunch) = h["_id"].GetString();
  }
  ASSERT_FALSE(friday_dinner.empty());
  ASSERT_FALSE(friday_lunch.empty());

  const std::string dinner = create(booking_body(kFriday, "20:00", 2));
  EXPECT_EQ(at(booking(dinner), "openingHourId"), q(friday_dinner));
  EXPECT_EQ(at(booking(dinner), "openingHourName"), q("Dinner"));
  // Friday's dinner runs past midnight into Saturday.
  const std::string late = create(booking_body("2027-01-09", "00:15", 2));
  EXPECT_EQ(at(booking(late), "openingHourId"), q(friday_dinner));

  // Moved to lunch: filed under lunch; outside every service: under none.
  ASSERT_EQ(call("PUT", "/v1/bookings/" + dinner, R"({"time":"12:00"})").status, 200u);
  EXPECT_EQ(at(booking(dinner), "openingHourId"), q(friday_lunch));
  EXPECT_EQ(at(booking(dinner), "openingHourName"), q("Lunch"));
  ASSERT_EQ(call("PUT", "/v1/bookings/" + dinner, R"({"time":"16:00","allowOverbooking":true})").status, 200u);
  EXPECT_EQ(at(booking(dinner), "openingHourId"), q(""));
  EXPECT_EQ(at(booking(dinner), "openingHourName"), q(""));

  // What the client names is kept.
  const std::string named = create(booking_body(kFriday, "20:30", 2, R"("openingHourId":")" + friday_lunch + "\""));
  EXPECT_EQ(at(booking(named), "openingHourName"), q("Lunch"));
}

TEST(ResosDemoBookings, AreEachFiledUnderTheirService) {
  TempDir dir;
  auto demo = run_maitred({"demo", "--data", dir.path().string()});
  ASSERT_EQ(demo.exit_code, 0) << demo.err;
  ServerProcess server(dir.path(), {});
  HttpClient c(server.port(), dir.path() / "tls-cert.pem");
  std::size_t seen = 0;
  for (int skip = 0; skip < 2000; skip += 100) {
    Reply r = c.request("GET", "/v1/bookings?limit=100&skip=" + std::to_string(skip),
                        {{"Authorization", basic_auth(demo.last_line())}});
    ASSERT_EQ(r.status, 200u) << r.body;
    auto page = parse(r.body);
    for (const auto& b : page.GetArray()) {
      const std::string name = b["openingHourName"].GetString();
      EXPECT_TRUE(name == "Lunch" || name == "Dinner" || name == "New Year's Eve") << at(b, "");
      EXPECT_NE(at(b, "openingHourId"), q("")) << at(b, "");
    }
    seen += page.Size();
    if (page.Size() < 100) break;
  }
  EXPECT_GT(seen, 100u);
}

// --- setup lists: sort, customQuery, skip, limit ---------------------------

TEST_F(ResosClientsTest, SetupListsSortSearchAndPageAsBookingsDo) {
  EXPECT_EQ(names("/v1/tables?sort=name:1&customQuery=" + encode("seatsMax>6")),
            (std::vector<std::string>{"P7", "P8"}));
  EXPECT_EQ(names("/v1/tables?sort=name:1", {{"customQuery", R"(area.name:"Terrace",seatsMax<8)"}}),
            (std::vector<std::string>{"P1", "P2", "P3", "P4", "P5", "P6"}));
  EXPECT_EQ(names("/v1/tables?sort=" + encode("seatsMax:-1,name:-1") + "&limit=3"),
            (std::vector<std::string>{"P8", "P7", "T12"}));
  EXPECT_EQ(names("/v1/tables?sort=" + encode("priority:1") + "&skip=18"), (std::vector<std::string>{"P7", "P8"}));
  // Without limit a setup list is whole, as before it was paged.
  EXPECT_EQ(names("/v1/tables").size(), 20u);
  EXPECT_EQ(names("/v1/areas?sort=" + encode("name:-1")), (std::vector<std::string>{"Terrace", "Dining room"}));
  EXPECT_EQ(names("/v1/tableCombinations?customQuery=" + encode("seatsMax>8")),
            (std::vector<std::string>{"T11 + T12"}));
  EXPECT_EQ(names("/v1/openingHours?customQuery=" + encode(R"(name:"Lunch")")).size(), 5u);
  EXPECT_EQ(names("/v1/openingHours?onlySpecial=true&sort=" + encode("name:1")),
            (std::vector<std::string>{"Christmas Eve", "New Year's Eve"}));
  EXPECT_EQ(names("/v1/customFields?customQuery=" + encode(R"(type;"DROP")")), (std::vector<std::string>{"occasion"}));
  EXPECT_EQ(names("/v1/customFields?sort=" + encode("sortIndex:-1")),
            (std::vector<std::string>{"highChairs", "occasion", "allergies"}));

  for (const char* list :
       {"/v1/tables", "/v1/areas", "/v1/tableCombinations", "/v1/openingHours", "/v1/customFields"}) {
    SCOPED_TRACE(list);
    expect_refused("GET", std::string(list) + "?sort=" + encode("::"), {}, "sort", "invalid_sort");
    expect_refused("GET", std::string(list) + "?sort=name", {}, "sort", "invalid_sort");
    expect_refused("GET", std::string(list) + "?customQuery=" + encode("seatsMax>"), {}, "customQuery",
                   "invalid_search");
    expect_refused("GET", std::string(list) + "?limit=101", {}, "limit");
    expect_refused("GET", std::string(list) + "?skip=-1", {}, "skip");
  }
}

// --- dates and sorts clients mistype ------------------------------------------

TEST_F(ResosClientsTest, DatesOutsideTheYears1900To2199AreRefused) {
  for (const char* date : {"0000-01-01", "1899-12-31", "2200-01-01"}) {
    SCOPED_TRACE(date);
    expect_refused("POST", "/v1/bookings", booking_body(date, "19:00", 2), "date");
    expect_refused("GET", std::string("/v1/bookingFlow/times?people=2&date=") + date, {}, "date");
    expect_refused("GET", std::string("/v1/bookingFlow/dates?toDate=2027-01-10&fromDate=") + date, {}, "fromDate");
    expect_refused("GET", std::string("/v1/bookings?fromDateTime=") + date, {}, "fromDateTime");
    expect_refused("GET", std::string("/v1/bookings?toDateTime=") + date + "T12:00:00Z", {}, "toDateTime");
    expect_refused("POST", "/v1/openingHours",
                   std::string(R"({"special":true,"isOpen":false,"name":"Closed","date":")") + date + "\"}", "date");
  }
  expect_refused("POST", "/v1/openingHours",
                 R"({"special":true,"isOpen":false,"name":"Closed","date":"2027-01-01","toDate":"2200-01-01"})",
                 "toDate");
  // The edges of the range are dates like any other.
  EXPECT_EQ(call("GET", "/v1/bookings?fromDateTime=1900-01-01&toDateTime=2199-12-31").status, 200u);
}

TEST_F(ResosClientsTest, ASortWithoutADirectionIsRefused) {
  expect_refused("GET", "/v1/bookings?sort=people", {}, "sort", "invalid_sort");
  expect_refused("GET", "/v1/bookings?sort=" + encode("dateTime:1,people"), {}, "sort", "invalid_sort");
  EXPECT_EQ(call("GET", "/v1/bookings?sort=" + encode("people:-1")).status, 200u);
}

}  // namespace
}  // namespace maitred::test
