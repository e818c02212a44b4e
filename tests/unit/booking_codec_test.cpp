#include "json/booking_codec.hpp"

#include <gtest/gtest.h>

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/time_format.hpp"
#include "domain/errors.hpp"
#include "json/custom_field_answers.hpp"

namespace maitred::json {
namespace {

using domain::Booking;

core::SystemTime utc(std::string_view text) {
  auto t = core::parse_utc(text);
  EXPECT_TRUE(t) << text;
  return t.value_or(core::SystemTime{});
}

// A booking with every field set, and every field different from its default.
Booking full_booking() {
  Booking b;
  b.id = "bk-1";
  b.restaurant_id = "rs-1";
  b.date = "2026-01-20";
  b.time = 19 * 60 + 30;
  b.date_time = utc("2026-01-20T18:30:00Z");
  b.people = 4;
  b.duration = 150;
  b.status = "left";
  b.source = "website";
  b.language_code = "da";
  b.guest = {"Ann \"Annie\" Smith", "ann@example.com", "+4511111111", true, true};
  b.custom_fields = {
      {"cf-text", "Allergies", std::string(R"(No nuts, "please")"), ""},
      {"cf-num", "Children", domain::NumberAnswer{2, 2}, ""},
      {"cf-dec", "Budget", domain::NumberAnswer{2.5, std::nullopt}, ""},
      {"cf-radio", "Seating", std::string("opt-out"), "Outside"},
      {"cf-check", "Extras", std::vector<domain::TickedOption>{{"x-cake", "Cake"}, {"x-wine", "Wine"}}, ""},
  };
  b.restaurant_notes = {
      {"nt-1", "Regular guest", "API", utc("2026-01-10T09:00:00Z")},
      {"nt-2", "Wants the corner\nnear the window", "Maria", utc("2026-01-11T10:15:30Z")},
  };
  b.comments = {
      {"cm-1", "Can we bring a dog?", "guest", utc("2026-01-12T08:00:00Z")},
      {"cm-2", "Booking approved", "system", utc("2026-01-12T08:05:00Z")},
  };
  b.tables = {
      {"tb-1", "Table 1", "ar-1", "Inside"},
      {"tb-2", "Bar 2", "", ""},
  };
  b.opening_hour_id = "oh-dinner";
  b.opening_hour_name = "Dinner";
  b.comment = "Window seat please";
  b.referrer = "https://example.com/book?a=b&c=d";
  b.metadata_json = R"({"external":{"id":42,"ok":true},"tags":["vip","é"]})";
  b.customer_id = "cu-1";
  b.created_at = utc("2026-01-01T12:00:00Z");
  b.activity_at = utc("2026-01-20T21:05:00Z");
  b.stamps.approved_at = utc("2026-01-02T12:00:00Z");
  b.stamps.declined_at = utc("2026-01-03T12:00:00Z");
  b.stamps.canceled_at = utc("2026-01-04T12:00:00Z");
  b.stamps.arrived_at = utc("2026-01-20T18:25:00Z");
  b.stamps.seated_at = utc("2026-01-20T18:31:00Z");
  b.stamps.left_at = utc("2026-01-20T21:05:00Z");
  b.stamps.no_show_at = utc("2026-01-05T12:00:00Z");
  return b;
}

void expect_same(const Booking& a, const Booking& b) {
  EXPECT_EQ(a.id, b.id);
  EXPECT_EQ(a.restaurant_id, b.restaurant_id);
  EXPECT_EQ(a.date, b.date);
  EXPECT_EQ(a.time, b.time);
  EXPECT_EQ(a.date_time, b.date_time);
  EXPECT_EQ(a.people, b.people);
  EXPECT_EQ(a.duration, b.duration);
  EXPECT_EQ(a.status, b.status);
  EXPECT_EQ(a.source, b.source);
  EXPECT_EQ(a.language_code, b.language_code);
  EXPECT_EQ(a.guest.name, b.guest.name);
  EXPECT_EQ(a.guest.email, b.guest.email);
  EXPECT_EQ(a.guest.phone, b.guest.phone);
  EXPECT_EQ(a.guest.notification_sms, b.guest.notification_sms);
  EXPECT_EQ(a.guest.notification_email, b.guest.notification_email);
  ASSERT_EQ(a.custom_fields.size(), b.custom_fields.size());
  for (std::size_t i = 0; i < a.custom_fields.size(); ++i) {
    EXPECT_EQ(a.custom_fields[i].id, b.custom_fields[i].id) << i;
    EXPECT_EQ(a.custom_fields[i].name, b.custom_fields[i].name) << i;
    EXPECT_EQ(answer_value_json(a.custom_fields[i].value), answer_value_json(b.custom_fields[i].value)) << i;
    EXPECT_EQ(a.custom_fields[i].multiple_choice_value_name, b.custom_fields[i].multiple_choice_value_name) << i;
  }
  ASSERT_EQ(a.restaurant_notes.size(), b.restaurant_notes.size());
  for (std::size_t i = 0; i < a.restaurant_notes.size(); ++i) {
    EXPECT_EQ(a.restaurant_notes[i].id, b.restaurant_notes[i].id) << i;
    EXPECT_EQ(a.restaurant_notes[i].text, b.restaurant_notes[i].text) << i;
    EXPECT_EQ(a.restaurant_notes[i].author, b.restaurant_notes[i].author) << i;
    EXPECT_EQ(a.restaurant_notes[i].created_at, b.restaurant_notes[i].created_at) << i;
  }
  ASSERT_EQ(a.comments.size(), b.comments.size());
  for (std::size_t i = 0; i < a.comments.size(); ++i) {
    EXPECT_EQ(a.comments[i].id, b.comments[i].id) << i;
    EXPECT_EQ(a.comments[i].text, b.comments[i].text) << i;
    EXPECT_EQ(a.comments[i].role, b.comments[i].role) << i;
    EXPECT_EQ(a.comments[i].created_at, b.comments[i].created_at) << i;
  }
  ASSERT_EQ(a.tables.size(), b.tables.size());
  for (std::size_t i = 0; i < a.tables.size(); ++i) {
    EXPECT_EQ(a.tables[i].id, b.tables[i].id) << i;
    EXPECT_EQ(a.tables[i].name, b.tables[i].name) << i;
    EXPECT_EQ(a.tables[i].area_id, b.tables[i].area_id) << i;
    EXPECT_EQ(a.tables[i].area_name, b.tables[i].area_name) << i;
  }
  EXPECT_EQ(a.opening_hour_id, b.opening_hour_id);
  EXPECT_EQ(a.opening_hour_name, b.opening_hour_name);
  EXPECT_EQ(a.comment, b.comment);
  EXPECT_EQ(a.referrer, b.referrer);
  EXPECT_EQ(a.metadata_json, b.metadata_json);
  EXPECT_EQ(a.customer_id, b.customer_id);
  EXPECT_EQ(a.created_at, b.created_at);
  EXPECT_EQ(a.activity_at, b.activity_at);
  EXPECT_EQ(a.stamps.approved_at, b.stamps.approved_at);
  EXPECT_EQ(a.stamps.declined_at, b.stamps.declined_at);
  EXPECT_EQ(a.stamps.canceled_at, b.stamps.canceled_at);
  EXPECT_EQ(a.stamps.arrived_at, b.stamps.arrived_at);
  EXPECT_EQ(a.stamps.seated_at, b.stamps.seated_at);
  EXPECT_EQ(a.stamps.left_at, b.stamps.left_at);
  EXPECT_EQ(a.stamps.no_show_at, b.stamps.no_show_at);
}

struct Failure {
  std::string code;
  std::string field;
};

Failure failure(const std::function<void()>& f) {
  try {
    f();
  } catch (const domain::InvalidInput& e) {
    return {e.code, e.field};
  }
  ADD_FAILURE() << "no InvalidInput thrown";
  return {"<none>", "<none>"};
}

// --- booking_to_json / booking_from_stored ----------------------------------

TEST(BookingCodec, RoundTripsEveryField) {
  const auto original = full_booking();
  const auto json = booking_to_json(original);
  const auto back = booking_from_stored(json);
  expect_same(back, original);
  EXPECT_EQ(booking_to_json(back), json);  // byte for byte
}

TEST(BookingCodec, RoundTripsABookingWithoutStamps) {
  auto original = full_booking();
  original.stamps = {};
  original.custom_fields.clear();
  original.restaurant_notes.clear();
  original.comments.clear();
  original.tables.clear();
  original.metadata_json = "{}";
  const auto json = booking_to_json(original);
  const auto back = booking_from_stored(json);
  expect_same(back, original);
  EXPECT_FALSE(back.stamps.approved_at);
  EXPECT_FALSE(back.stamps.left_at);
  for (const char* key : {"approvedAt", "declinedAt", "canceledAt", "arrivedAt", "seatedAt", "leftAt", "noShowAt"}) {
    EXPECT_EQ(json.find(key), std::string::npos) << key;
  }
}

TEST(BookingCodec, WritesTheDocumentShape) {
  Booking b;
  b.id = "bk-1";
  b.restaurant_id = "rs-1";
  b.date = "2026-01-20";
  b.time = 18 * 60;
  b.date_time = utc("2026-01-20T17:00:00Z");
  b.guest.name = "Ann";
  b.created_at = utc("2026-01-01T12:00:00Z");
  b.activity_at = utc("2026-01-02T13:00:00Z");
  EXPECT_EQ(booking_to_json(b),
            R"({"_id":"bk-1","restaurantId":"rs-1","date":"2026-01-20","time":"18:00",)"
            R"("dateTime":"2026-01-20T17:00:00Z","people":2,"duration":120,"status":"request","source":"other",)"
            R"("languageCode":"en","guest":{"name":"Ann","email":"","phone":"","notificationSms":false,)"
            R"("notificationEmail":false},"customFields":[],"restaurantNotes":[],"comments":[],"tables":[],)"
            R"("openingHourId":"","openingHourName":"","comment":"","referrer":"","metadata":{},"customerId":"",)"
            R"("createdAt":"2026-01-01T12:00:00Z","activityAt":"2026-01-02T13:00:00Z"})");
}

TEST(BookingCodec, WritesNestedPartsInResosShape) {
  const auto json = booking_to_json(full_booking());
  EXPECT_NE(json.find(R"("time":"19:30")"), std::string::npos);
  EXPECT_NE(json.find(R"({"_id":"tb-1","name":"Table 1","area":{"_id":"ar-1","name":"Inside"}})"), std::string::npos);
  EXPECT_NE(json.find(R"({"_id":"tb-2","name":"Bar 2","area":null})"), std::string::npos);
  EXPECT_NE(json.find(R"({"_id":"cf-radio","name":"Seating","value":"opt-out","multipleChoiceValueName":"Outside"})"),
            std::string::npos);
  EXPECT_NE(json.find(R"({"_id":"cf-num","name":"Children","value":2})"), std::string::npos);
  EXPECT_NE(json.find(R"({"_id":"cf-check","name":"Extras","value":[{"_id":"x-cake","name":"Cake","value":true},)"),
            std::string::npos);
  EXPECT_NE(json.find(R"({"_id":"nt-1","restaurantNote":"Regular guest","author":"API",)"
                      R"("createdAt":"2026-01-10T09:00:00Z"})"),
            std::string::npos);
  EXPECT_NE(json.find(R"({"_id":"cm-1","comment":"Can we bring a dog?","role":"guest",)"
                      R"("createdAt":"2026-01-12T08:00:00Z"})"),
            std::string::npos);
  EXPECT_NE(json.find(R"("metadata":{"external":{"id":42,"ok":true},"tags":["vip","é"]})"), std::string::npos);
  EXPECT_NE(json.find(R"("approvedAt":"2026-01-02T12:00:00Z","declinedAt":"2026-01-03T12:00:00Z",)"
                      R"("canceledAt":"2026-01-04T12:00:00Z","arrivedAt":"2026-01-20T18:25:00Z",)"
                      R"("seatedAt":"2026-01-20T18:31:00Z","leftAt":"2026-01-20T21:05:00Z",)"
                      R"("noShowAt":"2026-01-05T12:00:00Z"})"),
            std::string::npos);
}

TEST(BookingCodec, OnlySetStampsAreWritten) {
  auto b = full_booking();
  b.stamps = {};
  b.stamps.canceled_at = utc("2026-01-04T12:00:00Z");
  const auto json = booking_to_json(b);
  EXPECT_NE(json.find(R"("canceledAt":"2026-01-04T12:00:00Z"})"), std::string::npos);
  for (const char* key : {"approvedAt", "declinedAt", "arrivedAt", "seatedAt", "leftAt", "noShowAt"}) {
    EXPECT_EQ(json.find(key), std::string::npos) << key;
  }
  auto back = booking_from_stored(json);
  EXPECT_EQ(back.stamps.canceled_at, utc("2026-01-04T12:00:00Z"));
  EXPECT_FALSE(back.stamps.approved_at);
}

TEST(BookingCodec, MillisecondsAreDroppedFromTimes) {
  auto b = full_booking();
  b.created_at = utc("2026-01-01T12:00:00Z") + std::chrono::milliseconds{750};
  auto back = booking_from_stored(booking_to_json(b));
  EXPECT_EQ(back.created_at, utc("2026-01-01T12:00:00Z"));
}

TEST(BookingCodec, StoredAnswerWithoutValueReadsAsNull) {
  auto json = booking_to_json(full_booking());
  auto at = json.find(R"({"_id":"cf-num","name":"Children","value":2})");
  ASSERT_NE(at, std::string::npos);
  json.replace(at, std::string(R"({"_id":"cf-num","name":"Children","value":2})").size(),
               R"({"_id":"cf-num","name":"Children"})");
  auto back = booking_from_stored(json);
  ASSERT_EQ(back.custom_fields.size(), 5u);
  EXPECT_EQ(answer_value_json(back.custom_fields[1].value), "null");
}

TEST(BookingCodec, StoredDocumentWithUnknownKeyIsRefused) {
  auto json = booking_to_json(full_booking());
  json.insert(1, R"("surprise":1,)");
  auto f = failure([&] { booking_from_stored(json); });
  EXPECT_EQ(f.code, "unknown_field");
  EXPECT_EQ(f.field, "surprise");
}

TEST(BookingCodec, StoredDocumentWithBadTimeIsRefused) {
  auto json = booking_to_json(full_booking());
  auto at = json.find("2026-01-20T18:30:00Z");
  ASSERT_NE(at, std::string::npos);
  json.replace(at, 20, "2026-01-20 18:30:00");
  auto f = failure([&] { booking_from_stored(json); });
  EXPECT_EQ(f.field, "dateTime");
  EXPECT_THROW(booking_from_stored(json), std::runtime_error);
}

TEST(BookingCodec, StoredDocumentWithBadDateIsRefused) {
  auto json = booking_to_json(full_booking());
  auto at = json.find(R"("date":"2026-01-20")");
  ASSERT_NE(at, std::string::npos);
  json.replace(at, 19, R"("date":"2026-02-30")");
  auto f = failure([&] { booking_from_stored(json); });
  EXPECT_EQ(f.field, "date");
}

TEST(BookingCodec, StoredDocumentMustBeJsonWithAnId) {
  EXPECT_EQ(failure([] { booking_from_stored("{"); }).code, "malformed_json");
  auto f = failure([] { booking_from_stored("{}"); });
  EXPECT_EQ(f.code, "missing_field");
  EXPECT_EQ(f.field, "_id");
}

// --- read_booking_changes ---------------------------------------------------

// A body read the way the API reads it: read_booking_changes, then finish().
struct Read {
  rapidjson::Document doc;
  domain::BookingDraft c;
  explicit Read(std::string_view body) : doc(parse_body(body)) {
    ObjectReader in(doc);
    c = read_booking_changes(in);
    in.finish();
  }
};

Failure read_failure(std::string_view body) {
  return failure([&] { Read r(body); });
}

void expect_refused(std::string_view body, const std::string& field, const std::string& code = "invalid_field") {
  auto f = read_failure(body);
  EXPECT_EQ(f.code, code) << body;
  EXPECT_EQ(f.field, field) << body;
}

TEST(BookingCodec, ReadsEveryField) {
  Read r(R"({
    "date": "2026-01-20", "time": "19:30", "people": 4, "duration": 150,
    "status": "approved", "source": "phone", "languageCode": "da",
    "guest": {"name": "Ann Smith", "email": "ann@example.com", "phone": "+45 11 11 11 11",
              "notificationSms": true, "notificationEmail": false},
    "tables": ["tb-1", "tb-2"],
    "customFields": [{"_id": "cf-text", "value": "No nuts"}],
    "comment": "Window seat", "note": "Regular", "noteAuthor": "Maria",
    "referrer": "https://example.com/", "metadata": { "a" : {"b": [1, 2]}, "c": "d" },
    "openingHourId": "oh-dinner", "sendNotification": true, "expand": "tables"
  })");
  const auto& c = r.c;
  EXPECT_EQ(c.date, "2026-01-20");
  EXPECT_EQ(c.time, "19:30");
  EXPECT_EQ(c.people, 4);
  EXPECT_EQ(c.duration, 150);
  EXPECT_EQ(c.status, "approved");
  EXPECT_EQ(c.source, "phone");
  EXPECT_EQ(c.language_code, "da");
  EXPECT_EQ(c.guest_name, "Ann Smith");
  EXPECT_EQ(c.guest_email, "ann@example.com");
  EXPECT_EQ(c.guest_phone, "+45 11 11 11 11");  // as sent; normalised later
  EXPECT_EQ(c.notification_sms, true);
  EXPECT_EQ(c.notification_email, false);
  ASSERT_TRUE(c.table_ids);
  EXPECT_EQ(*c.table_ids, (std::vector<std::string>{"tb-1", "tb-2"}));
  ASSERT_TRUE(c.custom_fields);
  ASSERT_EQ(c.custom_fields->size(), 1u);
  EXPECT_EQ((*c.custom_fields)[0].id, "cf-text");
  EXPECT_EQ((*c.custom_fields)[0].value.kind, domain::AnswerValueDraft::Kind::text);
  EXPECT_EQ((*c.custom_fields)[0].value.text, "No nuts");
  EXPECT_EQ(c.comment, "Window seat");
  EXPECT_EQ(c.note, "Regular");
  EXPECT_EQ(c.note_author, "Maria");
  EXPECT_EQ(c.referrer, "https://example.com/");
  EXPECT_EQ(c.metadata_json, R"({"a":{"b":[1,2]},"c":"d"})");
  EXPECT_EQ(c.opening_hour_id, "oh-dinner");
}

TEST(BookingCodec, EmptyBodyChangesNothing) {
  Read r("{}");
  const auto& c = r.c;
  EXPECT_FALSE(c.date);
  EXPECT_FALSE(c.time);
  EXPECT_FALSE(c.people);
  EXPECT_FALSE(c.duration);
  EXPECT_FALSE(c.status);
  EXPECT_FALSE(c.source);
  EXPECT_FALSE(c.language_code);
  EXPECT_FALSE(c.guest_name);
  EXPECT_FALSE(c.guest_email);
  EXPECT_FALSE(c.guest_phone);
  EXPECT_FALSE(c.notification_sms);
  EXPECT_FALSE(c.notification_email);
  EXPECT_FALSE(c.table_ids);
  EXPECT_FALSE(c.custom_fields);
  EXPECT_FALSE(c.comment);
  EXPECT_FALSE(c.note);
  EXPECT_FALSE(c.note_author);
  EXPECT_FALSE(c.referrer);
  EXPECT_FALSE(c.metadata_json);
  EXPECT_FALSE(c.opening_hour_id);
}

TEST(BookingCodec, NullsAreAbsent) {
  Read r(R"({"date":null,"people":null,"guest":null,"tables":null,"customFields":null,"metadata":null,
             "comment":null,"openingHourId":null})");
  EXPECT_FALSE(r.c.date);
  EXPECT_FALSE(r.c.people);
  EXPECT_FALSE(r.c.guest_name);
  EXPECT_FALSE(r.c.table_ids);
  EXPECT_FALSE(r.c.custom_fields);
  EXPECT_FALSE(r.c.metadata_json);
  EXPECT_FALSE(r.c.comment);
  EXPECT_FALSE(r.c.opening_hour_id);
}

