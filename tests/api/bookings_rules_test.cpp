// Bookings: what a create or update must satisfy (required fields, formats,
// contact details, statuses, tables, custom fields, idempotency), against the
// real server.

#include <date/date.h>
#include <date/tz.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <chrono>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "api/api_fixture.hpp"
#include "api/booking_bodies.hpp"
#include "api/json_paths.hpp"
#include "support/test_clock.hpp"

namespace maitred::test {
namespace {

class BookingRulesTest : public ApiTest {
 protected:
  std::vector<std::string> server_args() const override { return {"--rate-limit", "100000"}; }

  Reply post(const std::string& body, const Headers& extra = {}) { return call("POST", "/v1/bookings", body, extra); }

  std::string create(const std::string& body) {
    Reply r = post(body);
    EXPECT_EQ(r.status, 200u) << body << " -> " << r.body;
    if (r.status != 200) return {};
    auto doc = parse(r.body);
    return doc.IsString() ? doc.GetString() : std::string{};
  }

  rapidjson::Document booking(const std::string& id) {
    Reply r = call("GET", "/v1/bookings/" + id);
    EXPECT_EQ(r.status, 200u) << id << " -> " << r.body;
    return parse(r.body);
  }

  // Expects a refusal with `status`, `code` and (when given) `field`.
  void expect_refused(const Reply& r, unsigned status, const std::string& code, const std::string& field = {}) {
    EXPECT_EQ(r.status, status) << r.body;
    EXPECT_EQ(string_at(r.body, "code"), code) << r.body;
    if (!field.empty()) {
      EXPECT_EQ(string_at(r.body, "field"), field) << r.body;
    }
    EXPECT_GT(string_at(r.body, "message").size(), 10u) << r.body;
  }

  std::string table_id(const std::string& name) {
    if (tables_.empty()) {
      auto doc = parse(call("GET", "/v1/tables").body);
      for (const auto& t : doc.GetArray()) tables_[t["name"].GetString()] = t["_id"].GetString();
    }
    EXPECT_TRUE(tables_.contains(name)) << name;
    return tables_[name];
  }
  std::string on(const std::string& table) { return R"("tables":[")" + table_id(table) + R"("])"; }

  // Custom field definitions by name: the field's id, and its options' ids by name.
  struct Field {
    std::string id;
    std::map<std::string, std::string> options;
  };
  Field field(const std::string& name) {
    auto doc = parse(call("GET", "/v1/customFields").body);
    for (const auto& f : doc.GetArray()) {
      if (name != f["name"].GetString()) continue;
      Field out{f["_id"].GetString(), {}};
      for (const auto& o : f["multipleChoiceSelections"].GetArray())
        out.options[o["name"].GetString()] = o["_id"].GetString();
      return out;
    }
    ADD_FAILURE() << "no custom field " << name;
    return {};
  }

  // The bookings starting on a local date.
  std::vector<std::string> day(const std::string& date) {
    Reply r = call("GET", "/v1/bookings?fromDateTime=" + date + "&toDateTime=" + date);
    EXPECT_EQ(r.status, 200u) << r.body;
    return ids_of(parse(r.body));
  }

