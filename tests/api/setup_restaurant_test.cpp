// The restaurant's own settings over /v1/restaurant, against the real server.

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <stdexcept>

#include "api/setup_fixture.hpp"

namespace maitred::test {
namespace {

class SetupRestaurantTest : public SetupApiBase {
 protected:
  static constexpr const char* kDefaultRules =
      R"({"slotInterval":15,"durations":[{"minPeople":1,"maxPeople":2,"minutes":90},{"minPeople":3,"maxPeople":4,"minutes":120},{"minPeople":5,"maxPeople":8,"minutes":150},{"minPeople":9,"maxPeople":1000,"minutes":180}],"defaultDuration":120,"turnoverBuffer":0,"minNoticeMinutes":60,"maxDaysAhead":90,"defaultStatus":"request","maxOnlinePartySize":8,"holdMinutes":10,"onlineBooking":true,"cancellationDeadlineMinutes":120})";

  // The settings as read, without the update stamp.
  std::string settings() {
    auto doc = read("/v1/restaurant");
    doc.RemoveMember("updatedAt");
    return at(doc, "");
  }

  Reply put(const std::string& body) { return call("PUT", "/v1/restaurant", body); }
};

TEST_F(SetupRestaurantTest, GetShowsTheSettings) {
  auto r = read("/v1/restaurant");
  EXPECT_EQ(at(r, "_id"), q(restaurant_id_));
  EXPECT_EQ(at(r, "name"), q("Setup Test"));
  EXPECT_EQ(at(r, "timezone"), q("Europe/Copenhagen"));
  EXPECT_EQ(at(r, "language"), q("en"));
  EXPECT_EQ(at(r, "contact"), R"({"phone":"","email":"","website":""})");
  EXPECT_EQ(at(r, "address"), R"({"street":"","city":"","postalCode":"","country":""})");
  EXPECT_EQ(at(r, "bookingRules"), kDefaultRules);
  EXPECT_EQ(at(r, "createdAt").size(), 22u) << at(r, "createdAt");  // "2026-01-20T18:30:00Z" in quotes
  EXPECT_EQ(at(r, "updatedAt").size(), 22u) << at(r, "updatedAt");
}

TEST_F(SetupRestaurantTest, PutChangesOnlyWhatIsSent) {
  expect_true(put(R"({"name":"Chez Test"})"));
  auto r = read("/v1/restaurant");
  EXPECT_EQ(at(r, "name"), q("Chez Test"));
  EXPECT_EQ(at(r, "timezone"), q("Europe/Copenhagen"));
  EXPECT_EQ(at(r, "language"), q("en"));
  EXPECT_EQ(at(r, "bookingRules"), kDefaultRules);

  expect_true(put(R"({"timezone":"America/New_York","language":"da"})"));
  r = read("/v1/restaurant");
  EXPECT_EQ(at(r, "name"), q("Chez Test"));
  EXPECT_EQ(at(r, "timezone"), q("America/New_York"));
  EXPECT_EQ(at(r, "language"), q("da"));
}

TEST_F(SetupRestaurantTest, BookingRulesAreMergedFieldByField) {
  expect_true(put(R"({"bookingRules":{"slotInterval":30}})"));
  std::string expected = kDefaultRules;
  expected.replace(expected.find("\"slotInterval\":15"), 17, "\"slotInterval\":30");
  EXPECT_EQ(at(read("/v1/restaurant"), "bookingRules"), expected) << "the other rules are kept";

  expect_true(put(R"({"bookingRules":{"maxDaysAhead":30,"defaultStatus":"approved"}})"));
  auto rules = read("/v1/restaurant");
  EXPECT_EQ(at(rules, "bookingRules.slotInterval"), "30");
  EXPECT_EQ(at(rules, "bookingRules.maxDaysAhead"), "30");
  EXPECT_EQ(at(rules, "bookingRules.defaultStatus"), q("approved"));
  EXPECT_EQ(at(rules, "bookingRules.minNoticeMinutes"), "60");
  EXPECT_EQ(at(rules, "bookingRules.durations.3.maxPeople"), "1000");
}

TEST_F(SetupRestaurantTest, DurationsReplaceTheWholeList) {
  expect_true(put(
      R"({"bookingRules":{"durations":[{"minPeople":5,"maxPeople":10,"minutes":200},{"minPeople":1,"maxPeople":4,"minutes":100}]}})"));
  auto r = read("/v1/restaurant");
  EXPECT_EQ(at(r, "bookingRules.durations"),
            R"([{"minPeople":5,"maxPeople":10,"minutes":200},{"minPeople":1,"maxPeople":4,"minutes":100}])");
  EXPECT_EQ(at(r, "bookingRules.slotInterval"), "15");
  expect_true(put(R"({"bookingRules":{"durations":[]}})"));
  EXPECT_EQ(at(read("/v1/restaurant"), "bookingRules.durations"), "[]");
}

TEST_F(SetupRestaurantTest, ContactAndAddressAreMergedFieldByField) {
  expect_true(put(R"({"contact":{"phone":"+4512345678"}})"));
  expect_true(put(R"({"contact":{"email":"hello@example.com"}})"));
  expect_true(put(R"({"address":{"city":"Aarhus"},"contact":{"website":"https://example.com"}})"));
  expect_true(put(R"({"address":{"country":"Denmark"}})"));
  auto r = read("/v1/restaurant");
  EXPECT_EQ(at(r, "contact"), R"({"phone":"+4512345678","email":"hello@example.com","website":"https://example.com"})");
  EXPECT_EQ(at(r, "address"), R"({"street":"","city":"Aarhus","postalCode":"","country":"Denmark"})");
}

TEST_F(SetupRestaurantTest, AcceptedSettingValues) {
  for (const char* interval : {"5", "10", "20", "30", "60", "120"}) {
    SCOPED_TRACE(interval);
    expect_true(put(R"({"bookingRules":{"slotInterval":)" + std::string(interval) + "}}"));
    EXPECT_EQ(at(read("/v1/restaurant"), "bookingRules.slotInterval"), interval);
  }
  for (const char* status : {"approved", "waitlist", "request"}) {
    SCOPED_TRACE(status);
    expect_true(put(R"({"bookingRules":{"defaultStatus":")" + std::string(status) + "\"}}"));
    EXPECT_EQ(at(read("/v1/restaurant"), "bookingRules.defaultStatus"), q(status));
  }
  for (const char* language : {"en", "es", "de", "da", "sv"}) {
    SCOPED_TRACE(language);
    expect_true(put(R"({"language":")" + std::string(language) + "\"}"));
    EXPECT_EQ(at(read("/v1/restaurant"), "language"), q(language));
  }
  for (const char* zone : {"UTC", "Asia/Kolkata", "America/Argentina/Buenos_Aires"}) {
    SCOPED_TRACE(zone);
    expect_true(put(R"({"timezone":")" + std::string(zone) + "\"}"));
    EXPECT_EQ(at(read("/v1/restaurant"), "timezone"), q(zone));
  }
}

TEST_F(SetupRestaurantTest, InvalidSettingsAreRefusedAndChangeNothing) {
  struct Case {
    std::string body;
    std::string code;
    std::string field;
  };
  const std::vector<Case> cases = {
      {R"({"timezone":"Mars/Olympus"})", "invalid_field", "timezone"},
      {R"({"timezone":""})", "invalid_field", "timezone"},
      {R"({"timezone":"+01:00"})", "invalid_field", "timezone"},
      {R"({"timezone":1})", "invalid_field", "timezone"},
      {R"({"language":"fr"})", "invalid_field", "language"},
      {R"({"language":"english"})", "invalid_field", "language"},
      {R"({"language":""})", "invalid_field", "language"},
      {R"({"bookingRules":{"slotInterval":7}})", "invalid_field", "bookingRules.slotInterval"},
      {R"({"bookingRules":{"slotInterval":25}})", "invalid_field", "bookingRules.slotInterval"},
      {R"({"bookingRules":{"slotInterval":90}})", "invalid_field", "bookingRules.slotInterval"},
      {R"({"bookingRules":{"slotInterval":0}})", "invalid_field", "bookingRules.slotInterval"},
      {R"({"bookingRules":{"slotInterval":"15"}})", "invalid_field", "bookingRules.slotInterval"},
      {R"({"bookingRules":{"durations":[{"minPeople":1,"maxPeople":4,"minutes":90},{"minPeople":3,"maxPeople":6,"minutes":120}]}})",
       "invalid_field", "bookingRules.durations[1]"},
      {R"({"bookingRules":{"durations":[{"minPeople":1,"maxPeople":4,"minutes":90},{"minPeople":4,"maxPeople":6,"minutes":120}]}})",
       "invalid_field", "bookingRules.durations[1]"},
      {R"({"bookingRules":{"durations":[{"minPeople":1,"maxPeople":10,"minutes":90},{"minPeople":3,"maxPeople":4,"minutes":120}]}})",
       "invalid_field", "bookingRules.durations[1]"},
      {R"({"bookingRules":{"durations":[{"minPeople":5,"maxPeople":2,"minutes":90}]}})", "invalid_field",
       "bookingRules.durations[0]"},
      {R"({"bookingRules":{"durations":[{"minPeople":1,"maxPeople":2}]}})", "missing_field",
       "bookingRules.durations[0].minutes"},
      {R"({"bookingRules":{"durations":[{"minPeople":1,"maxPeople":2,"minutes":10}]}})", "invalid_field",
       "bookingRules.durations[0].minutes"},
      {R"({"bookingRules":{"durations":[{"minPeople":1,"maxPeople":2,"minutes":90,"note":"x"}]}})", "unknown_field",
       "bookingRules.durations[0].note"},
      {R"({"bookingRules":{"durations":{"minPeople":1}}})", "invalid_field", "bookingRules.durations"},
      {R"({"bookingRules":{"defaultStatus":"seated"}})", "invalid_field", "bookingRules.defaultStatus"},
      {R"({"bookingRules":{"defaultStatus":"canceled"}})", "invalid_field", "bookingRules.defaultStatus"},
      {R"({"bookingRules":{"defaultStatus":"accepted"}})", "invalid_field", "bookingRules.defaultStatus"},
      {R"({"bookingRules":{"defaultDuration":10}})", "invalid_field", "bookingRules.defaultDuration"},
      {R"({"bookingRules":{"maxDaysAhead":0}})", "invalid_field", "bookingRules.maxDaysAhead"},
      {R"({"bookingRules":{"turnoverBuffer":-5}})", "invalid_field", "bookingRules.turnoverBuffer"},
      {R"({"bookingRules":{"slotInterval":30,"colour":"red"}})", "unknown_field", "bookingRules.colour"},
      {R"({"bookingRules":[]})", "invalid_field", "bookingRules"},
      {R"({"contact":{"fax":"123"}})", "unknown_field", "contact.fax"},
      {R"({"contact":"+4512345678"})", "invalid_field", "contact"},
      {R"({"address":{"zip":"8000"}})", "unknown_field", "address.zip"},
      {R"({"name":""})", "invalid_field", "name"},
      {R"({"name":"   "})", "invalid_field", "name"},
      {R"({"name":5})", "invalid_field", "name"},
      {R"({"name":")" + std::string(201, 'x') + "\"}", "invalid_field", "name"},
      {R"({"_id":"LLLLLLLLLLLLLLLLL"})", "invalid_field", "_id"},
      {R"({"restaurantId":"LLLLLLLLLLLLLLLLL"})", "invalid_field", "restaurantId"},
      {R"({"owner":"me"})", "unknown_field", "owner"},
      // One bad value spoils the whole change.
      {R"({"name":"Changed","timezone":"Mars/Olympus"})", "invalid_field", "timezone"},
      {R"({"bookingRules":{"slotInterval":30,"defaultStatus":"seated"}})", "invalid_field",
       "bookingRules.defaultStatus"},
      {R"(["name"])", "invalid_field", ""},
  };
  const std::string before = settings();
  for (const auto& c : cases) {
    SCOPED_TRACE(c.body);
    expect_error(put(c.body), 422, c.code, c.field);
    EXPECT_EQ(settings(), before);
  }
}

TEST_F(SetupRestaurantTest, DurationErrorsNameTheRuleAsSent) {
  // The second rule, as sent, is the broken one (3 > 2).
  const std::string body =
      R"({"bookingRules":{"durations":[{"minPeople":5,"maxPeople":8,"minutes":150},{"minPeople":3,"maxPeople":2,"minutes":90}]}})";
  // The rules are checked in order of minPeople, but the field must name the
  // rule's position in the request, not in that order.
  expect_error(put(body), 422, "invalid_field", "bookingRules.durations[1]");
}

TEST_F(SetupRestaurantTest, TimezoneErrorSaysWhatIsWrong) {
  Reply r = put(R"({"timezone":"Mars/Olympus"})");
  expect_error(r, 422, "invalid_field", "timezone");
  EXPECT_NE(string_at(r.body, "message").find("Mars/Olympus"), std::string::npos) << r.body;
}

TEST_F(SetupRestaurantTest, NullNameIsRefusedAsAnInvalidName) {
  // `name` is a known field: null is a bad value, not an unknown field.
  expect_error(put(R"({"name":null})"), 422, "invalid_field", "name");
  EXPECT_EQ(at(read("/v1/restaurant"), "name"), q("Setup Test"));
}

TEST_F(SetupRestaurantTest, ReadSettingsCanBePutBackUnchanged) {
  expect_true(put(R"({"contact":{"phone":"+4512345678"},"bookingRules":{"slotInterval":30}})"));
  const std::string before = settings();
  Reply read_back = call("GET", "/v1/restaurant");
  ASSERT_EQ(read_back.status, 200u);
  expect_true(put(read_back.body));  // _id, createdAt and updatedAt included
  EXPECT_EQ(settings(), before);
  // Its own id as restaurantId is accepted too.
  expect_true(put(R"({"restaurantId":")" + restaurant_id_ + R"(","_id":")" + restaurant_id_ + R"("})"));
}

TEST_F(SetupRestaurantTest, BodiesMustBeDeclaredAndWellFormedJson) {
  const std::string before = settings();
  for (const Headers& headers :
       {Headers{{"Authorization", basic_auth(key())}},
        Headers{{"Authorization", basic_auth(key())}, {"Content-Type", "text/plain"}},
        Headers{{"Authorization", basic_auth(key())}, {"Content-Type", "application/jsonp"}}}) {
    auto c = client();
    expect_error(c.request("PUT", "/v1/restaurant", headers, R"({"name":"Changed"})"), 415, "unsupported_media_type");
  }
  for (const std::string body : {R"({"name":"Changed")", R"({'name':'Changed'})", "", "nul"}) {
    SCOPED_TRACE(body);
    expect_error(put(body), 422, "malformed_json");
  }
  // An empty PUT without Content-Type is not refused as a media type: it is not JSON.
  auto c = client();
  expect_error(c.request("PUT", "/v1/restaurant", {{"Authorization", basic_auth(key())}}), 422, "malformed_json");
  EXPECT_EQ(settings(), before);
}

TEST_F(SetupRestaurantTest, ChangesStayInTheCallersRestaurant) {
  expect_true(put(R"({"name":"Chez Test","bookingRules":{"slotInterval":30}})"));
  Reply demo = get_with_key("/v1/restaurant", demo_key_);
  ASSERT_EQ(demo.status, 200u) << demo.body;
  auto doc = parse(demo.body);
  EXPECT_EQ(at(doc, "name"), q("Bistro Maitred (demo)"));
  EXPECT_EQ(at(doc, "bookingRules.slotInterval"), "15");
  EXPECT_NE(at(doc, "_id"), q(restaurant_id_));
}

}  // namespace
}  // namespace maitred::test