TEST(BookingCodec, PartialGuest) {
  Read r(R"({"guest":{"phone":""}})");
  EXPECT_EQ(r.c.guest_phone, "");
  EXPECT_FALSE(r.c.guest_name);
  EXPECT_FALSE(r.c.guest_email);
  EXPECT_FALSE(r.c.notification_sms);
}

TEST(BookingCodec, UnknownKeysAreRefused) {
  expect_refused(R"({"date":"2026-01-20","foo":1})", "foo", "unknown_field");
  expect_refused(R"({"dateTime":"2026-01-20T18:00:00Z"})", "dateTime", "unknown_field");
  expect_refused(R"({"_id":"bk-1"})", "_id", "unknown_field");
  expect_refused(R"({"guest":{"name":"Ann","age":30}})", "guest.age", "unknown_field");
  expect_refused(R"({"restaurantNotes":[]})", "restaurantNotes", "unknown_field");
}

TEST(BookingCodec, SendNotificationAndExpandAreAcceptedAndIgnored) {
  Read r(R"({"sendNotification":false,"expand":["tables","customFields"]})");
  EXPECT_FALSE(r.c.date);
  EXPECT_FALSE(r.c.custom_fields);
  EXPECT_FALSE(r.c.table_ids);
}

TEST(BookingCodec, PeopleAndDurationRanges) {
  EXPECT_EQ(Read(R"({"people":1})").c.people, 1);
  EXPECT_EQ(Read(R"({"people":1000})").c.people, 1000);
  EXPECT_EQ(Read(R"({"people":3.0})").c.people, 3);
  expect_refused(R"({"people":0})", "people");
  expect_refused(R"({"people":1001})", "people");
  expect_refused(R"({"people":2.5})", "people");
  expect_refused(R"({"people":"2"})", "people");
  EXPECT_EQ(Read(R"({"duration":5})").c.duration, 5);
  EXPECT_EQ(Read(R"({"duration":1440})").c.duration, 1440);
  expect_refused(R"({"duration":4})", "duration");
  expect_refused(R"({"duration":1441})", "duration");
  expect_refused(R"({"duration":true})", "duration");
}