  std::map<std::string, std::string> tables_;
};

TEST_F(BookingRulesTest, DateTimePeopleAndGuestNameAreRequired) {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {R"({"time":"19:00","people":2,"guest":{"name":"A"}})", "date"},
      {R"({"date":"2026-12-04","people":2,"guest":{"name":"A"}})", "time"},
      {R"({"date":"2026-12-04","time":"19:00","guest":{"name":"A"}})", "people"},
      {R"({"date":"2026-12-04","time":"19:00","people":2})", "guest.name"},
      {R"({"date":"2026-12-04","time":"19:00","people":2,"guest":{"email":"a@example.com"}})", "guest.name"},
  };
  for (const auto& [body, field] : cases) expect_refused(post(body), 422, "missing_field", field);
  Reply blank = post(R"({"date":"2026-12-04","time":"19:00","people":2,"guest":{"name":"   "}})");
  EXPECT_EQ(blank.status, 422u) << blank.body;
  EXPECT_EQ(string_at(blank.body, "field"), "guest.name");
  EXPECT_EQ(day("2026-12-04"), std::vector<std::string>{});
}

TEST_F(BookingRulesTest, TimeMustBeZeroPaddedHoursAndMinutes) {
  Reply r = post(booking_body("2026-12-04", "1800", 2));
  expect_refused(r, 422, "invalid_field", "time");
  EXPECT_NE(string_at(r.body, "message").find("time format invalid, should be HH:MM"), std::string::npos) << r.body;
  for (const char* bad : {"7:00", "24:00", "18:60", "18.00", "18:00:00", "", "6pm"}) {
    Reply refused = post(booking_body("2026-12-04", bad, 2));
    EXPECT_EQ(refused.status, 422u) << bad << " -> " << refused.body;
    EXPECT_EQ(string_at(refused.body, "field"), "time") << bad;
  }
  Reply number = post(R"({"date":"2026-12-04","time":1800,"people":2,"guest":{"name":"A"}})");
  EXPECT_EQ(number.status, 422u) << number.body;
  // Outside opening hours, so on purpose: the format is what is checked.
  EXPECT_EQ(at(booking(create(overbooking_body("2026-12-04", "08:05", 2))), "time"), q("08:05"));
  EXPECT_EQ(at(booking(create(overbooking_body("2026-12-04", "00:00", 2))), "dateTime"), q("2026-12-03T23:00:00Z"));
  EXPECT_EQ(at(booking(create(overbooking_body("2026-12-04", "23:59", 2))), "dateTime"), q("2026-12-04T22:59:00Z"));
}

TEST_F(BookingRulesTest, DateMustBeAnIsoCalendarDate) {
  for (const char* bad : {"04-12-2026", "2026-12-32", "2026-02-29", "2026/12/04", "2026-12-4", "20261204", ""}) {
    Reply r = post(booking_body(bad, "19:00", 2));
    EXPECT_EQ(r.status, 422u) << bad << " -> " << r.body;
    EXPECT_EQ(string_at(r.body, "field"), "date") << bad;
  }
  EXPECT_FALSE(create(booking_body("2028-02-29", "19:00", 2)).empty());
  // Time zone data ends with 2037.
  EXPECT_FALSE(create(booking_body("2037-12-31", "19:00", 2)).empty());
  Reply too_far = post(booking_body("2038-01-01", "19:00", 2));
  EXPECT_EQ(too_far.status, 422u) << too_far.body;
  EXPECT_EQ(string_at(too_far.body, "field"), "date");
}

TEST_F(BookingRulesTest, ALocalTimeSkippedByTheClockChangeIsRefused) {
  // 2027-03-28 in Copenhagen: 02:00 jumps to 03:00.
  for (const char* skipped : {"02:00", "02:30", "02:59"}) {
    Reply r = post(booking_body("2027-03-28", skipped, 2));
    expect_refused(r, 422, "invalid_field", "time");
  }
  EXPECT_EQ(day("2027-03-28"), std::vector<std::string>{});
  // Moving an existing booking onto it is refused as well.
  const std::string id = create(overbooking_body("2027-03-28", "01:30", 2));
  EXPECT_EQ(call("PUT", "/v1/bookings/" + id, R"({"time":"02:30"})").status, 422u);
  EXPECT_EQ(at(booking(id), "dateTime"), q("2027-03-28T00:30:00Z"));
}

TEST_F(BookingRulesTest, UnknownKeysAreRefusedByName) {
  Reply top = post(booking_body("2026-12-04", "19:00", 2, R"("isVip":true)"));
  expect_refused(top, 422, "unknown_field", "isVip");
  EXPECT_NE(string_at(top.body, "message").find("isVip"), std::string::npos) << top.body;

  Reply nested = post(booking_body("2026-12-04", "19:00", 2, {}, R"({"name":"A","vip":true})"));
  expect_refused(nested, 422, "unknown_field", "guest.vip");

  // Fields the server owns cannot be set.
  for (const char* owned :
       {R"("dateTime":"2026-12-04T18:00:00Z")", R"("activityAt":"2026-12-04T18:00:00Z")",
        R"("approvedAt":"2026-12-04T18:00:00Z")", R"("customerId":"AAAAAAAAAAAAAAAAA")", R"("restaurantNotes":[])"}) {
    Reply r = post(booking_body("2026-12-04", "19:00", 2, owned));
    EXPECT_EQ(r.status, 422u) << owned << " -> " << r.body;
    EXPECT_EQ(string_at(r.body, "code"), "unknown_field") << owned;
  }
  const std::string id = create(booking_body("2026-12-04", "19:00", 2));
  expect_refused(call("PUT", "/v1/bookings/" + id, R"({"people":3,"vip":true})"), 422, "unknown_field", "vip");
  EXPECT_EQ(at(booking(id), "people"), "2");
  EXPECT_EQ(day("2026-12-04"), std::vector<std::string>{id});

  // Keys clients send that carry no meaning here are accepted.
  EXPECT_FALSE(create(booking_body("2026-12-04", "19:00", 2, R"("sendNotification":true)")).empty());
  EXPECT_EQ(call("PUT", "/v1/bookings/" + id, R"({"sendNotification":false,"people":3})").status, 200u);
}

TEST_F(BookingRulesTest, StatusDefaultsToTheRestaurantsAndMustBeKnown) {
  EXPECT_EQ(at(booking(create(booking_body("2026-12-04", "19:00", 2))), "status"), q("request"));

  for (const char* bad : {"accepted", "confirmed", "cancelled", "APPROVED", ""}) {
    Reply r = post(booking_body("2026-12-04", "19:00", 2, std::string(R"("status":")") + bad + "\""));
    EXPECT_EQ(r.status, 422u) << bad << " -> " << r.body;
    EXPECT_EQ(string_at(r.body, "field"), "status") << bad;
  }

  // Any status of the list can be given at creation, and is stamped.
  const std::map<std::string, std::string> stamps = {
      {"approved", "approvedAt"}, {"declined", "declinedAt"}, {"arrived", "arrivedAt"},   {"seated", "seatedAt"},
      {"left", "leftAt"},         {"no_show", "noShowAt"},    {"canceled", "canceledAt"}, {"waitlist", ""}};
  for (const auto& [status, stamp] : stamps) {
    auto doc = booking(create(booking_body("2026-12-04", "19:00", 2, R"("status":")" + status + "\"")));
    EXPECT_EQ(at(doc, "status"), q(status));
    if (!stamp.empty()) {
      EXPECT_EQ(at(doc, stamp), at(doc, "createdAt")) << status;
    }
  }
}

