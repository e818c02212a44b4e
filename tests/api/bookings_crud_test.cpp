// Bookings: create, read, update, delete, history, notes and comments, and
// tenant isolation, against the real server (resos-api.md, "Bookings").

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <algorithm>
#include <chrono>
#include <map>
#include <string>
#include <thread>
#include <vector>

#include "api/api_fixture.hpp"
#include "api/booking_bodies.hpp"
#include "api/json_paths.hpp"

namespace maitred::test {
namespace {

using Ids = std::vector<std::string>;

bool is_meteor_id(const std::string& id) {
  return id.size() == 17 && std::ranges::all_of(id, [](char c) {
           return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
         });
}

bool is_utc_stamp(const std::string& s) {
  return s.size() == 20 && s[4] == '-' && s[7] == '-' && s[10] == 'T' && s[13] == ':' && s[16] == ':' && s[19] == 'Z';
}

class BookingCrudTest : public ApiTest {
 protected:
  std::vector<std::string> server_args() const override { return {"--rate-limit", "100000"}; }

  Reply call(const std::string& method, const std::string& target, const std::string& body = {},
             const Headers& extra = {}, const std::string& as_key = {}) {
    Headers headers{{"Authorization", basic_auth(as_key.empty() ? key() : as_key)}};
    if (!body.empty()) headers.emplace_back("Content-Type", "application/json");
    headers.insert(headers.end(), extra.begin(), extra.end());
    return send(method, target, headers, body);
  }

  // Creates a booking; the id, or empty (and a failure) when refused.
  std::string create(const std::string& body, const std::string& as_key = {}) {
    Reply r = call("POST", "/v1/bookings", body, {}, as_key);
    EXPECT_EQ(r.status, 200u) << body << " -> " << r.body;
    if (r.status != 200) return {};
    auto doc = parse(r.body);
    EXPECT_TRUE(doc.IsString()) << r.body;
    return doc.IsString() ? doc.GetString() : std::string{};
  }

  rapidjson::Document booking(const std::string& id) {
    Reply r = call("GET", "/v1/bookings/" + id);
    EXPECT_EQ(r.status, 200u) << id << " -> " << r.body;
    return parse(r.body);
  }

  std::string table_id(const std::string& name) {
    if (tables_.empty()) {
      auto doc = parse(call("GET", "/v1/tables").body);
      for (const auto& t : doc.GetArray()) tables_[t["name"].GetString()] = t["_id"].GetString();
    }
    EXPECT_TRUE(tables_.contains(name)) << name;
    return tables_[name];
  }

  std::string custom_field_id(const std::string& name) {
    auto doc = parse(call("GET", "/v1/customFields").body);
    for (const auto& f : doc.GetArray()) {
      if (name == f["name"].GetString()) return f["_id"].GetString();
    }
    ADD_FAILURE() << "no custom field " << name;
    return {};
  }

  std::map<std::string, std::string> tables_;
};

// Moves the pinned clock: a server of its own.
class BookingCrudClockTest : public BookingCrudTest {
 protected:
  bool own_server() const override { return true; }
};

TEST_F(BookingCrudTest, CreateReturnsTheNewIdAsABareJsonStringAndTheDocumentReadsBack) {
  const std::string body = R"({
    "date": "2026-12-04", "time": "19:00", "people": 2,
    "source": "phone", "languageCode": "da",
    "guest": {"name": "Ann Hansen", "email": "ann@example.com", "phone": "+45 11 11 11 11",
              "notificationSms": true, "notificationEmail": false},
    "comment": "Window seat please", "referrer": "https://example.com/menu",
    "metadata": {"posId": 42, "tags": ["vip"]}
  })";
  Reply r = call("POST", "/v1/bookings", body);
  ASSERT_EQ(r.status, 200u) << r.body;
  EXPECT_EQ(r.header("content-type"), "application/json; charset=utf-8");
  auto created = parse(r.body);
  ASSERT_TRUE(created.IsString()) << "expected a bare JSON string, got " << r.body;
  const std::string id = created.GetString();
  EXPECT_TRUE(is_meteor_id(id)) << id;