TEST(BookingCodec, TextLengthLimits) {
  auto body = [](const char* key, std::size_t n, const std::string& unit = "a") {
    std::string value;
    for (std::size_t i = 0; i < n; ++i) value += unit;
    return std::string("{\"") + key + "\":\"" + value + "\"}";
  };
  const std::pair<const char*, std::size_t> limits[] = {
      {"date", 10},      {"time", 8},    {"status", 20},      {"source", 20},     {"languageCode", 5},
      {"comment", 5000}, {"note", 5000}, {"noteAuthor", 200}, {"referrer", 2000}, {"openingHourId", 64},
  };
  for (auto [key, max] : limits) {
    EXPECT_NO_THROW(Read r(body(key, max))) << key;
    expect_refused(body(key, max + 1), key);
  }
  // Characters, not bytes.
  EXPECT_NO_THROW(Read r(body("noteAuthor", 200, "é")));
  expect_refused(body("noteAuthor", 201, "é"), "noteAuthor");
}

TEST(BookingCodec, GuestLengthLimits) {
  EXPECT_EQ(Read(R"({"guest":{"name":")" + std::string(200, 'a') + R"("}})").c.guest_name->size(), 200u);
  expect_refused(R"({"guest":{"name":")" + std::string(201, 'a') + R"("}})", "guest.name");
  EXPECT_NO_THROW(Read(R"({"guest":{"email":")" + std::string(254, 'a') + R"("}})"));
  expect_refused(R"({"guest":{"email":")" + std::string(255, 'a') + R"("}})", "guest.email");
  EXPECT_NO_THROW(Read(R"({"guest":{"phone":")" + std::string(40, '1') + R"("}})"));
  expect_refused(R"({"guest":{"phone":")" + std::string(41, '1') + R"("}})", "guest.phone");
}