TEST_F(BookingRulesTest, SourceLanguageAndNumbersAreChecked) {
  // Thirteen parties in one slot exceed its pacing: overbooked on purpose.
  for (const char* source : {"walkin", "website", "phone", "email", "message", "eatie", "api", "other"}) {
    auto doc =
        booking(create(overbooking_body("2026-12-04", "19:00", 2, std::string(R"("source":")") + source + "\"")));
    EXPECT_EQ(at(doc, "source"), q(source));
  }
  expect_refused(post(overbooking_body("2026-12-04", "19:00", 2, R"("source":"google")")), 422, "invalid_field",
                 "source");
  for (const char* language : {"en", "es", "de", "da", "sv"}) {
    auto doc = booking(
        create(overbooking_body("2026-12-04", "19:00", 2, std::string(R"("languageCode":")") + language + "\"")));
    EXPECT_EQ(at(doc, "languageCode"), q(language));
  }
  expect_refused(post(overbooking_body("2026-12-04", "19:00", 2, R"("languageCode":"fr")")), 422, "invalid_field",
                 "languageCode");
  EXPECT_EQ(post(overbooking_body("2026-12-04", "19:00", 0)).status, 422u);
  EXPECT_EQ(post(overbooking_body("2026-12-04", "19:00", -2)).status, 422u);
  EXPECT_EQ(post(R"({"date":"2026-12-04","time":"19:00","people":"2","guest":{"name":"A"}})").status, 422u);
  EXPECT_EQ(post(R"({"date":"2026-12-04","time":"19:00","people":2.5,"guest":{"name":"A"}})").status, 422u);
  EXPECT_EQ(post(overbooking_body("2026-12-04", "19:00", 2, R"("duration":0)")).status, 422u);
  EXPECT_EQ(day("2026-12-04").size(), 13u);
}