  auto doc = booking(id);
  EXPECT_EQ(at(doc, "_id"), q(id));
  EXPECT_EQ(at(doc, "restaurantId"), q(restaurant_id()));
  EXPECT_EQ(at(doc, "date"), q("2026-12-04"));
  EXPECT_EQ(at(doc, "time"), q("19:00"));
  EXPECT_EQ(at(doc, "dateTime"), q("2026-12-04T18:00:00Z"));
  EXPECT_EQ(at(doc, "people"), "2");
  EXPECT_EQ(at(doc, "duration"), "90");
  EXPECT_EQ(at(doc, "status"), q("request"));
  EXPECT_EQ(at(doc, "source"), q("phone"));
  EXPECT_EQ(at(doc, "languageCode"), q("da"));
  EXPECT_EQ(at(doc, "guest"),
            R"({"name":"Ann Hansen","email":"ann@example.com","phone":"+4511111111","notificationSms":true,)"
            R"("notificationEmail":false})");
  EXPECT_EQ(at(doc, "comment"), q("Window seat please"));
  EXPECT_EQ(at(doc, "referrer"), q("https://example.com/menu"));
  EXPECT_EQ(at(doc, "metadata"), R"({"posId":42,"tags":["vip"]})");
  EXPECT_EQ(at(doc, "customFields"), "[]");
  EXPECT_EQ(at(doc, "restaurantNotes"), "[]");
  EXPECT_EQ(at(doc, "comments"), "[]");
  // No tables asked for: the best free one, the smallest that seats two.
  EXPECT_EQ(at(doc, "tables.0.name"), q("T1"));
  EXPECT_EQ(at(doc, "tables.1"), "<absent>");
  EXPECT_TRUE(is_utc_stamp(text_at(doc, "createdAt"))) << at(doc, "createdAt");
  EXPECT_EQ(at(doc, "activityAt"), at(doc, "createdAt"));
  EXPECT_EQ(at(doc, "approvedAt"), "<absent>");
  EXPECT_EQ(at(doc, "canceledAt"), "<absent>");
}

TEST_F(BookingCrudTest, DefaultsOfAMinimalBooking) {
  const std::string id = create(overbooking_body("2026-12-04", "12:00", 2));
  auto doc = booking(id);
  EXPECT_EQ(at(doc, "status"), q("request"));  // the demo restaurant's default status
  EXPECT_EQ(at(doc, "source"), q("other"));
  EXPECT_EQ(at(doc, "languageCode"), q("en"));
  EXPECT_EQ(at(doc, "guest.email"), q(""));
  EXPECT_EQ(at(doc, "guest.phone"), q(""));
  EXPECT_EQ(at(doc, "comment"), q(""));
}

TEST_F(BookingCrudTest, DurationDefaultsFromThePartySizeRules) {
  const std::vector<std::pair<int, int>> cases = {{1, 90}, {2, 90}, {3, 120}, {4, 120}, {5, 150}, {8, 150}, {9, 180}};
  for (const auto& [people, minutes] : cases) {
    const std::string id = create(overbooking_body("2026-12-07", "18:00", people));
    EXPECT_EQ(at(booking(id), "duration"), std::to_string(minutes)) << people << " people";
  }
  const std::string explicit_id = create(overbooking_body("2026-12-07", "18:00", 2, R"("duration":45)"));
  EXPECT_EQ(at(booking(explicit_id), "duration"), "45");
}

TEST_F(BookingCrudTest, DateTimeIsTheUtcInstantOfTheLocalDateAndTime) {
  struct Case {
    const char* date;
    const char* time;
    const char* utc;
  };
  const std::vector<Case> cases = {
      {"2026-12-04", "19:00", "2026-12-04T18:00:00Z"},  // winter: UTC+1
      {"2026-07-04", "19:00", "2026-07-04T17:00:00Z"},  // summer: UTC+2
      {"2026-12-05", "00:15", "2026-12-04T23:15:00Z"},  // local day differs from the UTC day
      {"2027-01-01", "00:30", "2026-12-31T23:30:00Z"},
      {"2027-03-28", "03:30", "2027-03-28T01:30:00Z"},  // just after the clocks went forward
      {"2027-03-28", "01:30", "2027-03-28T00:30:00Z"},  // just before
  };
  for (const auto& c : cases) {
    const std::string id = create(overbooking_body(c.date, c.time, 2));
    auto doc = booking(id);
    EXPECT_EQ(at(doc, "dateTime"), q(c.utc)) << c.date << " " << c.time;
    EXPECT_EQ(at(doc, "date"), q(c.date));
    EXPECT_EQ(at(doc, "time"), q(c.time));
  }
}