TEST(BookingCodec, WrongTypesAreRefused) {
  expect_refused(R"({"date":20260120})", "date");
  expect_refused(R"({"status":1})", "status");
  expect_refused(R"({"guest":"Ann"})", "guest");
  expect_refused(R"({"guest":{"name":["Ann"]}})", "guest.name");
  expect_refused(R"({"guest":{"notificationSms":"yes"}})", "guest.notificationSms");
  expect_refused(R"({"guest":{"notificationEmail":1}})", "guest.notificationEmail");
  expect_refused(R"({"comment":{}})", "comment");
}

TEST(BookingCodec, TablesAsIds) {
  Read r(R"({"tables":["tb-1","tb-2","tb-3"]})");
  ASSERT_TRUE(r.c.table_ids);
  EXPECT_EQ(*r.c.table_ids, (std::vector<std::string>{"tb-1", "tb-2", "tb-3"}));
}

TEST(BookingCodec, TablesAsObjects) {
  // The shape reads show, sent back with the rest ignored.
  Read r(R"({"tables":[{"_id":"tb-1","name":"Table 1","area":{"_id":"ar-1","name":"Inside"}},
                       {"_id":"tb-2"}, "tb-3"]})");
  ASSERT_TRUE(r.c.table_ids);
  EXPECT_EQ(*r.c.table_ids, (std::vector<std::string>{"tb-1", "tb-2", "tb-3"}));
}

