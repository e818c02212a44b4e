// What real resOS client programs do with bookings (resos-api.md), replayed
// against the real server: the requests they send, byte for byte where it
// matters, and what they read back.

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <algorithm>
#include <cstdio>
#include <string>
#include <vector>

#include "api/api_fixture.hpp"
#include "api/json_paths.hpp"

namespace maitred::test {
namespace {

class BookingResosCompatTest : public ApiTest {
 protected:
  std::vector<std::string> server_args() const override { return {"--rate-limit", "100000"}; }

  // As the integrations send it: Basic with the key as user name; some
  // encode it without the trailing colon.
  Reply call(const std::string& method, const std::string& target, const std::string& body = {}, bool with_colon = true,
             const Headers& extra = {}) {
    Headers headers{{"Authorization", basic_auth(key(), with_colon)}, {"Accept", "application/json"}};
    if (!body.empty()) headers.emplace_back("Content-Type", "application/json");
    headers.insert(headers.end(), extra.begin(), extra.end());
    return send(method, target, headers, body);
  }

  std::string id_of(const std::string& listed_name, const std::string& path) {
    auto doc = parse(call("GET", path).body);
    for (const auto& item : doc.GetArray()) {
      if (listed_name == item["name"].GetString()) return item["_id"].GetString();
    }
    ADD_FAILURE() << "nothing named " << listed_name << " in " << path;
    return {};
  }

  // The paging loop every integration has: limit=100, skip += 100 until a
  // page is shorter than 100.
  std::vector<std::string> whole_day(const std::string& date, bool with_colon = true) {
    std::vector<std::string> ids;
    for (int skip = 0;; skip += 100) {
      Reply r = call("GET",
                     "/v1/bookings?fromDateTime=" + date + "T00:00:00&toDateTime=" + date +
                         "T23:59:59&limit=100&skip=" + std::to_string(skip),
                     {}, with_colon);
      EXPECT_EQ(r.status, 200u) << r.body;
      auto page = parse(r.body);
      if (!page.IsArray()) break;
      for (const auto& id : ids_of(page)) ids.push_back(id);
      if (page.Size() < 100 || skip > 1000) break;
    }
    return ids;
  }
};

TEST_F(BookingResosCompatTest, ABookingWidgetCreatesReadsUpdatesAndAnnotatesABooking) {
  for (bool with_colon : {true, false}) {
    SCOPED_TRACE(with_colon ? "key:" : "key without colon");
    const std::string date = with_colon ? "2026-12-11" : "2026-12-10";  // Friday, Thursday
    EXPECT_EQ(whole_day(date, with_colon), std::vector<std::string>{});

    // The widget shows the service and custom fields it got from the server.
    const std::string occasion = id_of("occasion", "/v1/customFields");
    const std::string allergies = id_of("allergies", "/v1/customFields");
    auto hours = parse(call("GET", "/v1/openingHours", {}, with_colon).body);
    std::string dinner;
    const int weekday = with_colon ? 5 : 4;
    for (const auto& h : hours.GetArray()) {
      if (std::string(h["name"].GetString()) == "Dinner" && h["day"].GetInt() == weekday) dinner = h["_id"].GetString();
    }
    ASSERT_FALSE(dinner.empty());

    // The create body as resos-api.md describes it.
    const std::string body =
        R"({
      "date": ")" +
        date + R"(",
      "time": "19:30",
      "people": 4,
      "duration": 120,
      "source": "website",
      "languageCode": "da",
      "openingHourId": ")" +
        dinner + R"(",
      "guest": {"name": "Mette Frederiksen", "email": "mette@example.dk", "phone": "+45 20 30 40 50",
                "notificationSms": true, "notificationEmail": true},
      "customFields": [
        {"_id": ")" +
        occasion + R"(", "name": "occasion", "value": "Anniversary", "multipleChoiceValueName": "Anniversary"},
        {"_id": ")" +
        allergies + R"(", "name": "allergies", "value": "Gluten"}
      ],
      "comment": "We would love a quiet table.",
      "note": "Booked via the website widget",
      "referrer": "https://restaurant.example.dk/book",
      "metadata": {"widgetVersion": "2.4.1"},
      "sendNotification": true
    })";
    Reply created = call("POST", "/v1/bookings", body, with_colon);
    ASSERT_EQ(created.status, 200u) << created.body;
    auto id_json = parse(created.body);  // JSON.parse(response) === the id
    ASSERT_TRUE(id_json.IsString()) << created.body;
    const std::string id = id_json.GetString();
    EXPECT_EQ(id.size(), 17u);