TEST_F(BookingCrudTest, UnknownIdIs404) {
  for (const char* id : {"AAAAAAAAAAAAAAAAA", "nope", "zzzzzzzzzzzzzzzzzzzzzzzzzzzzzz"}) {
    Reply r = call("GET", std::string("/v1/bookings/") + id);
    EXPECT_EQ(r.status, 404u) << id;
    EXPECT_EQ(string_at(r.body, "code"), "not_found") << r.body;
    EXPECT_FALSE(string_at(r.body, "message").empty());
  }
  EXPECT_EQ(call("PUT", "/v1/bookings/AAAAAAAAAAAAAAAAA", R"({"people":3})").status, 404u);
  EXPECT_EQ(call("DELETE", "/v1/bookings/AAAAAAAAAAAAAAAAA").status, 404u);
  EXPECT_EQ(call("GET", "/v1/bookings/AAAAAAAAAAAAAAAAA/history").status, 404u);
  EXPECT_EQ(call("POST", "/v1/bookings/AAAAAAAAAAAAAAAAA/restaurantNote", R"({"text":"x"})").status, 404u);
  EXPECT_EQ(call("POST", "/v1/bookings/AAAAAAAAAAAAAAAAA/comment", R"({"text":"x"})").status, 404u);
}

TEST_F(BookingCrudTest, PutReturnsTrueAndChangesOnlyTheFieldsSent) {
  const std::string id = create(overbooking_body(
      "2026-12-04", "19:00", 2, R"("comment":"Window","source":"phone","metadata":{"a":1})",
      R"({"name":"Ann Hansen","email":"ann@example.com","phone":"+4511111111","notificationSms":true})"));
  auto before = booking(id);

  Reply r = call("PUT", "/v1/bookings/" + id, R"({"people":1})");
  ASSERT_EQ(r.status, 200u) << r.body;
  EXPECT_EQ(r.body, "true");

  auto after = booking(id);
  EXPECT_EQ(at(after, "people"), "1");
  for (const char* unchanged : {"date", "time", "dateTime", "duration", "status", "source", "languageCode", "guest",
                                "comment", "referrer", "metadata", "customFields", "tables", "createdAt"}) {
    EXPECT_EQ(at(after, unchanged), at(before, unchanged)) << unchanged;
  }

  // A nested object is partial too: only the guest's e-mail changes.
  ASSERT_EQ(call("PUT", "/v1/bookings/" + id, R"({"guest":{"email":"ann@example.org"}})").status, 200u);
  auto guest = booking(id);
  EXPECT_EQ(at(guest, "guest"),
            R"({"name":"Ann Hansen","email":"ann@example.org","phone":"+4511111111","notificationSms":true,)"
            R"("notificationEmail":false})");
}

TEST_F(BookingCrudTest, PutOfTimeOrDateMovesTheInstant) {
  const std::string id = create(overbooking_body("2026-12-04", "19:00", 2));
  ASSERT_EQ(call("PUT", "/v1/bookings/" + id, R"({"time":"20:30"})").status, 200u);
  auto doc = booking(id);
  EXPECT_EQ(at(doc, "time"), q("20:30"));
  EXPECT_EQ(at(doc, "dateTime"), q("2026-12-04T19:30:00Z"));

  // Into summer time: the wall clock is kept, the instant follows the zone.
  ASSERT_EQ(call("PUT", "/v1/bookings/" + id, R"({"date":"2027-06-10"})").status, 200u);
  doc = booking(id);
  EXPECT_EQ(at(doc, "date"), q("2027-06-10"));
  EXPECT_EQ(at(doc, "time"), q("20:30"));
  EXPECT_EQ(at(doc, "dateTime"), q("2027-06-10T18:30:00Z"));

  Reply bad = call("PUT", "/v1/bookings/" + id, R"({"time":"2030"})");
  EXPECT_EQ(bad.status, 422u) << bad.body;
  EXPECT_EQ(string_at(bad.body, "field"), "time");
  EXPECT_EQ(at(booking(id), "time"), q("20:30"));
}