TEST_F(BookingRulesTest, PhoneIsNormalisedToInternationalForm) {
  const std::vector<std::pair<std::string, std::string>> accepted = {
      {"+45 11 11 11 11", "+4511111111"},
      {"+4511111111", "+4511111111"},
      {"+44 (20) 7946-0958", "+442079460958"},
      {"", ""},  // none
  };
  for (const auto& [sent, stored] : accepted) {
    auto doc = booking(create(booking_body("2026-12-04", "19:00", 2, {}, R"({"name":"A","phone":")" + sent + R"("})")));
    EXPECT_EQ(at(doc, "guest.phone"), q(stored)) << sent;
  }
  for (const char* bad : {"11111111", "11 11 11 11", "+45 11 11 AB 11", "+0451111111", "+45", "+1234567890123456"}) {
    Reply r = post(booking_body("2026-12-04", "19:00", 2, {}, std::string(R"({"name":"A","phone":")") + bad + R"("})"));
    EXPECT_EQ(r.status, 422u) << bad << " -> " << r.body;
    EXPECT_EQ(string_at(r.body, "field"), "guest.phone") << bad;
  }
  // On update too.
  const std::string id = create(booking_body("2026-12-04", "19:00", 2));
  EXPECT_EQ(call("PUT", "/v1/bookings/" + id, R"({"guest":{"phone":"22 22 22 22"}})").status, 422u);
  ASSERT_EQ(call("PUT", "/v1/bookings/" + id, R"({"guest":{"phone":"+45 22 22 22 22"}})").status, 200u);
  EXPECT_EQ(at(booking(id), "guest.phone"), q("+4522222222"));
}

TEST_F(BookingRulesTest, EmailMustLookLikeAnAddress) {
  for (const char* good : {"ann@example.com", "ann.hansen+table@mail.example.dk", ""}) {
    auto doc = booking(
        create(booking_body("2026-12-04", "19:00", 2, {}, std::string(R"({"name":"A","email":")") + good + R"("})")));
    EXPECT_EQ(at(doc, "guest.email"), q(good));
  }
  for (const char* bad : {"nope", "ann@", "@example.com", "ann@example", "ann@@example.com", "ann hansen@example.com",
                          "ann@example..com", "ann@.example.com"}) {
    Reply r = post(booking_body("2026-12-04", "19:00", 2, {}, std::string(R"({"name":"A","email":")") + bad + R"("})"));
    EXPECT_EQ(r.status, 422u) << bad << " -> " << r.body;
    EXPECT_EQ(string_at(r.body, "field"), "guest.email") << bad;
  }
}

TEST_F(BookingRulesTest, MetadataIsAJsonObjectOfAtMost2000Characters) {
  // {"k":"…"} is 8 characters plus the text.
  const std::string fits = R"("metadata":{"k":")" + std::string(1992, 'x') + R"("})";
  const std::string id = create(booking_body("2026-12-04", "19:00", 2, fits));
  EXPECT_EQ(at(booking(id), "metadata").size(), 2000u);

  // Characters, not bytes: 1992 two-byte characters fit as well.
  std::string accents;
  for (int i = 0; i < 1992; ++i) accents += "\u00e9";
  const std::string wide = create(booking_body("2026-12-04", "19:00", 2, R"("metadata":{"k":")" + accents + R"("})"));
  EXPECT_FALSE(wide.empty()) << "2000 characters (3992 bytes) of metadata were refused";

  const std::string too_long = R"("metadata":{"k":")" + std::string(1993, 'x') + R"("})";
  expect_refused(post(booking_body("2026-12-04", "19:00", 2, too_long)), 422, "invalid_field", "metadata");
  for (const char* not_object : {R"("metadata":"x")", R"("metadata":[1,2])", R"("metadata":5)"}) {
    Reply r = post(booking_body("2026-12-04", "19:00", 2, not_object));
    EXPECT_EQ(r.status, 422u) << not_object << " -> " << r.body;
    EXPECT_EQ(string_at(r.body, "field"), "metadata");
  }
  // Nested values come back as sent.
  const std::string nested =
      create(booking_body("2026-12-04", "19:00", 2, R"("metadata":{"a":{"b":[1,true,null]},"c":"d"})"));
  EXPECT_EQ(at(booking(nested), "metadata"), R"({"a":{"b":[1,true,null]},"c":"d"})");
  // An update replaces it.
  ASSERT_EQ(call("PUT", "/v1/bookings/" + nested, R"({"metadata":{"e":1}})").status, 200u);
  EXPECT_EQ(at(booking(nested), "metadata"), R"({"e":1})");
  EXPECT_EQ(call("PUT", "/v1/bookings/" + nested, "{" + too_long + "}").status, 422u);
}

TEST_F(BookingRulesTest, TablesAreNamedByIdAndShowTheirArea) {
  const std::string id = create(
      booking_body("2026-12-04", "19:00", 6, R"("tables":[")" + table_id("T11") + R"(",")" + table_id("P1") + R"("])"));
  auto doc = booking(id);
  ASSERT_EQ(doc["tables"].Size(), 2u) << at(doc, "tables");
  EXPECT_EQ(at(doc, "tables.0._id"), q(table_id("T11")));
  EXPECT_EQ(at(doc, "tables.0.name"), q("T11"));
  EXPECT_EQ(at(doc, "tables.0.area.name"), q("Dining room"));
  EXPECT_EQ(at(doc, "tables.1.name"), q("P1"));
  EXPECT_EQ(at(doc, "tables.1.area.name"), q("Terrace"));

  Reply unknown = post(booking_body("2026-12-04", "19:00", 2, R"("tables":["AAAAAAAAAAAAAAAAA"])"));
  expect_refused(unknown, 404, "unknown_reference", "tables[0]");
  Reply twice = post(
      booking_body("2026-12-04", "15:00", 2, R"("tables":[")" + table_id("T2") + R"(",")" + table_id("T2") + R"("])"));
  EXPECT_EQ(twice.status, 422u) << twice.body;
  EXPECT_EQ(post(booking_body("2026-12-04", "15:00", 2, R"("tables":"T2")")).status, 422u);

  // An update with tables replaces them.
  ASSERT_EQ(call("PUT", "/v1/bookings/" + id, "{" + on("T12") + "}").status, 200u);
  EXPECT_EQ(at(booking(id), "tables.0.name"), q("T12"));
  EXPECT_EQ(at(booking(id), "tables.1"), "<absent>");
  // An empty list lets the engine choose; only overbooking leaves it unseated.
  ASSERT_EQ(call("PUT", "/v1/bookings/" + id, R"({"tables":[]})").status, 200u);
  EXPECT_EQ(at(booking(id), "tables.0.name"), q("T11"));
  ASSERT_EQ(call("PUT", "/v1/bookings/" + id, R"({"tables":[],"allowOverbooking":true})").status, 200u);
  EXPECT_EQ(at(booking(id), "tables"), "[]");
}

TEST_F(BookingRulesTest, AnOverlappingBookingCannotTakeAHeldTable) {
  // 19:00-20:30 on T1 (2 people: 90 minutes).
  const std::string first = create(booking_body("2026-12-04", "19:00", 2, on("T1")));
  ASSERT_FALSE(first.empty());

  for (const auto& [time, people] :
       std::vector<std::pair<std::string, int>>{{"19:00", 2}, {"20:15", 2}, {"18:00", 2}, {"17:31", 2}, {"17:45", 1}}) {
    Reply r = post(booking_body("2026-12-04", time, people, on("T1")));
    expect_refused(r, 422, "table_unavailable", "tables");
    EXPECT_NE(string_at(r.body, "message").find("T1"), std::string::npos) << r.body;
  }
  // Touching is not overlapping: 17:30-19:00 and 20:30-22:00 fit.
  EXPECT_FALSE(create(booking_body("2026-12-04", "17:30", 2, on("T1"))).empty());
  EXPECT_FALSE(create(booking_body("2026-12-04", "20:30", 2, on("T1"))).empty());
  // Another table, or another day, is free.
  EXPECT_FALSE(create(booking_body("2026-12-04", "19:00", 2, on("T2"))).empty());
  EXPECT_FALSE(create(booking_body("2026-12-05", "19:00", 2, on("T1"))).empty());
  // One held table among several is enough to refuse.
  Reply pair = post(
      booking_body("2026-12-04", "19:30", 4, R"("tables":[")" + table_id("T3") + R"(",")" + table_id("T1") + R"("])"));
  expect_refused(pair, 422, "table_unavailable", "tables");
  // An explicit duration counts: 17:30 for 4 hours runs into 19:00.
  expect_refused(post(booking_body("2026-12-04", "17:30", 2, on("T1") + R"(,"duration":240)")), 422,
                 "table_unavailable");
  EXPECT_EQ(day("2026-12-04").size(), 4u);
}

TEST_F(BookingRulesTest, MovingABookingOntoAHeldTableIsRefused) {
  const std::string held = create(booking_body("2026-12-04", "19:00", 2, on("T4")));
  const std::string other = create(booking_body("2026-12-04", "19:30", 2, on("T5")));
  expect_refused(call("PUT", "/v1/bookings/" + other, "{" + on("T4") + "}"), 422, "table_unavailable", "tables");
  EXPECT_EQ(at(booking(other), "tables.0.name"), q("T5"));
  // Moving in time onto the held slot, keeping the table, is refused.
  const std::string later = create(booking_body("2026-12-04", "21:00", 2, on("T4")));
  expect_refused(call("PUT", "/v1/bookings/" + later, R"({"time":"20:00",)" + on("T4") + "}"), 422,
                 "table_unavailable");
  EXPECT_EQ(at(booking(later), "time"), q("21:00"));
  // A longer stay that runs into the next booking, likewise.
  expect_refused(call("PUT", "/v1/bookings/" + held, R"({"duration":150,)" + on("T4") + "}"), 422, "table_unavailable");
  EXPECT_EQ(at(booking(held), "duration"), "90");
  // Without naming tables the engine seats the moved booking afresh when its
  // own table is taken then.
  ASSERT_EQ(call("PUT", "/v1/bookings/" + later, R"({"time":"20:00"})").status, 200u);
  EXPECT_EQ(at(booking(later), "time"), q("20:00"));
  EXPECT_NE(at(booking(later), "tables.0.name"), q("T4"));
  // Changing its own booking in place never conflicts with itself.
  EXPECT_EQ(call("PUT", "/v1/bookings/" + held, R"({"time":"19:15","people":1})").status, 200u);
}

TEST_F(BookingRulesTest, WaitlistDeclinedCanceledAndNoShowHoldNoTable) {
  for (const char* status : {"waitlist", "declined", "canceled", "no_show"}) {
    const std::string idle =
        create(booking_body("2026-12-04", "19:00", 2, on("T6") + std::string(R"(,"status":")") + status + "\""));
    ASSERT_FALSE(idle.empty()) << status;
  }
  const std::string holder = create(booking_body("2026-12-04", "19:00", 2, on("T6")));
  ASSERT_FALSE(holder.empty());

  // A canceled booking frees its table; bringing it back is refused while
  // someone else holds the table.
  const std::string moved = create(booking_body("2026-12-04", "19:00", 2, on("T7")));
  ASSERT_EQ(call("PUT", "/v1/bookings/" + moved, R"({"status":"canceled"})").status, 200u);
  const std::string taker = create(booking_body("2026-12-04", "19:30", 2, on("T7")));
  ASSERT_FALSE(taker.empty());
  expect_refused(call("PUT", "/v1/bookings/" + moved, R"({"status":"request",)" + on("T7") + "}"), 422,
                 "table_unavailable");
  EXPECT_EQ(at(booking(moved), "status"), q("canceled"));
  // Without naming the table it gets another one.
  ASSERT_EQ(call("PUT", "/v1/bookings/" + moved, R"({"status":"request"})").status, 200u);
  EXPECT_NE(at(booking(moved), "tables.0.name"), q("T7"));

  // Off the waitlist onto a held table: refused; onto a free one: seated.
  const std::string waiting = create(booking_body("2026-12-04", "19:00", 2, on("T6") + R"(,"status":"waitlist")"));
  expect_refused(call("PUT", "/v1/bookings/" + waiting, R"({"status":"approved",)" + on("T6") + "}"), 422,
                 "table_unavailable");
  ASSERT_EQ(call("PUT", "/v1/bookings/" + waiting, R"({"status":"approved"})").status, 200u);
  EXPECT_NE(at(booking(waiting), "tables.0.name"), q("T6"));
}

TEST_F(BookingRulesTest, RequestApprovedArrivedAndSeatedHoldTheirTable) {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"request", "2026-12-15"}, {"approved", "2026-12-16"}, {"arrived", "2026-12-17"}, {"seated", "2026-12-18"}};
  for (const auto& [status, date] : cases) {
    ASSERT_FALSE(create(booking_body(date, "19:00", 2, on("P2") + R"(,"status":")" + status + "\"")).empty());
    Reply r = post(booking_body(date, "19:30", 2, on("P2")));
    EXPECT_EQ(r.status, 422u) << status << " -> " << r.body;
    EXPECT_EQ(string_at(r.body, "code"), "table_unavailable") << status;
    EXPECT_EQ(day(date).size(), 1u) << status;
  }
}