    const auto day = whole_day(date, with_colon);
    EXPECT_EQ(day, std::vector<std::string>{id});
    auto doc = parse(call("GET", "/v1/bookings/" + id, {}, with_colon).body);
    EXPECT_EQ(at(doc, "time"), q("19:30"));
    EXPECT_EQ(at(doc, "dateTime"), q(date + "T18:30:00Z"));
    EXPECT_EQ(at(doc, "status"), q("request"));
    EXPECT_EQ(at(doc, "openingHourId"), q(dinner));
    EXPECT_EQ(at(doc, "openingHourName"), q("Dinner"));
    EXPECT_EQ(at(doc, "guest.phone"), q("+4520304050"));
    EXPECT_EQ(at(doc, "customFields.0.multipleChoiceValueName"), q("Anniversary"));
    EXPECT_EQ(at(doc, "customFields.1.value"), q("Gluten"));
    EXPECT_EQ(at(doc, "restaurantNotes.0.restaurantNote"), q("Booked via the website widget"));
    EXPECT_EQ(at(doc, "restaurantNotes.0.author"), q("API"));

    // Staff approve it, a note is added, then the guest cancels.
    Reply approved = call("PUT", "/v1/bookings/" + id, R"({"status":"approved"})", with_colon);
    EXPECT_EQ(approved.status, 200u) << approved.body;
    EXPECT_EQ(approved.body, "true");
    Reply note =
        call("POST", "/v1/bookings/" + id + "/restaurantNote", R"({"text":"Guest called: 5 people now"})", with_colon);
    ASSERT_EQ(note.status, 200u) << note.body;
    auto note_id = parse(note.body);
    ASSERT_TRUE(note_id.IsString()) << note.body;
    Reply more = call("PUT", "/v1/bookings/" + id, R"({"people":5,"sendNotification":false})", with_colon);
    EXPECT_EQ(more.body, "true") << more.body;
    Reply cancel = call("PUT", "/v1/bookings/" + id, R"({"status":"canceled"})", with_colon);
    EXPECT_EQ(cancel.body, "true") << cancel.body;

    doc = parse(call("GET", "/v1/bookings/" + id, {}, with_colon).body);
    EXPECT_EQ(at(doc, "status"), q("canceled"));
    EXPECT_EQ(at(doc, "people"), "5");
    EXPECT_NE(at(doc, "canceledAt"), "<absent>");
    EXPECT_NE(at(doc, "approvedAt"), "<absent>");
    EXPECT_EQ(at(doc, "restaurantNotes.1._id"), q(note_id.GetString()));
    EXPECT_EQ(at(doc, "restaurantNotes.1.restaurantNote"), q("Guest called: 5 people now"));
    EXPECT_EQ(at(doc, "restaurantNotes.1.author"), q("API"));
    // Canceled bookings stay in the list; clients filter them out themselves.
    EXPECT_EQ(whole_day(date, with_colon), std::vector<std::string>{id});
  }
}