TEST_F(BookingCrudClockTest, ActivityAtMovesOnEveryChangeAndCreatedAtStays) {
  const std::string id = create(overbooking_body("2026-12-04", "19:00", 2));
  auto created = booking(id);
  clock().advance(std::chrono::seconds(1));  // stamps have whole seconds
  ASSERT_EQ(call("PUT", "/v1/bookings/" + id, R"({"people":3})").status, 200u);
  auto updated = booking(id);
  EXPECT_EQ(at(updated, "createdAt"), at(created, "createdAt"));
  EXPECT_GT(text_at(updated, "activityAt"), text_at(created, "activityAt"));
  EXPECT_TRUE(is_utc_stamp(text_at(updated, "activityAt")));

  // Reads and refused writes are no activity.
  clock().advance(std::chrono::seconds(1));
  ASSERT_EQ(call("GET", "/v1/bookings?fromDateTime=2026-12-04").status, 200u);
  ASSERT_EQ(call("GET", "/v1/bookings/" + id + "/history").status, 200u);
  ASSERT_EQ(call("PUT", "/v1/bookings/" + id, R"({"people":3,"time":"25:00"})").status, 422u);
  ASSERT_EQ(call("PUT", "/v1/bookings/" + id, R"({"status":"left"})").status, 400u);
  EXPECT_EQ(at(booking(id), "activityAt"), at(updated, "activityAt"));
  EXPECT_EQ(parse(call("GET", "/v1/bookings/" + id + "/history").body).Size(), 2u);

  ASSERT_EQ(call("POST", "/v1/bookings/" + id + "/restaurantNote", R"({"text":"Regular"})").status, 200u);
  EXPECT_GT(text_at(booking(id), "activityAt"), text_at(updated, "activityAt"));
}

TEST_F(BookingCrudTest, CustomFieldsInAPutReplaceTheWholeList) {
  const std::string allergies = custom_field_id("allergies");
  const std::string occasion = custom_field_id("occasion");
  const std::string high_chairs = custom_field_id("highChairs");
  const std::string id = create(overbooking_body("2026-12-04", "19:00", 2,
                                                 R"("customFields":[{"_id":")" + allergies + R"(","value":"nuts"},)" +
                                                     R"({"_id":")" + occasion + R"(","value":"Birthday"}])"));
  auto doc = booking(id);
  ASSERT_EQ(doc["customFields"].Size(), 2u) << at(doc, "customFields");

  // A PUT without customFields keeps them.
  ASSERT_EQ(call("PUT", "/v1/bookings/" + id, R"({"people":3})").status, 200u);
  EXPECT_EQ(at(booking(id), "customFields"), at(doc, "customFields"));

  // A PUT with customFields replaces the list: the other answers are gone.
  ASSERT_EQ(
      call("PUT", "/v1/bookings/" + id, R"({"customFields":[{"_id":")" + high_chairs + R"(","value":2}]})").status,
      200u);
  EXPECT_EQ(at(booking(id), "customFields"), R"([{"_id":")" + high_chairs + R"(","name":"highChairs","value":2}])");

  ASSERT_EQ(call("PUT", "/v1/bookings/" + id, R"({"customFields":[]})").status, 200u);
  EXPECT_EQ(at(booking(id), "customFields"), "[]");
}

TEST_F(BookingCrudClockTest, StatusChangesFollowTheLifecycleAndStampTheirTimes) {
  const std::string id = create(overbooking_body("2026-12-04", "19:00", 2));
  ASSERT_EQ(at(booking(id), "status"), q("request"));

  Reply approve = call("PUT", "/v1/bookings/" + id, R"({"status":"approved"})");
  ASSERT_EQ(approve.status, 200u) << approve.body;
  auto approved = booking(id);
  EXPECT_EQ(at(approved, "status"), q("approved"));
  EXPECT_TRUE(is_utc_stamp(text_at(approved, "approvedAt"))) << at(approved, "approvedAt");
  EXPECT_GE(text_at(approved, "approvedAt"), text_at(approved, "createdAt"));

  Reply illegal = call("PUT", "/v1/bookings/" + id, R"({"status":"waitlist"})");
  EXPECT_EQ(illegal.status, 400u) << illegal.body;
  EXPECT_EQ(string_at(illegal.body, "code"), "illegal_status_change");
  const std::string message = string_at(illegal.body, "message");
  EXPECT_NE(message.find("approved"), std::string::npos) << message;
  EXPECT_NE(message.find("waitlist"), std::string::npos) << message;
  // Nothing of a refused PUT is applied, not even the other fields in it.
  Reply mixed = call("PUT", "/v1/bookings/" + id, R"({"status":"waitlist","people":6})");
  EXPECT_EQ(mixed.status, 400u);
  auto unchanged = booking(id);
  EXPECT_EQ(at(unchanged, "status"), q("approved"));
  EXPECT_EQ(at(unchanged, "people"), "2");

  // Sending the current status again changes nothing, not even the stamp.
  clock().advance(std::chrono::seconds(1));
  ASSERT_EQ(call("PUT", "/v1/bookings/" + id, R"({"status":"approved"})").status, 200u);
  EXPECT_EQ(at(booking(id), "approvedAt"), at(approved, "approvedAt"));

  Reply not_a_status = call("PUT", "/v1/bookings/" + id, R"({"status":"accepted"})");
  EXPECT_EQ(not_a_status.status, 422u) << not_a_status.body;
  EXPECT_EQ(string_at(not_a_status.body, "field"), "status");

  Reply cancel = call("PUT", "/v1/bookings/" + id, R"({"status":"canceled"})");
  ASSERT_EQ(cancel.status, 200u) << cancel.body;
  EXPECT_EQ(cancel.body, "true");
  auto canceled = booking(id);
  EXPECT_EQ(at(canceled, "status"), q("canceled"));
  EXPECT_TRUE(is_utc_stamp(text_at(canceled, "canceledAt"))) << at(canceled, "canceledAt");
  EXPECT_EQ(at(canceled, "approvedAt"), at(approved, "approvedAt"));  // earlier stamps stay
}