// "left" frees the table from the moment the guest left: a booking that
// started an hour ago and has just been marked left holds its table until
// now, not until its planned end.
TEST_F(BookingRulesTest, ALeftBookingFreesTheTableFromWhenTheGuestLeft) {
  const auto* zone = date::locate_zone("Europe/Copenhagen");
  const auto now_local = date::make_zoned(zone, test_now()).get_local_time();
  auto local = [](date::local_time<std::chrono::system_clock::duration> t) {
    const auto minutes = date::floor<std::chrono::minutes>(t);
    const auto day = date::floor<date::days>(minutes);
    return std::pair{date::format("%F", day), date::format("%H:%M", minutes - day)};
  };
  const auto [start_date, start_time] = local(now_local - std::chrono::minutes(60));
  const auto [during_date, during_time] = local(now_local - std::chrono::minutes(30));
  const auto [after_date, after_time] = local(now_local + std::chrono::minutes(3));
  // The test runs at any hour: open the restaurant around the clock on
  // these days (two special services a day: 00:00-12:00 and 12:00-24:00).
  for (const auto& d : std::set<std::string>{start_date, during_date, after_date}) {
    for (const char* hours : {R"("open":0,"close":1200)", R"("open":1200,"close":0)"}) {
      Reply open = call("POST", "/v1/openingHours",
                        R"({"special":true,"isOpen":true,"name":"All day","date":")" + d + "\"," + hours + "}");
      ASSERT_EQ(open.status, 200u) << open.body;
    }
  }

  const std::string guest = create(booking_body(start_date, start_time, 2, on("P3") + R"(,"status":"approved")"));
  ASSERT_FALSE(guest.empty());
  // While the guest is there (planned until start + 90 min), the table is taken.
  expect_refused(post(booking_body(after_date, after_time, 2, on("P3"))), 422, "table_unavailable");
  for (const char* status : {"arrived", "seated", "left"}) {
    ASSERT_EQ(call("PUT", "/v1/bookings/" + guest, std::string(R"({"status":")") + status + R"("})").status, 200u);
  }
  // After they left: free. Before they left: still taken.
  EXPECT_FALSE(create(booking_body(after_date, after_time, 2, on("P3"))).empty());
  expect_refused(post(booking_body(during_date, during_time, 2, on("P3"))), 422, "table_unavailable");
}