TEST(BookingCodec, EmptyTablesClearTheTables) {
  Read r(R"({"tables":[]})");
  ASSERT_TRUE(r.c.table_ids);
  EXPECT_TRUE(r.c.table_ids->empty());
}

TEST(BookingCodec, BadTablesAreRefused) {
  expect_refused(R"({"tables":"tb-1"})", "tables");
  expect_refused(R"({"tables":{"_id":"tb-1"}})", "tables");
  expect_refused(R"({"tables":["tb-1",2]})", "tables[1]");
  expect_refused(R"({"tables":[{"name":"Table 1"}]})", "tables[0]");
  expect_refused(R"({"tables":[{"_id":7}]})", "tables[0]");
  expect_refused(R"({"tables":["tb-1",null]})", "tables[1]");
  expect_refused(R"({"tables":[["tb-1"]]})", "tables[0]");
}

TEST(BookingCodec, AtMostTwentyTables) {
  auto tables = [](int n) {
    std::string body = R"({"tables":[)";
    for (int i = 0; i < n; ++i) body += std::string(i ? "," : "") + "\"tb-" + std::to_string(i) + "\"";
    return body + "]}";
  };
  Read r(tables(20));
  EXPECT_EQ(r.c.table_ids->size(), 20u);
  expect_refused(tables(21), "tables");
}