TEST_F(BookingCrudTest, AServiceWalksThroughArrivedSeatedAndLeft) {
  const std::string id = create(overbooking_body("2026-12-04", "19:00", 2, R"("status":"approved")"));
  for (const char* status : {"arrived", "seated", "left"}) {
    Reply r = call("PUT", "/v1/bookings/" + id, std::string(R"({"status":")") + status + R"("})");
    ASSERT_EQ(r.status, 200u) << status << ": " << r.body;
  }
  auto doc = booking(id);
  EXPECT_EQ(at(doc, "status"), q("left"));
  for (const char* stamp : {"approvedAt", "arrivedAt", "seatedAt", "leftAt"}) {
    EXPECT_TRUE(is_utc_stamp(text_at(doc, stamp))) << stamp << " = " << at(doc, stamp);
  }
  EXPECT_EQ(at(doc, "canceledAt"), "<absent>");
  // A guest who has left cannot be put on the waitlist.
  Reply r = call("PUT", "/v1/bookings/" + id, R"({"status":"waitlist"})");
  EXPECT_EQ(r.status, 400u);
  EXPECT_EQ(string_at(r.body, "code"), "illegal_status_change");
}

TEST_F(BookingCrudTest, PatchIs405) {
  const std::string id = create(overbooking_body("2026-12-04", "19:00", 2));
  Reply r = call("PATCH", "/v1/bookings/" + id, R"({"people":3})");
  EXPECT_EQ(r.status, 405u) << r.body;
  EXPECT_EQ(string_at(r.body, "code"), "method_not_allowed");
  EXPECT_NE(r.header("allow").find("PUT"), std::string::npos) << r.header("allow");
  EXPECT_EQ(at(booking(id), "people"), "2");
}

TEST_F(BookingCrudTest, DeleteIs204AndTheBookingIsGone) {
  const std::string id = create(overbooking_body("2026-12-04", "19:00", 2));
  const std::string kept = create(overbooking_body("2026-12-04", "19:00", 2));
  Reply r = call("DELETE", "/v1/bookings/" + id);
  EXPECT_EQ(r.status, 204u) << r.body;
  EXPECT_TRUE(r.body.empty()) << r.body;

  EXPECT_EQ(call("GET", "/v1/bookings/" + id).status, 404u);
  EXPECT_EQ(call("GET", "/v1/bookings/" + id + "/history").status, 404u);
  EXPECT_EQ(call("PUT", "/v1/bookings/" + id, R"({"people":3})").status, 404u);
  EXPECT_EQ(call("DELETE", "/v1/bookings/" + id).status, 404u);
  auto list = parse(call("GET", "/v1/bookings?fromDateTime=2026-12-04&toDateTime=2026-12-04").body);
  EXPECT_EQ(ids_of(list), std::vector<std::string>{kept});
  EXPECT_EQ(call("GET", "/v1/bookings/" + kept).status, 200u);
}

TEST_F(BookingCrudTest, DeletingABookingFreesItsTable) {
  const std::string t1 = table_id("T1");
  const std::string tables = R"("tables":[")" + t1 + R"("])";
  const std::string id = create(booking_body("2026-12-04", "19:00", 2, tables));
  EXPECT_EQ(call("POST", "/v1/bookings", booking_body("2026-12-04", "19:00", 2, tables)).status, 422u);
  ASSERT_EQ(call("DELETE", "/v1/bookings/" + id).status, 204u);
  EXPECT_FALSE(create(booking_body("2026-12-04", "19:00", 2, tables)).empty());
}

TEST_F(BookingCrudTest, HistoryRecordsCreationAndEveryChange) {
  const std::string id = create(overbooking_body("2026-12-04", "19:00", 2));
  ASSERT_EQ(call("PUT", "/v1/bookings/" + id, R"({"status":"approved","guest":{"name":"Ann B"}})").status, 200u);
  ASSERT_EQ(call("POST", "/v1/bookings/" + id + "/restaurantNote", R"({"text":"VIP"})").status, 200u);

  Reply r = call("GET", "/v1/bookings/" + id + "/history");
  ASSERT_EQ(r.status, 200u) << r.body;
  auto history = parse(r.body);
  ASSERT_TRUE(history.IsArray()) << r.body;
  ASSERT_EQ(history.Size(), 3u) << r.body;

  EXPECT_EQ(at(history, "0.action"), q("created"));
  EXPECT_EQ(at(history, "0.changes"), "[]");
  EXPECT_EQ(at(history, "0.actor.type"), q("apiKey"));
  EXPECT_FALSE(text_at(history, "0.actor.id").empty());
  EXPECT_TRUE(is_utc_stamp(text_at(history, "0.at"))) << at(history, "0.at");

  EXPECT_EQ(at(history, "1.action"), q("updated"));
  EXPECT_EQ(at(history, "1.actor"), at(history, "0.actor"));
  std::map<std::string, std::pair<std::string, std::string>> changes;
  for (const auto& c : history[1]["changes"].GetArray()) {
    changes[c["field"].GetString()] = {at(c, "from"), at(c, "to")};
  }
  EXPECT_EQ(changes["status"], std::make_pair(q("request"), q("approved"))) << at(history, "1.changes");
  EXPECT_EQ(changes["guest.name"], std::make_pair(q("Ann Hansen"), q("Ann B"))) << at(history, "1.changes");
  ASSERT_TRUE(changes.contains("approvedAt")) << at(history, "1.changes");
  EXPECT_EQ(changes["approvedAt"].first, "null");
  EXPECT_EQ(changes["approvedAt"].second, at(booking(id), "approvedAt"));
  EXPECT_FALSE(changes.contains("people"));
  EXPECT_FALSE(changes.contains("activityAt"));

  EXPECT_EQ(at(history, "2.action"), q("restaurantNote"));
  EXPECT_LE(text_at(history, "0.at"), text_at(history, "2.at"));
}

TEST_F(BookingCrudTest, RestaurantNoteGetsItsIdAndAuthorApi) {
  const std::string id = create(overbooking_body("2026-12-04", "19:00", 2));
  Reply r = call("POST", "/v1/bookings/" + id + "/restaurantNote", R"({"text":"Regular guest, likes table 5"})");
  ASSERT_EQ(r.status, 200u) << r.body;
  auto note_id = parse(r.body);
  ASSERT_TRUE(note_id.IsString()) << r.body;
  EXPECT_TRUE(is_meteor_id(note_id.GetString())) << r.body;

  Reply second = call("POST", "/v1/bookings/" + id + "/restaurantNote", R"({"text":"Second"})");
  ASSERT_EQ(second.status, 200u);

  auto doc = booking(id);
  ASSERT_EQ(doc["restaurantNotes"].Size(), 2u) << at(doc, "restaurantNotes");
  EXPECT_EQ(at(doc, "restaurantNotes.0._id"), q(note_id.GetString()));
  EXPECT_EQ(at(doc, "restaurantNotes.0.restaurantNote"), q("Regular guest, likes table 5"));
  EXPECT_EQ(at(doc, "restaurantNotes.0.author"), q("API"));
  EXPECT_TRUE(is_utc_stamp(text_at(doc, "restaurantNotes.0.createdAt")));
  EXPECT_EQ(at(doc, "restaurantNotes.1._id"), second.body);
  EXPECT_EQ(at(doc, "restaurantNotes.1.restaurantNote"), q("Second"));
  EXPECT_EQ(at(doc, "comments"), "[]");
}

TEST_F(BookingCrudTest, RestaurantNoteNeedsText) {
  const std::string id = create(overbooking_body("2026-12-04", "19:00", 2));
  for (const char* body : {R"({"text":""})", R"({"text":"   "})", R"({})", R"({"text":5})", R"({"text":"a","x":1})"}) {
    Reply r = call("POST", "/v1/bookings/" + id + "/restaurantNote", body);
    EXPECT_EQ(r.status, 422u) << body << " -> " << r.body;
  }
  EXPECT_EQ(
      call("POST", "/v1/bookings/" + id + "/restaurantNote", R"({"text":")" + std::string(5001, 'x') + "\"}").status,
      422u);
  EXPECT_EQ(at(booking(id), "restaurantNotes"), "[]");
  EXPECT_EQ(
      call("POST", "/v1/bookings/" + id + "/restaurantNote", R"({"text":")" + std::string(5000, 'x') + "\"}").status,
      200u);
}