// A guest who leaves before the booking's start time held nothing at all.
TEST_F(BookingRulesTest, ALeftBookingInTheFutureHoldsNothing) {
  const std::string guest = create(booking_body("2026-12-04", "19:00", 2, on("P4") + R"(,"status":"seated")"));
  expect_refused(post(booking_body("2026-12-04", "19:30", 2, on("P4"))), 422, "table_unavailable");
  ASSERT_EQ(call("PUT", "/v1/bookings/" + guest, R"({"status":"left"})").status, 200u);
  EXPECT_FALSE(create(booking_body("2026-12-04", "19:30", 2, on("P4"))).empty());
  // And seating them again at that table is refused now that it is taken.
  expect_refused(call("PUT", "/v1/bookings/" + guest, R"({"status":"seated",)" + on("P4") + "}"), 422,
                 "table_unavailable");
}

TEST_F(BookingRulesTest, AnIdempotencyKeyReplaysTheFirstResult) {
  const std::string body = booking_body("2026-12-09", "19:00", 2, on("T8"));
  Reply first = post(body, {{"Idempotency-Key", "pos-order-4711"}});
  ASSERT_EQ(first.status, 200u) << first.body;
  EXPECT_FALSE(first.has("idempotent-replayed"));

  Reply again = post(body, {{"Idempotency-Key", "pos-order-4711"}});
  EXPECT_EQ(again.status, 200u) << again.body;  // not a table conflict with itself
  EXPECT_EQ(again.body, first.body);
  EXPECT_EQ(again.header("idempotent-replayed"), "true");
  EXPECT_EQ(post(body, {{"Idempotency-Key", "pos-order-4711"}}).body, first.body);
  EXPECT_EQ(day("2026-12-09"), std::vector<std::string>{parse(first.body).GetString()});

  // The same key with another body.
  Reply reused = post(booking_body("2026-12-09", "19:00", 3, on("T9")), {{"Idempotency-Key", "pos-order-4711"}});
  expect_refused(reused, 422, "idempotency_key_reused");
  EXPECT_EQ(day("2026-12-09").size(), 1u);

  // Another key with the same body is a new booking (and here meets the table).
  Reply other_key = post(booking_body("2026-12-09", "19:00", 2), {{"Idempotency-Key", "pos-order-4712"}});
  EXPECT_EQ(other_key.status, 200u);
  EXPECT_NE(other_key.body, first.body);
  EXPECT_EQ(day("2026-12-09").size(), 2u);

  // Without a key, the same body twice is two bookings.
  const std::string plain = booking_body("2026-12-09", "12:00", 2);
  EXPECT_NE(create(plain), create(plain));
  EXPECT_EQ(day("2026-12-09").size(), 4u);

  expect_refused(post(booking_body("2026-12-09", "13:00", 2), {{"Idempotency-Key", std::string(201, 'k')}}), 422,
                 "invalid_header");
  EXPECT_EQ(day("2026-12-09").size(), 4u);
}

TEST_F(BookingRulesTest, AFailedRequestDoesNotUseUpItsIdempotencyKey) {
  const std::string taken = create(booking_body("2026-12-09", "19:00", 2, on("T10")));
  const std::string body = booking_body("2026-12-09", "19:00", 2, on("T10"));
  expect_refused(post(body, {{"Idempotency-Key", "retry-me"}}), 422, "table_unavailable");
  ASSERT_EQ(call("DELETE", "/v1/bookings/" + taken).status, 204u);
  Reply retried = post(body, {{"Idempotency-Key", "retry-me"}});
  EXPECT_EQ(retried.status, 200u) << retried.body;
  EXPECT_FALSE(retried.has("idempotent-replayed"));
}