TEST(BookingCodec, TableObjectIdKeepsEmbeddedNul) {
  // Regression: the object form once cut the id at an escaped NUL
  // ({"_id":"tb-1\u0000x"} read as "tb-1", naming table tb-1), while the
  // string form kept all 6 characters. Both must keep the whole id.
  Read as_string(R"({"tables":["tb-1\u0000x"]})");
  EXPECT_EQ(as_string.c.table_ids->at(0), std::string("tb-1\0x", 6));
  Read as_object(R"({"tables":[{"_id":"tb-1\u0000x"}]})");
  EXPECT_EQ(as_object.c.table_ids->at(0), std::string("tb-1\0x", 6));
}

TEST(BookingCodec, CustomFieldsMustBeAnArray) {
  expect_refused(R"({"customFields":{"_id":"cf-1"}})", "customFields");
  expect_refused(R"({"customFields":"cf-1"})", "customFields");
  Read empty(R"({"customFields":[]})");
  ASSERT_TRUE(empty.c.custom_fields);
  EXPECT_EQ(empty.c.custom_fields->size(), 0u);
}

TEST(BookingCodec, MetadataMustBeAnObject) {
  expect_refused(R"({"metadata":[1,2]})", "metadata");
  expect_refused(R"({"metadata":"{}"})", "metadata");
  expect_refused(R"({"metadata":42})", "metadata");
  expect_refused(R"({"metadata":true})", "metadata");
  EXPECT_EQ(Read(R"({"metadata":{}})").c.metadata_json, "{}");
}