TEST_F(BookingCrudTest, CommentGetsItsIdAndTheRestaurantRole) {
  const std::string id = create(overbooking_body("2026-12-04", "19:00", 2));
  Reply r = call("POST", "/v1/bookings/" + id + "/comment", R"({"text":"See you at seven!"})");
  ASSERT_EQ(r.status, 200u) << r.body;
  auto comment_id = parse(r.body);
  ASSERT_TRUE(comment_id.IsString()) << r.body;
  auto doc = booking(id);
  ASSERT_EQ(doc["comments"].Size(), 1u) << at(doc, "comments");
  EXPECT_EQ(at(doc, "comments.0._id"), q(comment_id.GetString()));
  EXPECT_EQ(at(doc, "comments.0.comment"), q("See you at seven!"));
  EXPECT_EQ(at(doc, "comments.0.role"), q("restaurant"));
  EXPECT_TRUE(is_utc_stamp(text_at(doc, "comments.0.createdAt")));
  EXPECT_EQ(at(doc, "restaurantNotes"), "[]");
  EXPECT_EQ(call("POST", "/v1/bookings/" + id + "/comment", R"({"text":""})").status, 422u);
}

TEST_F(BookingCrudTest, NoteInTheCreateBodyBecomesTheFirstRestaurantNote) {
  const std::string with_author =
      create(overbooking_body("2026-12-04", "19:00", 2, R"("note":"Allergic to shellfish","noteAuthor":"Maria")"));
  auto doc = booking(with_author);
  ASSERT_EQ(doc["restaurantNotes"].Size(), 1u) << at(doc, "restaurantNotes");
  EXPECT_EQ(at(doc, "restaurantNotes.0.restaurantNote"), q("Allergic to shellfish"));
  EXPECT_EQ(at(doc, "restaurantNotes.0.author"), q("Maria"));
  EXPECT_TRUE(is_meteor_id(text_at(doc, "restaurantNotes.0._id")));

  const std::string without_author = create(overbooking_body("2026-12-04", "19:00", 2, R"("note":"Birthday cake")"));
  EXPECT_EQ(at(booking(without_author), "restaurantNotes.0.author"), q("API"));
}