TEST_F(BookingResosCompatTest, ADashboardPagesThroughADayOfBookings) {
  std::vector<std::string> created;
  // 130 parties on one evening is more than the demo restaurant seats:
  // staff overbooking on purpose, so the list has a full page and more.
  for (int i = 0; i < 130; ++i) {
    const int minutes = 17 * 60 + (i % 20) * 15;
    char time[16];
    std::snprintf(time, sizeof time, "%02d:%02d", minutes / 60, minutes % 60);
    Reply r = call("POST", "/v1/bookings",
                   R"({"date":"2026-12-12","time":")" + std::string(time) +
                       R"(","people":2,"guest":{"name":"G"},"allowOverbooking":true})");
    ASSERT_EQ(r.status, 200u) << r.body;
    created.push_back(parse(r.body).GetString());
  }
  call("POST", "/v1/bookings", R"({"date":"2026-12-13","time":"00:00","people":2,"guest":{"name":"Next day"}})");
  auto seen = whole_day("2026-12-12");
  EXPECT_EQ(seen.size(), 130u);
  std::ranges::sort(seen);
  std::ranges::sort(created);
  EXPECT_EQ(seen, created);
  EXPECT_TRUE(std::ranges::adjacent_find(seen) == seen.end());
}

TEST_F(BookingResosCompatTest, AKitchenScreenAsksForTodaysConfirmedBookings) {
  const std::string body = R"({"date":"2026-12-16","time":"%s","people":2,"guest":{"name":"G"},"status":"%s"})";
  auto make = [&](const char* time, const char* status) {
    char text[200];
    std::snprintf(text, sizeof text, body.c_str(), time, status);
    Reply r = call("POST", "/v1/bookings", text);
    EXPECT_EQ(r.status, 200u) << r.body;
    return std::string(parse(r.body).GetString());
  };
  const std::string seated = make("18:00", "seated");
  make("18:30", "request");
  const std::string approved = make("19:00", "approved");
  make("19:30", "canceled");
  const std::string arrived = make("20:00", "arrived");
  Reply r = call("GET",
                 "/v1/bookings?fromDateTime=2026-12-16T00:00:00&toDateTime=2026-12-16T23:59:59&onlyConfirmed=true"
                 "&sort=dateTime:1&limit=100&skip=0&expand=tables");
  ASSERT_EQ(r.status, 200u) << r.body;
  EXPECT_EQ(ids_of(parse(r.body)), (std::vector<std::string>{seated, approved, arrived}));
}

TEST_F(BookingResosCompatTest, ACrmLooksUpAGuestByPhoneInTheCustomQueryHeader) {
  Reply made =
      call("POST", "/v1/bookings",
           R"({"date":"2026-12-15","time":"19:00","people":2,"guest":{"name":"Lars","phone":"+45 11 11 11 11"}})");
  ASSERT_EQ(made.status, 200u) << made.body;
  call("POST", "/v1/bookings",
       R"({"date":"2026-12-15","time":"19:00","people":2,"guest":{"name":"Other","phone":"+46 11 11 11 11"}})");
  Reply r = call("GET", "/v1/bookings?limit=100", {}, false, {{"customQuery", R"(guest.phone:"4511111111")"}});
  ASSERT_EQ(r.status, 200u) << r.body;
  EXPECT_EQ(ids_of(parse(r.body)), std::vector<std::string>{parse(made.body).GetString()});
}

TEST_F(BookingResosCompatTest, AClientPutsBackWhatItReadForTablesAndCustomFields) {
  const std::string t7 = id_of("T7", "/v1/tables");
  const std::string occasion = id_of("occasion", "/v1/customFields");
  Reply made = call("POST", "/v1/bookings",
                    R"({"date":"2026-12-16","time":"19:00","people":3,"guest":{"name":"G"},"tables":[")" + t7 +
                        R"("],"customFields":[{"_id":")" + occasion + R"(","value":"Business"}]})");
  ASSERT_EQ(made.status, 200u) << made.body;
  const std::string id = parse(made.body).GetString();
  auto before = parse(call("GET", "/v1/bookings/" + id).body);

  // Tables and answers as read ({_id, name, area} and {_id, name, value,
  // multipleChoiceValueName}) are accepted back unchanged.
  const std::string echo = R"({"_id":")" + id + R"(","restaurantId":)" + at(before, "restaurantId") + R"(,"tables":)" +
                           at(before, "tables") + R"(,"customFields":)" + at(before, "customFields") +
                           R"(,"comment":"Client changed only this"})";
  Reply put = call("PUT", "/v1/bookings/" + id, echo);
  ASSERT_EQ(put.status, 200u) << put.body;
  EXPECT_EQ(put.body, "true");
  auto after = parse(call("GET", "/v1/bookings/" + id).body);
  EXPECT_EQ(at(after, "tables"), at(before, "tables"));
  EXPECT_EQ(at(after, "customFields"), at(before, "customFields"));
  EXPECT_EQ(at(after, "comment"), q("Client changed only this"));
}