TEST(BookingCodec, MetadataIsSerialisedCompactly) {
  EXPECT_EQ(Read(R"({"metadata":{ "x" : [ 1 , 2.5 , null ] , "y" : { } }})").c.metadata_json,
            R"({"x":[1,2.5,null],"y":{}})");
  EXPECT_EQ(Read(R"({"metadata":{"q":"say \"hi\"\u0041"}})").c.metadata_json, R"({"q":"say \"hi\"A"})");
}

TEST(BookingCodec, MetadataUpTo2000CharactersSerialised) {
  // {"k":"…"} is 8 characters around the value.
  auto metadata = [](std::size_t n, const std::string& unit) {
    std::string value;
    for (std::size_t i = 0; i < n; ++i) value += unit;
    return R"({"metadata":{"k":")" + value + R"("}})";
  };
  EXPECT_EQ(Read(metadata(1992, "a")).c.metadata_json->size(), 2000u);
  expect_refused(metadata(1993, "a"), "metadata");
  // Counted in characters: 1992 two-byte characters are 3984 bytes, still fine.
  EXPECT_EQ(Read(metadata(1992, "é")).c.metadata_json->size(), 3984u + 8u);
  expect_refused(metadata(1993, "é"), "metadata");
  // Whitespace in the body does not count; the serialised form does.
  std::string spaced = R"({"metadata":{   "k"   :   ")" + std::string(1992, 'a') + R"("   }})";
  EXPECT_NO_THROW(Read r(spaced));
}

}  // namespace
}  // namespace maitred::json