TEST_F(BookingCrudTest, BodyIdsMustMatch) {
  const std::string id = create(overbooking_body("2026-12-04", "19:00", 2));
  Reply other_id = call("PUT", "/v1/bookings/" + id, R"({"_id":"AAAAAAAAAAAAAAAAA","people":3})");
  EXPECT_EQ(other_id.status, 422u) << other_id.body;
  EXPECT_EQ(string_at(other_id.body, "field"), "_id");
  EXPECT_EQ(call("PUT", "/v1/bookings/" + id, R"({"_id":")" + id + R"(","people":3})").status, 200u);

  // restaurantId: the caller's own is accepted, any other refused.
  EXPECT_FALSE(
      create(overbooking_body("2026-12-04", "19:00", 2, R"("restaurantId":")" + restaurant_id() + R"(")")).empty());
  Reply foreign =
      call("POST", "/v1/bookings", overbooking_body("2026-12-04", "19:00", 2, R"("restaurantId":"AAAAAAAAAAAAAAAAA")"));
  EXPECT_EQ(foreign.status, 422u) << foreign.body;
  EXPECT_EQ(string_at(foreign.body, "field"), "restaurantId");
}

TEST_F(BookingCrudTest, AnotherRestaurantCannotReachABookingAtAll) {
  const std::string id = create(overbooking_body("2026-12-04", "19:00", 2, R"("comment":"mine")"));
  const std::string other_key = restaurant_with_key("Other Place");
  ASSERT_FALSE(other_key.empty());
  const std::string path = "/v1/bookings/" + id;

  struct Attempt {
    const char* method;
    std::string target;
    std::string body;
  };
  const std::vector<Attempt> attempts = {
      {"GET", path, ""},
      {"PUT", path, R"({"people":7,"comment":"theirs"})"},
      {"PUT", path, R"({"status":"canceled"})"},
      {"GET", path + "/history", ""},
      {"POST", path + "/restaurantNote", R"({"text":"sneaky"})"},
      {"POST", path + "/comment", R"({"text":"sneaky"})"},
      {"DELETE", path, ""},
  };
  for (const auto& a : attempts) {
    Reply r = call(a.method, a.target, a.body, {}, other_key);
    EXPECT_EQ(r.status, 404u) << a.method << " " << a.target << " -> " << r.body;
    EXPECT_EQ(string_at(r.body, "code"), "not_found") << r.body;
  }
  Reply list = call("GET", "/v1/bookings", {}, {}, other_key);
  ASSERT_EQ(list.status, 200u) << list.body;
  EXPECT_EQ(list.body, "[]");
  Reply day = call("GET", "/v1/bookings?fromDateTime=2026-12-04&toDateTime=2026-12-04", {}, {}, other_key);
  EXPECT_EQ(day.body, "[]");

  // Untouched for its owner.
  auto doc = booking(id);
  EXPECT_EQ(at(doc, "people"), "2");
  EXPECT_EQ(at(doc, "status"), q("request"));
  EXPECT_EQ(at(doc, "comment"), q("mine"));
  EXPECT_EQ(at(doc, "restaurantNotes"), "[]");
  EXPECT_EQ(at(doc, "comments"), "[]");
  auto history = parse(call("GET", path + "/history").body);
  EXPECT_EQ(history.Size(), 1u);

  // The other restaurant's own booking is invisible the other way round, and
  // A's table ids mean nothing to it.
  const std::string theirs = create(overbooking_body("2026-12-04", "19:00", 2), other_key);
  EXPECT_EQ(call("GET", "/v1/bookings/" + theirs).status, 404u);
  EXPECT_EQ(ids_of(parse(call("GET", "/v1/bookings?fromDateTime=2026-12-04&toDateTime=2026-12-04").body)),
            std::vector<std::string>{id});
  // Searching cannot reach across either.
  for (const std::string& expression :
       {R"(_id:")" + id + R"(")", R"(restaurantId:")" + restaurant_id() + R"(")", std::string(R"(comment:"mine")")}) {
    Reply found = call("GET", "/v1/bookings", {}, {{"customQuery", expression}}, other_key);
    EXPECT_EQ(found.status, 200u) << found.body;
    EXPECT_EQ(ids_of(parse(found.body)), Ids{}) << expression;
  }
  // Nor can it use A's custom fields, opening hours or tables.
  Reply foreign_field =
      call("POST", "/v1/bookings",
           overbooking_body("2026-12-04", "19:00", 2,
                            R"("customFields":[{"_id":")" + custom_field_id("allergies") + R"(","value":"nuts"}])"),
           {}, other_key);
  EXPECT_EQ(foreign_field.status, 404u) << foreign_field.body;
  EXPECT_EQ(string_at(foreign_field.body, "code"), "unknown_reference");
  auto hours = parse(call("GET", "/v1/openingHours").body);
  ASSERT_TRUE(hours.IsArray() && hours.Size() > 0);
  const std::string a_hour = hours[0]["_id"].GetString();
  Reply foreign_hour =
      call("POST", "/v1/bookings", overbooking_body("2026-12-04", "19:00", 2, R"("openingHourId":")" + a_hour + R"(")"),
           {}, other_key);
  EXPECT_EQ(foreign_hour.status, 404u) << foreign_hour.body;
  EXPECT_EQ(string_at(foreign_hour.body, "field"), "openingHourId");
  Reply foreign_table =
      call("POST", "/v1/bookings",
           overbooking_body("2026-12-04", "19:00", 2, R"("tables":[")" + table_id("T1") + R"("])"), {}, other_key);
  EXPECT_EQ(foreign_table.status, 404u) << foreign_table.body;
  EXPECT_EQ(string_at(foreign_table.body, "code"), "unknown_reference");
}

TEST_F(BookingCrudTest, IdempotencyKeysBelongToOneRestaurant) {
  const std::string other_key = restaurant_with_key("Other Place");
  const std::string body = overbooking_body("2026-12-04", "19:00", 2);
  Reply mine = call("POST", "/v1/bookings", body, {{"Idempotency-Key", "order-1"}});
  ASSERT_EQ(mine.status, 200u) << mine.body;
  Reply theirs = call("POST", "/v1/bookings", body, {{"Idempotency-Key", "order-1"}}, other_key);
  ASSERT_EQ(theirs.status, 200u) << theirs.body;
  EXPECT_NE(theirs.body, mine.body);
  EXPECT_FALSE(theirs.has("idempotent-replayed"));
  EXPECT_EQ(call("GET", std::string("/v1/bookings/") + parse(theirs.body).GetString(), {}, {}, other_key).status, 200u);
}

}  // namespace
}  // namespace maitred::test