TEST_F(BookingResosCompatTest, ErrorsAreSentencesStaffCanRead) {
  // A voice agent that forgets the colon in the time.
  Reply r = call("POST", "/v1/bookings", R"({"date":"2026-12-17","time":"1800","people":2,"guest":{"name":"G"}})");
  EXPECT_EQ(r.status, 422u);
  EXPECT_NE(string_at(r.body, "message").find("time format invalid, should be HH:MM"), std::string::npos) << r.body;

  // A client that sends the key as a Bearer token is told what to do.
  auto c = client();
  Reply bearer = c.request("GET", "/v1/bookings", {{"Authorization", "Bearer " + key()}});
  EXPECT_EQ(bearer.status, 401u);
  EXPECT_NE(string_at(bearer.body, "message").find("Basic"), std::string::npos) << bearer.body;

  // A status resOS does not have.
  Reply accepted = call("POST", "/v1/bookings",
                        R"({"date":"2026-12-17","time":"18:00","people":2,"guest":{"name":"G"},"status":"accepted"})");
  EXPECT_EQ(accepted.status, 422u);
  EXPECT_NE(string_at(accepted.body, "message").find("accepted"), std::string::npos) << accepted.body;

  Reply patch = call("PATCH", "/v1/bookings/AAAAAAAAAAAAAAAAA", R"({"people":3})");
  EXPECT_EQ(patch.status, 405u);
  EXPECT_NE(patch.header("allow").find("PUT"), std::string::npos);

  // Nothing was created by any of these.
  Reply day = call("GET", "/v1/bookings?fromDateTime=2026-12-17&toDateTime=2026-12-17");
  EXPECT_EQ(day.body, "[]");
}

// Header names are case-insensitive (HTTP/2 proxies send them in lower
// case), and JSON content types come with parameters.
TEST_F(BookingResosCompatTest, HeaderNamesInAnyCaseAndContentTypeParameters) {
  auto c = client();
  const std::string body =
      R"({"date":"2026-12-18","time":"19:00","people":2,"guest":{"name":"Lars","phone":"+4511111111"}})";
  for (const char* type : {"application/json; charset=utf-8", "application/json;charset=UTF-8", "Application/JSON"}) {
    Reply r =
        c.request("POST", "/v1/bookings",
                  {{"authorization", basic_auth(key())}, {"content-type", type}, {"idempotency-key", "lower-1"}}, body);
    EXPECT_EQ(r.status, 200u) << type << " -> " << r.body;
  }
  // One booking: the lower-case idempotency-key header was honoured.
  Reply listed = c.request("GET", "/v1/bookings?fromDateTime=2026-12-18&toDateTime=2026-12-18",
                           {{"AUTHORIZATION", basic_auth(key())}});
  ASSERT_EQ(listed.status, 200u) << listed.body;
  auto ids = ids_of(parse(listed.body));
  EXPECT_EQ(ids.size(), 1u);
  call("POST", "/v1/bookings", R"({"date":"2026-12-18","time":"20:00","people":2,"guest":{"name":"Other"}})");
  Reply found = c.request("GET", "/v1/bookings",
                          {{"authorization", basic_auth(key())}, {"customquery", R"(guest.phone:"4511111111")"}});
  ASSERT_EQ(found.status, 200u) << found.body;
  EXPECT_EQ(ids_of(parse(found.body)), ids);
}

}  // namespace
}  // namespace maitred::test