TEST_F(BookingRulesTest, CustomFieldAnswersAreCheckedAndCompleted) {
  const Field allergies = field("allergies");
  const Field occasion = field("occasion");
  const Field high_chairs = field("highChairs");
  ASSERT_EQ(occasion.options.size(), 4u);

  // A dropdown answer by option name or by option id; names filled in by the
  // server (whatever the client claims).
  const std::string by_name = create(
      booking_body("2026-12-04", "19:00", 2,
                   R"("customFields":[{"_id":")" + occasion.id + R"(","value":"Birthday"},{"_id":")" + allergies.id +
                       R"(","name":"wrong name","value":"nuts"},{"_id":")" + high_chairs.id + R"(","value":2}])"));
  auto doc = booking(by_name);
  EXPECT_EQ(at(doc, "customFields"), R"([{"_id":")" + occasion.id + R"(","name":"occasion","value":")" +
                                         occasion.options.at("Birthday") +
                                         R"(","multipleChoiceValueName":"Birthday"},{"_id":")" + allergies.id +
                                         R"(","name":"allergies","value":"nuts"},{"_id":")" + high_chairs.id +
                                         R"(","name":"highChairs","value":2}])");

  const std::string by_id = create(booking_body(
      "2026-12-04", "19:00", 2,
      R"("customFields":[{"_id":")" + occasion.id + R"(","value":")" + occasion.options.at("Date night") + R"("}])"));
  EXPECT_EQ(at(booking(by_id), "customFields.0.value"), q(occasion.options.at("Date night")));
  EXPECT_EQ(at(booking(by_id), "customFields.0.multipleChoiceValueName"), q("Date night"));

  struct Bad {
    std::string answers;
    std::string field;
  };
  const std::vector<Bad> bad = {
      {R"([{"_id":")" + occasion.id + R"(","value":"Wedding"}])", "customFields[0].value"},
      {R"([{"_id":")" + occasion.id + R"(","value":3}])", "customFields[0].value"},
      {R"([{"_id":")" + high_chairs.id + R"(","value":"two"}])", "customFields[0].value"},
      {R"([{"_id":")" + allergies.id + R"(","value":5}])", "customFields[0].value"},
      {R"([{"_id":")" + allergies.id + R"(","value":"a"},{"_id":")" + allergies.id + R"(","value":"b"}])",
       "customFields[1]._id"},
      {R"([{"_id":")" + allergies.id + R"(","value":"a","extra":1}])", "customFields[0].extra"},
      {R"([{"value":"a"}])", "customFields[0]._id"},
      {R"({"allergies":"nuts"})", "customFields"},
  };
  for (const auto& b : bad) {
    Reply r = post(booking_body("2026-12-04", "19:00", 2, R"("customFields":)" + b.answers));
    EXPECT_EQ(r.status, 422u) << b.answers << " -> " << r.body;
    EXPECT_EQ(string_at(r.body, "field"), b.field) << b.answers << " -> " << r.body;
  }
  EXPECT_EQ(day("2026-12-04").size(), 2u);
}

TEST_F(BookingRulesTest, AnAnswerToAnUnknownCustomFieldIsRefused) {
  Reply r = post(booking_body("2026-12-04", "19:00", 2, R"("customFields":[{"_id":"AAAAAAAAAAAAAAAAA","value":"x"}])"));
  EXPECT_EQ(string_at(r.body, "code"), "unknown_reference") << r.body;
  EXPECT_EQ(string_at(r.body, "field"), "customFields[0]._id") << r.body;
  // SPEC.md section 5: a referenced resource that does not exist is a 404,
  // as an unknown table id in the same body is.
  EXPECT_EQ(r.status, 404u) << r.body;
  EXPECT_EQ(day("2026-12-04"), std::vector<std::string>{});
}

TEST_F(BookingRulesTest, TheRestaurantsBookingRulesGiveTheDefaults) {
  Reply rules = call("PUT", "/v1/restaurant",
                     R"({"bookingRules":{"defaultStatus":"approved","turnoverBuffer":15,"defaultDuration":100,)"
                     R"("durations":[{"minPeople":1,"maxPeople":2,"minutes":60}]}})");
  ASSERT_EQ(rules.status, 200u) << rules.body;

  auto pair = booking(create(booking_body("2026-12-04", "12:00", 2)));
  EXPECT_EQ(at(pair, "status"), q("approved"));
  EXPECT_EQ(at(pair, "approvedAt"), at(pair, "createdAt"));
  EXPECT_EQ(at(pair, "duration"), "60");
  EXPECT_EQ(at(booking(create(booking_body("2026-12-04", "12:00", 3))), "duration"), "100");
  // A status in the body still wins.
  EXPECT_EQ(at(booking(create(booking_body("2026-12-04", "12:00", 2, R"("status":"request")"))), "status"),
            q("request"));

  // 19:00-20:00 on T1, then 15 minutes to turn the table.
  ASSERT_FALSE(create(booking_body("2026-12-05", "19:00", 2, on("T1"))).empty());
  expect_refused(post(booking_body("2026-12-05", "20:10", 2, on("T1"))), 422, "table_unavailable");
  EXPECT_FALSE(create(booking_body("2026-12-05", "20:15", 2, on("T1"))).empty());
  // The buffer after an earlier booking counts too: 17:50-18:50 + 15 runs into 19:00.
  expect_refused(post(booking_body("2026-12-05", "17:50", 2, on("T1"))), 422, "table_unavailable");
  EXPECT_FALSE(create(booking_body("2026-12-05", "17:45", 2, on("T1"))).empty());
}

TEST_F(BookingRulesTest, CheckboxAnswersAreTheTickedOptions) {
  Reply made = call("POST", "/v1/customFields",
                    R"({"name":"extras","label":"Extras","type":"checkbox","activeFlows":["booking"],)"
                    R"("defaultOnAllOpeningHours":true,)"
                    R"("multipleChoiceSelections":[{"name":"Cake"},{"name":"Flowers"},{"name":"Wine"}]})");
  ASSERT_EQ(made.status, 200u) << made.body;
  const Field extras = field("extras");
  ASSERT_EQ(extras.options.size(), 3u);
  const std::string cake = extras.options.at("Cake"), flowers = extras.options.at("Flowers"),
                    wine = extras.options.at("Wine");

  // resOS shape {_id, name, value: true}; unticked (value false) left out;
  // a bare option id or name is accepted too.
  const std::string id = create(booking_body("2026-12-04", "19:00", 2,
                                             R"("customFields":[{"_id":")" + extras.id + R"(","value":[{"_id":")" +
                                                 cake + R"(","name":"Cake","value":true},)" + R"({"_id":")" + wine +
                                                 R"(","name":"Wine","value":false},"Flowers"]}])"));
  EXPECT_EQ(at(booking(id), "customFields"), R"([{"_id":")" + extras.id + R"(","name":"extras","value":[{"_id":")" +
                                                 cake + R"(","name":"Cake","value":true},{"_id":")" + flowers +
                                                 R"(","name":"Flowers","value":true}]}])");

  for (const char* bad : {R"("Cake")", R"([{"_id":"AAAAAAAAAAAAAAAAA","value":true}])", R"(["Beer"])", R"([5])"}) {
    Reply r = post(booking_body("2026-12-04", "19:00", 2,
                                R"("customFields":[{"_id":")" + extras.id + R"(","value":)" + std::string(bad) + "}]"));
    EXPECT_EQ(r.status, 422u) << bad << " -> " << r.body;
  }
  // Nothing ticked: no answer.
  const std::string none =
      create(booking_body("2026-12-04", "19:00", 2, R"("customFields":[{"_id":")" + extras.id + R"(","value":[]}])"));
  EXPECT_EQ(at(booking(none), "customFields"), "[]");
}

TEST_F(BookingRulesTest, ARequiredCustomFieldMustBeAnswered) {
  const Field allergies = field("allergies");
  ASSERT_EQ(call("PUT", "/v1/customFields/" + allergies.id, R"({"isRequired":true})").status, 200u);

  Reply missing = post(booking_body("2026-12-04", "19:00", 2));
  expect_refused(missing, 422, "missing_field", "customFields");
  EXPECT_NE(string_at(missing.body, "message").find("Allergies or dietary needs"), std::string::npos) << missing.body;
  Reply blank =
      post(booking_body("2026-12-04", "19:00", 2, R"("customFields":[{"_id":")" + allergies.id + R"(","value":""}])"));
  expect_refused(blank, 422, "missing_field", "customFields");
  const std::string id = create(
      booking_body("2026-12-04", "19:00", 2, R"("customFields":[{"_id":")" + allergies.id + R"(","value":"None"}])"));
  EXPECT_FALSE(id.empty());
  // Replacing the answers without it is refused too.
  expect_refused(call("PUT", "/v1/bookings/" + id, R"({"customFields":[]})"), 422, "missing_field", "customFields");
  EXPECT_EQ(at(booking(id), "customFields.0.value"), q("None"));
  EXPECT_EQ(day("2026-12-04"), std::vector<std::string>{id});
}

TEST_F(BookingRulesTest, AnIdempotencyKeyOfAnErasedBookingStartsAfresh) {
  const std::string body = booking_body("2026-12-09", "19:00", 2);
  Reply first = post(body, {{"Idempotency-Key", "gdpr-then-retry"}});
  ASSERT_EQ(first.status, 200u);
  ASSERT_EQ(call("DELETE", std::string("/v1/bookings/") + parse(first.body).GetString()).status, 204u);
  // Never the id of the erased booking.
  Reply again = post(body, {{"Idempotency-Key", "gdpr-then-retry"}});
  ASSERT_EQ(again.status, 200u) << again.body;
  EXPECT_NE(again.body, first.body);
  EXPECT_FALSE(again.has("idempotent-replayed"));
  EXPECT_EQ(call("GET", std::string("/v1/bookings/") + parse(again.body).GetString()).status, 200u);
}

// Back-to-back bookings that overlap only because the restaurant later
// added a turnover buffer: their other details must stay editable.
TEST_F(BookingRulesTest, AnEditThatDoesNotTouchTablesOrTimesIsNotATableConflict) {
  const std::string first = create(booking_body("2026-12-04", "19:00", 2, on("T5")));  // 19:00-20:30
  const std::string second = create(booking_body("2026-12-04", "20:30", 2, on("T5")));
  ASSERT_FALSE(first.empty());
  ASSERT_FALSE(second.empty());
  ASSERT_EQ(call("PUT", "/v1/restaurant", R"({"bookingRules":{"turnoverBuffer":15}})").status, 200u);

  // Only changes that take a table, or hold one longer, are checked.
  Reply phone = call("PUT", "/v1/bookings/" + second, R"({"guest":{"phone":"+45 33 33 33 33"}})");
  EXPECT_EQ(phone.status, 200u) << phone.body;
  Reply comment = call("PUT", "/v1/bookings/" + first, R"({"comment":"Birthday"})");
  EXPECT_EQ(comment.status, 200u) << comment.body;
  Reply approve = call("PUT", "/v1/bookings/" + first, R"({"status":"approved"})");
  EXPECT_EQ(approve.status, 200u) << approve.body;
  Reply shorter = call("PUT", "/v1/bookings/" + first, R"({"duration":60})");
  EXPECT_EQ(shorter.status, 200u) << shorter.body;
  // Notes (their own endpoint) are not refused.
  EXPECT_EQ(call("POST", "/v1/bookings/" + first + "/restaurantNote", R"({"text":"ok"})").status, 200u);
  // What takes more is checked, of course: a later start still inside the
  // first's buffer, a longer stay, another table.
  expect_refused(call("PUT", "/v1/bookings/" + second, R"({"time":"20:10",)" + on("T5") + "}"), 422,
                 "table_unavailable");
  expect_refused(call("PUT", "/v1/bookings/" + first, R"({"duration":120,)" + on("T5") + "}"), 422,
                 "table_unavailable");
  const std::string third = create(booking_body("2026-12-04", "20:30", 2, on("T6")));
  expect_refused(call("PUT", "/v1/bookings/" + third, "{" + on("T5") + "}"), 422, "table_unavailable");
}

}  // namespace
}  // namespace maitred::test
