#include "json/setup_codec.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <functional>
#include <string>

#include "core/ids.hpp"
#include "core/time_format.hpp"
#include "domain/errors.hpp"
#include "json/restaurant_codec.hpp"

namespace maitred::json {
namespace {

using namespace domain;

struct Failure {
  std::string code;
  std::string field;
};

Failure failure(const std::function<void()>& f) {
  try {
    f();
  } catch (const InvalidInput& e) {
    return {e.code, e.field};
  }
  ADD_FAILURE() << "no InvalidInput thrown";
  return {"<none>", "<none>"};
}

// Applies `body` onto `doc` the way the API does (apply, then finish).
template <typename Doc>
void apply(std::string_view body, Doc& doc, void (*apply_fn)(ObjectReader&, Doc&)) {
  auto parsed = parse_body(body);
  ObjectReader in(parsed);
  apply_fn(in, doc);
  in.finish();
}

std::string table_json(const Table& t, const Area* area, bool embed) {
  std::string out;
  JsonWriter w(out);
  write_table(w, t, area, embed);
  return out;
}

// --- areas -------------------------------------------------------------------------------

Area full_area() {
  Area a;
  a.id = "AreaAAAAAAAAAAAA1";
  a.name = "Terrace \"outside\"";
  a.internal_note = "Heaters in winter\nline two";
  a.booking_priority = -3;
  return a;
}

TEST(SetupCodec, WritesAnArea) {
  EXPECT_EQ(to_json(full_area(), write_area),
            R"({"_id":"AreaAAAAAAAAAAAA1","name":"Terrace \"outside\"","internalNote":"Heaters in winter\nline two",)"
            R"("bookingPriority":-3})");
}

TEST(SetupCodec, AreaRoundTrip) {
  auto a = full_area();
  auto back = from_stored<Area>(to_json(a, write_area), apply_area);
  EXPECT_EQ(back.id, a.id);
  EXPECT_EQ(back.name, a.name);
  EXPECT_EQ(back.internal_note, a.internal_note);
  EXPECT_EQ(back.booking_priority, a.booking_priority);
}

TEST(SetupCodec, ApplyAreaChangesOnlySentFields) {
  auto a = full_area();
  apply(R"({"bookingPriority": 7})", a, apply_area);
  EXPECT_EQ(a.booking_priority, 7);
  EXPECT_EQ(a.name, "Terrace \"outside\"");
  EXPECT_EQ(a.internal_note, "Heaters in winter\nline two");
  apply(R"({"name": "Bar", "internalNote": ""})", a, apply_area);
  EXPECT_EQ(a.name, "Bar");
  EXPECT_EQ(a.internal_note, "");
  EXPECT_EQ(a.booking_priority, 7);
  apply("{}", a, apply_area);
  EXPECT_EQ(a.name, "Bar");
}

TEST(SetupCodec, ApplyAreaErrors) {
  Area a;
  EXPECT_EQ(failure([&] { apply(R"({"name": " "})", a, apply_area); }).field, "name");
  EXPECT_EQ(failure([&] { apply(R"({"name": 3})", a, apply_area); }).field, "name");
  EXPECT_EQ(failure([&] { apply(R"({"bookingPriority": 1001})", a, apply_area); }).field, "bookingPriority");
  EXPECT_EQ(failure([&] { apply(R"({"bookingPriority": -1001})", a, apply_area); }).field, "bookingPriority");
  EXPECT_EQ(failure([&] { apply(R"({"internalNote": ")" + std::string(2001, 'x') + "\"}", a, apply_area); }).field,
            "internalNote");
  auto unknown = failure([&] { apply(R"({"name": "A", "color": "red"})", a, apply_area); });
  EXPECT_EQ(unknown.code, "unknown_field");
  EXPECT_EQ(unknown.field, "color");
}

TEST(SetupCodec, NullNameIsNotReportedAsAnUnknownField) {
  Area a = full_area();
  // `name: null` is a known field with a bad (or "no change") value.
  try {
    apply(R"({"name": null})", a, apply_area);
    EXPECT_EQ(a.name, "Terrace \"outside\"");  // treated as absent
  } catch (const InvalidInput& e) {
    EXPECT_EQ(e.field, "name");
    // `name` is a known field: null is refused for its value, not as unknown.
    EXPECT_NE(e.code, "unknown_field") << e.what();
  }
}

TEST(SetupCodec, FromStoredNeedsAnId) {
  auto f = failure([] { (void)from_stored<Area>(R"({"name": "A"})", apply_area); });
  EXPECT_EQ(f.code, "missing_field");
  EXPECT_EQ(f.field, "_id");
  EXPECT_EQ(failure([] { (void)from_stored<Area>(R"({"_id": "x", "name": "A", "extra": 1})", apply_area); }).field,
            "extra");
  EXPECT_EQ(failure([] { (void)from_stored<Area>("not json", apply_area); }).code, "malformed_json");
}

// --- tables ----------------------------------------------------------------------------------

Table full_table() {
  Table t;
  t.id = "TableAAAAAAAAAAA1";
  t.name = "Window 4";
  t.seats_min = 2;
  t.seats_max = 6;
  t.area_id = "AreaAAAAAAAAAAAA1";
  t.internal_note = "Draughty";
  t.bookable_online = false;
  t.priority = 12;
  return t;
}

void expect_same_table(const Table& back, const Table& t) {
  EXPECT_EQ(back.id, t.id);
  EXPECT_EQ(back.name, t.name);
  EXPECT_EQ(back.seats_min, t.seats_min);
  EXPECT_EQ(back.seats_max, t.seats_max);
  EXPECT_EQ(back.area_id, t.area_id);
  EXPECT_EQ(back.internal_note, t.internal_note);
  EXPECT_EQ(back.bookable_online, t.bookable_online);
  EXPECT_EQ(back.priority, t.priority);
}

TEST(SetupCodec, WritesATableForStorageWithoutTheEmbeddedArea) {
  EXPECT_EQ(table_json(full_table(), nullptr, false),
            R"({"_id":"TableAAAAAAAAAAA1","name":"Window 4","areaId":"AreaAAAAAAAAAAAA1","seatsMin":2,"seatsMax":6,)"
            R"("bookableOnline":false,"priority":12,"internalNote":"Draughty"})");
}

TEST(SetupCodec, WritesATableWithItsArea) {
  auto area = full_area();
  auto json = table_json(full_table(), &area, true);
  EXPECT_NE(
      json.find(R"("area":{"_id":"AreaAAAAAAAAAAAA1","name":"Terrace \"outside\""},"areaId":"AreaAAAAAAAAAAAA1")"),
      std::string::npos)
      << json;
}

TEST(SetupCodec, WritesATableWithoutArea) {
  auto t = full_table();
  t.area_id.clear();
  auto embedded = table_json(t, nullptr, true);
  EXPECT_NE(embedded.find(R"("area":null,"areaId":null)"), std::string::npos) << embedded;
  auto stored = table_json(t, nullptr, false);
  EXPECT_EQ(stored.find("\"area\""), std::string::npos) << stored;
  EXPECT_NE(stored.find(R"("areaId":null)"), std::string::npos) << stored;
}

TEST(SetupCodec, TableRoundTrip) {
  auto t = full_table();
  expect_same_table(from_stored<Table>(table_json(t, nullptr, false), apply_table), t);
  auto area = full_area();
  // As the API answers it (with `area`), too.
  expect_same_table(from_stored<Table>(table_json(t, &area, true), apply_table), t);
  t.area_id.clear();
  expect_same_table(from_stored<Table>(table_json(t, nullptr, false), apply_table), t);
  expect_same_table(from_stored<Table>(table_json(t, nullptr, true), apply_table), t);
}

TEST(SetupCodec, ApplyTableChangesOnlySentFields) {
  auto t = full_table();
  apply(R"({"seatsMax": 8})", t, apply_table);
  auto expected = full_table();
  expected.seats_max = 8;
  expect_same_table(t, expected);
  apply(R"({"name": "Booth", "bookableOnline": true, "priority": -4, "internalNote": "x", "seatsMin": 3})", t,
        apply_table);
  expected.name = "Booth";
  expected.bookable_online = true;
  expected.priority = -4;
  expected.internal_note = "x";
  expected.seats_min = 3;
  expect_same_table(t, expected);
}

TEST(SetupCodec, AreaIdNullClearsTheArea) {
  auto t = full_table();
  apply(R"({"areaId": null})", t, apply_table);
  EXPECT_EQ(t.area_id, "");
  EXPECT_EQ(t.name, "Window 4");
}

TEST(SetupCodec, AreaIdAbsentKeepsTheArea) {
  auto t = full_table();
  apply(R"({"name": "T9"})", t, apply_table);
  EXPECT_EQ(t.area_id, "AreaAAAAAAAAAAAA1");
}

TEST(SetupCodec, AreaIdSetsTheArea) {
  auto t = full_table();
  apply(R"({"areaId": "AreaBBBBBBBBBBBB2"})", t, apply_table);
  EXPECT_EQ(t.area_id, "AreaBBBBBBBBBBBB2");
}

TEST(SetupCodec, EmbeddedAreaIsAcceptedAsTheReference) {
  auto t = full_table();
  apply(R"({"area": {"_id": "AreaBBBBBBBBBBBB2", "name": "Bar"}})", t, apply_table);
  EXPECT_EQ(t.area_id, "AreaBBBBBBBBBBBB2");
  apply(R"({"area": null})", t, apply_table);
  EXPECT_EQ(t.area_id, "");
}

TEST(SetupCodec, EmbeddedAreaRefusesUnknownKeys) {
  auto t = full_table();
  auto f = failure([&] { apply(R"({"area": {"_id": "AreaBBBBBBBBBBBB2", "color": "red"}})", t, apply_table); });
  EXPECT_EQ(f.code, "unknown_field");
  EXPECT_EQ(f.field, "area.color");
  EXPECT_EQ(failure([&] { apply(R"({"area": "AreaBBBBBBBBBBBB2"})", t, apply_table); }).field, "area");
  EXPECT_EQ(failure([&] { apply(R"({"area": {"_id": 5}})", t, apply_table); }).field, "area._id");
}

TEST(SetupCodec, ApplyTableErrors) {
  Table t;
  EXPECT_EQ(failure([&] { apply(R"({"seatsMin": -1})", t, apply_table); }).field, "seatsMin");
  EXPECT_EQ(failure([&] { apply(R"({"seatsMax": 0})", t, apply_table); }).field, "seatsMax");
  EXPECT_EQ(failure([&] { apply(R"({"seatsMax": 1001})", t, apply_table); }).field, "seatsMax");
  EXPECT_EQ(failure([&] { apply(R"({"seatsMax": 4.5})", t, apply_table); }).field, "seatsMax");
  EXPECT_EQ(failure([&] { apply(R"({"seatsMax": "4"})", t, apply_table); }).field, "seatsMax");
  EXPECT_EQ(failure([&] { apply(R"({"bookableOnline": "yes"})", t, apply_table); }).field, "bookableOnline");
  EXPECT_EQ(failure([&] { apply(R"({"areaId": 4})", t, apply_table); }).field, "areaId");
  EXPECT_EQ(failure([&] { apply(R"({"areaId": ")" + std::string(65, 'a') + "\"}", t, apply_table); }).field, "areaId");
  EXPECT_EQ(failure([&] { apply(R"({"priority": 1001})", t, apply_table); }).field, "priority");
  EXPECT_EQ(failure([&] { apply(R"({"seats": 4})", t, apply_table); }).code, "unknown_field");
}

TEST(SetupCodec, WholeNumberDoublesAreAcceptedForSeats) {
  Table t;
  apply(R"({"seatsMin": 2.0, "seatsMax": 4.0})", t, apply_table);
  EXPECT_EQ(t.seats_min, 2);
  EXPECT_EQ(t.seats_max, 4);
}

// --- table combinations ------------------------------------------------------------------------

TableCombination full_combination() {
  TableCombination c;
  c.id = "CombAAAAAAAAAAAA1";
  c.name = "Long table";
  c.table_ids = {"TableAAAAAAAAAAA1", "TableBBBBBBBBBBB2", "TableCCCCCCCCCCC3"};
  c.seats_min = 4;
  c.seats_max = 14;
  c.bookable_online = false;
  return c;
}

void expect_same_combination(const TableCombination& back, const TableCombination& c) {
  EXPECT_EQ(back.id, c.id);
  EXPECT_EQ(back.name, c.name);
  EXPECT_EQ(back.table_ids, c.table_ids);
  EXPECT_EQ(back.seats_min, c.seats_min);
  EXPECT_EQ(back.seats_max, c.seats_max);
  EXPECT_EQ(back.bookable_online, c.bookable_online);
}

TEST(SetupCodec, WritesATableCombination) {
  EXPECT_EQ(to_json(full_combination(), write_table_combination),
            R"({"_id":"CombAAAAAAAAAAAA1","name":"Long table",)"
            R"("tableIds":["TableAAAAAAAAAAA1","TableBBBBBBBBBBB2","TableCCCCCCCCCCC3"],)"
            R"("seatsMin":4,"seatsMax":14,"bookableOnline":false})");
}

TEST(SetupCodec, TableCombinationRoundTrip) {
  auto c = full_combination();
  expect_same_combination(from_stored<TableCombination>(to_json(c, write_table_combination), apply_table_combination),
                          c);
}

TEST(SetupCodec, ApplyTableCombinationChangesOnlySentFields) {
  auto c = full_combination();
  apply(R"({"tableIds": ["X1", "X2"]})", c, apply_table_combination);
  auto expected = full_combination();
  expected.table_ids = {"X1", "X2"};
  expect_same_combination(c, expected);
  apply(R"({"name": "", "seatsMin": 1, "seatsMax": 3, "bookableOnline": true})", c, apply_table_combination);
  expected.name = "";  // empty: check_table_combination fills in the default
  expected.seats_min = 1;
  expected.seats_max = 3;
  expected.bookable_online = true;
  expect_same_combination(c, expected);
}

TEST(SetupCodec, ApplyTableCombinationErrors) {
  TableCombination c;
  EXPECT_EQ(failure([&] { apply(R"({"tableIds": "a,b"})", c, apply_table_combination); }).field, "tableIds");
  EXPECT_EQ(failure([&] { apply(R"({"tableIds": ["a", 2]})", c, apply_table_combination); }).field, "tableIds[1]");
  std::string many = R"({"tableIds": [)";
  for (int i = 0; i < 21; ++i) many += (i ? ",\"t" : "\"t") + std::to_string(i) + "\"";
  many += "]}";
  EXPECT_EQ(failure([&] { apply(many, c, apply_table_combination); }).field, "tableIds");
  EXPECT_EQ(failure([&] { apply(R"({"seatsMax": 0})", c, apply_table_combination); }).field, "seatsMax");
  EXPECT_EQ(failure([&] { apply(R"({"tables": []})", c, apply_table_combination); }).code, "unknown_field");
}

// --- opening hours --------------------------------------------------------------------------------

OpeningHour full_hour() {
  OpeningHour h;
  h.id = "HourAAAAAAAAAAAA1";
  h.name = "Dinner";
  h.note = "Kitchen closes 22:00";
  h.type = "restaurant";
  h.special = false;
  h.day = 5;
  h.open = 1730;
  h.close = 130;
  h.seating.interval = 30;
  h.seating.duration = 150;
  h.max_people = 80;
  h.max_people_per_slot = 12;
  h.area_ids = {"AreaAAAAAAAAAAAA1", "AreaBBBBBBBBBBBB2"};
  return h;
}

void expect_same_hour(const OpeningHour& back, const OpeningHour& h) {
  EXPECT_EQ(back.id, h.id);
  EXPECT_EQ(back.name, h.name);
  EXPECT_EQ(back.note, h.note);
  EXPECT_EQ(back.type, h.type);
  EXPECT_EQ(back.special, h.special);
  EXPECT_EQ(back.day, h.day);
  EXPECT_EQ(back.date, h.date);
  EXPECT_EQ(back.to_date, h.to_date);
  EXPECT_EQ(back.is_open, h.is_open);
  EXPECT_EQ(back.open, h.open);
  EXPECT_EQ(back.close, h.close);
  EXPECT_EQ(back.seating.interval, h.seating.interval);
  EXPECT_EQ(back.seating.duration, h.seating.duration);
  EXPECT_EQ(back.max_people, h.max_people);
  EXPECT_EQ(back.max_people_per_slot, h.max_people_per_slot);
  EXPECT_EQ(back.area_ids, h.area_ids);
}

TEST(SetupCodec, WritesARegularOpeningHour) {
  EXPECT_EQ(to_json(full_hour(), write_opening_hour),
            R"({"_id":"HourAAAAAAAAAAAA1","name":"Dinner","note":"Kitchen closes 22:00","type":"restaurant",)"
            R"("special":false,"day":5,"open":1730,"close":130,"seating":{"interval":30,"duration":150},)"
            R"("maxPeople":80,"maxPeoplePerSlot":12,"areaIds":["AreaAAAAAAAAAAAA1","AreaBBBBBBBBBBBB2"],)"
            R"("deleted":false})");
}

TEST(SetupCodec, WritesLimitsAsNullWhenUnset) {
  auto h = full_hour();
  h.max_people.reset();
  h.max_people_per_slot.reset();
  h.area_ids.clear();
  auto json = to_json(h, write_opening_hour);
  EXPECT_NE(json.find(R"("maxPeople":null,"maxPeoplePerSlot":null,"areaIds":[])"), std::string::npos) << json;
}

TEST(SetupCodec, WritesASpecialClosure) {
  OpeningHour h;
  h.id = "HourBBBBBBBBBBBB2";
  h.special = true;
  h.is_open = false;
  h.date = "2026-12-24";
  h.to_date = "2026-12-26";
  h.deleted = true;
  EXPECT_EQ(to_json(h, write_opening_hour),
            R"({"_id":"HourBBBBBBBBBBBB2","name":"","note":"","type":"restaurant","special":true,)"
            R"("date":"2026-12-24","toDate":"2026-12-26","isOpen":false,"deleted":true})");
}

TEST(SetupCodec, RegularOpeningHourRoundTrip) {
  auto h = full_hour();
  expect_same_hour(from_stored<OpeningHour>(to_json(h, write_opening_hour), apply_opening_hour), h);
  h.max_people.reset();
  h.max_people_per_slot.reset();
  h.area_ids.clear();
  expect_same_hour(from_stored<OpeningHour>(to_json(h, write_opening_hour), apply_opening_hour), h);
}

TEST(SetupCodec, SpecialOpenDayRoundTrip) {
  auto h = full_hour();
  h.special = true;
  h.day = 1;  // not written for special days; comes back as the default
  h.date = "2026-12-31";
  h.name = "New Year's Eve";
  h.type = "event";
  auto back = from_stored<OpeningHour>(to_json(h, write_opening_hour), apply_opening_hour);
  expect_same_hour(back, h);
}

TEST(SetupCodec, SpecialClosureRoundTrip) {
  OpeningHour h;
  h.id = "HourBBBBBBBBBBBB2";
  h.name = "Christmas";
  h.note = "Family time";
  h.special = true;
  h.is_open = false;
  h.date = "2026-12-24";
  h.to_date = "2026-12-26";
  expect_same_hour(from_stored<OpeningHour>(to_json(h, write_opening_hour), apply_opening_hour), h);
  h.to_date.clear();
  expect_same_hour(from_stored<OpeningHour>(to_json(h, write_opening_hour), apply_opening_hour), h);
}

TEST(SetupCodec, DeletedIsIgnoredWhenApplying) {
  auto h = full_hour();
  apply(R"({"deleted": true})", h, apply_opening_hour);
  EXPECT_FALSE(h.deleted);
  h.deleted = true;
  apply(R"({"deleted": false, "name": "Late"})", h, apply_opening_hour);
  EXPECT_TRUE(h.deleted);
  EXPECT_EQ(h.name, "Late");
  // Stored documents carry `deleted`; the store's own flag is what counts.
  h.deleted = true;
  auto back = from_stored<OpeningHour>(to_json(h, write_opening_hour), apply_opening_hour);
  EXPECT_FALSE(back.deleted);
}

TEST(SetupCodec, ApplyOpeningHourChangesOnlySentFields) {
  auto h = full_hour();
  apply(R"({"seating": {"duration": 90}})", h, apply_opening_hour);
  auto expected = full_hour();
  expected.seating.duration = 90;  // interval kept
  expect_same_hour(h, expected);

  apply(R"({"name": "Lunch", "note": "", "type": "bar", "day": 2, "open": 1130, "close": 1500,
            "seating": {"interval": 15}, "areaIds": []})",
        h, apply_opening_hour);
  expected.name = "Lunch";
  expected.note = "";
  expected.type = "bar";
  expected.day = 2;
  expected.open = 1130;
  expected.close = 1500;
  expected.seating.interval = 15;
  expected.area_ids.clear();
  expect_same_hour(h, expected);

  apply(R"({"special": true, "date": "2027-01-01", "toDate": "2027-01-02", "isOpen": false})", h, apply_opening_hour);
  expected.special = true;
  expected.date = "2027-01-01";
  expected.to_date = "2027-01-02";
  expected.is_open = false;
  expect_same_hour(h, expected);
}

TEST(SetupCodec, MaxPeopleNullClearsAbsentKeeps) {
  auto h = full_hour();
  apply(R"({"name": "Dinner 2"})", h, apply_opening_hour);
  EXPECT_EQ(h.max_people, 80);
  EXPECT_EQ(h.max_people_per_slot, 12);
  apply(R"({"maxPeople": null})", h, apply_opening_hour);
  EXPECT_FALSE(h.max_people);
  EXPECT_EQ(h.max_people_per_slot, 12);
  apply(R"({"maxPeoplePerSlot": null})", h, apply_opening_hour);
  EXPECT_FALSE(h.max_people_per_slot);
  apply(R"({"maxPeople": 30, "maxPeoplePerSlot": 6})", h, apply_opening_hour);
  EXPECT_EQ(h.max_people, 30);
  EXPECT_EQ(h.max_people_per_slot, 6);
}

TEST(SetupCodec, ApplyOpeningHourErrors) {
  OpeningHour h;
  EXPECT_EQ(failure([&] { apply(R"({"day": 0})", h, apply_opening_hour); }).field, "day");
  EXPECT_EQ(failure([&] { apply(R"({"day": 8})", h, apply_opening_hour); }).field, "day");
  EXPECT_EQ(failure([&] { apply(R"({"open": 10000})", h, apply_opening_hour); }).field, "open");
  EXPECT_EQ(failure([&] { apply(R"({"close": -2})", h, apply_opening_hour); }).field, "close");
  EXPECT_EQ(failure([&] { apply(R"({"close": "22:00"})", h, apply_opening_hour); }).field, "close");
  EXPECT_EQ(failure([&] { apply(R"({"date": "2026-12-240"})", h, apply_opening_hour); }).field, "date");
  EXPECT_EQ(failure([&] { apply(R"({"special": 1})", h, apply_opening_hour); }).field, "special");
  EXPECT_EQ(failure([&] { apply(R"({"seating": {"interval": 4}})", h, apply_opening_hour); }).field,
            "seating.interval");
  EXPECT_EQ(failure([&] { apply(R"({"seating": {"duration": 1441}})", h, apply_opening_hour); }).field,
            "seating.duration");
  auto unknown = failure([&] { apply(R"({"seating": {"interval": 15, "buffer": 5}})", h, apply_opening_hour); });
  EXPECT_EQ(unknown.code, "unknown_field");
  EXPECT_EQ(unknown.field, "seating.buffer");
  EXPECT_EQ(failure([&] { apply(R"({"maxPeople": 0})", h, apply_opening_hour); }).field, "maxPeople");
  EXPECT_EQ(failure([&] { apply(R"({"maxPeoplePerSlot": 100001})", h, apply_opening_hour); }).field,
            "maxPeoplePerSlot");
  EXPECT_EQ(failure([&] { apply(R"({"areaIds": [1]})", h, apply_opening_hour); }).field, "areaIds[0]");
  EXPECT_EQ(failure([&] { apply(R"({"weekday": 1})", h, apply_opening_hour); }).code, "unknown_field");
}

// --- custom fields ----------------------------------------------------------------------------------

CustomField full_field() {
  CustomField f;
  f.id = "FieldAAAAAAAAAAA1";
  f.name = "seating";
  f.label = "Where would you like to sit?";
  f.helptext = "We try our best";
  f.type = "dropdown";
  f.is_required = true;
  f.sort_index = -2;
  f.choices = {{"ChoiceAAAAAAAAAA1", "Inside"}, {"ChoiceBBBBBBBBBB2", "Outside"}};
  f.active_flows = {"booking", "online"};
  f.default_on_all_opening_hours = false;
  f.opening_hour_ids = {"HourAAAAAAAAAAAA1"};
  return f;
}

void expect_same_field(const CustomField& back, const CustomField& f) {
  EXPECT_EQ(back.id, f.id);
  EXPECT_EQ(back.name, f.name);
  EXPECT_EQ(back.label, f.label);
  EXPECT_EQ(back.helptext, f.helptext);
  EXPECT_EQ(back.type, f.type);
  EXPECT_EQ(back.is_required, f.is_required);
  EXPECT_EQ(back.sort_index, f.sort_index);
  ASSERT_EQ(back.choices.size(), f.choices.size());
  for (std::size_t i = 0; i < f.choices.size(); ++i) {
    EXPECT_EQ(back.choices[i].id, f.choices[i].id) << i;
    EXPECT_EQ(back.choices[i].name, f.choices[i].name) << i;
  }
  EXPECT_EQ(back.active_flows, f.active_flows);
  EXPECT_EQ(back.default_on_all_opening_hours, f.default_on_all_opening_hours);
  EXPECT_EQ(back.opening_hour_ids, f.opening_hour_ids);
}

TEST(SetupCodec, WritesACustomField) {
  EXPECT_EQ(to_json(full_field(), write_custom_field),
            R"({"_id":"FieldAAAAAAAAAAA1","name":"seating","label":"Where would you like to sit?",)"
            R"("helptext":"We try our best","type":"dropdown","isRequired":true,"sortIndex":-2,)"
            R"("multipleChoiceSelections":[{"_id":"ChoiceAAAAAAAAAA1","name":"Inside"},)"
            R"({"_id":"ChoiceBBBBBBBBBB2","name":"Outside"}],"activeFlows":["booking","online"],)"
            R"("defaultOnAllOpeningHours":false,"openingHourIds":["HourAAAAAAAAAAAA1"]})");
}

TEST(SetupCodec, CustomFieldRoundTrip) {
  auto f = full_field();
  expect_same_field(from_stored<CustomField>(to_json(f, write_custom_field), apply_custom_field), f);
  CustomField plain;
  plain.id = "FieldBBBBBBBBBBB2";
  plain.name = "notes";
  plain.active_flows = {};
  expect_same_field(from_stored<CustomField>(to_json(plain, write_custom_field), apply_custom_field), plain);
}

TEST(SetupCodec, ApplyCustomFieldChangesOnlySentFields) {
  auto f = full_field();
  apply(R"({"label": "Table wish"})", f, apply_custom_field);
  auto expected = full_field();
  expected.label = "Table wish";
  expect_same_field(f, expected);
  apply(R"({"name": "wish", "helptext": "", "type": "string", "isRequired": false, "sortIndex": 3,
            "multipleChoiceSelections": [], "activeFlows": ["waitlist"], "defaultOnAllOpeningHours": true,
            "openingHourIds": []})",
        f, apply_custom_field);
  expected.name = "wish";
  expected.helptext = "";
  expected.type = "string";
  expected.is_required = false;
  expected.sort_index = 3;
  expected.choices.clear();
  expected.active_flows = {"waitlist"};
  expected.default_on_all_opening_hours = true;
  expected.opening_hour_ids.clear();
  expect_same_field(f, expected);
}

TEST(SetupCodec, ChoicesWithoutIdGetAFreshId) {
  CustomField f;
  apply(R"({"multipleChoiceSelections": [{"name": "Inside"}, {"name": "Outside"}]})", f, apply_custom_field);
  ASSERT_EQ(f.choices.size(), 2u);
  for (const auto& c : f.choices) {
    EXPECT_EQ(c.id.size(), 17u);
    EXPECT_TRUE(core::is_valid_id(c.id)) << c.id;
  }
  EXPECT_NE(f.choices[0].id, f.choices[1].id);
  EXPECT_EQ(f.choices[0].name, "Inside");
  EXPECT_EQ(f.choices[1].name, "Outside");
}

TEST(SetupCodec, ChoicesKeepAValidGivenIdAndReplaceAnInvalidOne) {
  CustomField f;
  apply(R"({"multipleChoiceSelections": [{"_id": "ChoiceAAAAAAAAAA1", "name": "A"}, {"_id": "short", "name": "B"},
            {"_id": "Choice-AAAAAAAAA1", "name": "C"}, {"_id": null, "name": "D"}]})",
        f, apply_custom_field);
  ASSERT_EQ(f.choices.size(), 4u);
  EXPECT_EQ(f.choices[0].id, "ChoiceAAAAAAAAAA1");
  for (std::size_t i = 1; i < 4; ++i) {
    EXPECT_TRUE(core::is_valid_id(f.choices[i].id)) << f.choices[i].id;
    EXPECT_NE(f.choices[i].id, "short");
    EXPECT_NE(f.choices[i].id, "Choice-AAAAAAAAA1");
  }
}

TEST(SetupCodec, ChoicesReplaceTheOldOnes) {
  auto f = full_field();
  apply(R"({"multipleChoiceSelections": [{"_id": "ChoiceBBBBBBBBBB2", "name": "Terrace"}]})", f, apply_custom_field);
  ASSERT_EQ(f.choices.size(), 1u);
  EXPECT_EQ(f.choices[0].id, "ChoiceBBBBBBBBBB2");
  EXPECT_EQ(f.choices[0].name, "Terrace");
}

TEST(SetupCodec, ApplyCustomFieldErrors) {
  CustomField f;
  auto missing = failure([&] { apply(R"({"multipleChoiceSelections": [{"_id": "x"}]})", f, apply_custom_field); });
  EXPECT_EQ(missing.code, "missing_field");
  EXPECT_EQ(missing.field, "multipleChoiceSelections[0].name");
  auto unknown = failure(
      [&] { apply(R"({"multipleChoiceSelections": [{"name": "A"}, {"name": "B", "x": 1}]})", f, apply_custom_field); });
  EXPECT_EQ(unknown.code, "unknown_field");
  EXPECT_EQ(unknown.field, "multipleChoiceSelections[1].x");
  EXPECT_EQ(failure([&] { apply(R"({"multipleChoiceSelections": ["A"]})", f, apply_custom_field); }).field,
            "multipleChoiceSelections[0]");
  EXPECT_EQ(failure([&] { apply(R"({"name": ""})", f, apply_custom_field); }).field, "name");
  EXPECT_EQ(failure([&] { apply(R"({"type": ")" + std::string(21, 't') + "\"}", f, apply_custom_field); }).field,
            "type");
  EXPECT_EQ(failure([&] { apply(R"({"isRequired": "no"})", f, apply_custom_field); }).field, "isRequired");
  EXPECT_EQ(failure([&] { apply(R"({"sortIndex": 100001})", f, apply_custom_field); }).field, "sortIndex");
  EXPECT_EQ(failure([&] { apply(R"({"activeFlows": "booking"})", f, apply_custom_field); }).field, "activeFlows");
  EXPECT_EQ(failure([&] { apply(R"({"openingHourIds": [null]})", f, apply_custom_field); }).field, "openingHourIds[0]");
  std::string many = R"({"multipleChoiceSelections": [)";
  for (int i = 0; i < 101; ++i) many += std::string(i ? "," : "") + R"({"name": "c)" + std::to_string(i) + "\"}";
  many += "]}";
  EXPECT_EQ(failure([&] { apply(many, f, apply_custom_field); }).field, "multipleChoiceSelections");
}

// --- restaurant codec ---------------------------------------------------------------------------------

core::SystemTime at(long long seconds) {
  return core::SystemTime{std::chrono::seconds{seconds}};
}

Restaurant full_restaurant() {
  Restaurant r;
  r.id = "GWgiZtHfOGCGiIDv4";
  r.name = "Bistro \"Maitred\"";
  r.timezone = "Europe/Copenhagen";
  r.language = "da";
  r.contact = {"+45 12 34 56 78", "hello@example.com", "https://example.com"};
  r.address = {"Nyhavn 1",
               "K\xC3\xB8"
               "benhavn",
               "1051", "Denmark"};
  r.booking_rules.slot_interval = 30;
  r.booking_rules.durations = {{1, 2, 75}, {3, 6, 105}};
  r.booking_rules.default_duration = 135;
  r.booking_rules.turnover_buffer = 10;
  r.booking_rules.min_notice_minutes = 90;
  r.booking_rules.max_days_ahead = 120;
  r.booking_rules.default_status = "approved";
  r.booking_rules.max_online_party_size = 6;
  r.created_at = at(1'795'687'200);
  r.updated_at = at(1'795'690'000);
  return r;
}

void expect_same_restaurant(const Restaurant& back, const Restaurant& r) {
  EXPECT_EQ(back.id, r.id);
  EXPECT_EQ(back.name, r.name);
  EXPECT_EQ(back.timezone, r.timezone);
  EXPECT_EQ(back.language, r.language);
  EXPECT_EQ(back.contact.phone, r.contact.phone);
  EXPECT_EQ(back.contact.email, r.contact.email);
  EXPECT_EQ(back.contact.website, r.contact.website);
  EXPECT_EQ(back.address.street, r.address.street);
  EXPECT_EQ(back.address.city, r.address.city);
  EXPECT_EQ(back.address.postal_code, r.address.postal_code);
  EXPECT_EQ(back.address.country, r.address.country);
  const auto& b = back.booking_rules;
  const auto& e = r.booking_rules;
  EXPECT_EQ(b.slot_interval, e.slot_interval);
  ASSERT_EQ(b.durations.size(), e.durations.size());
  for (std::size_t i = 0; i < e.durations.size(); ++i) {
    EXPECT_EQ(b.durations[i].min_people, e.durations[i].min_people) << i;
    EXPECT_EQ(b.durations[i].max_people, e.durations[i].max_people) << i;
    EXPECT_EQ(b.durations[i].minutes, e.durations[i].minutes) << i;
  }
  EXPECT_EQ(b.default_duration, e.default_duration);
  EXPECT_EQ(b.turnover_buffer, e.turnover_buffer);
  EXPECT_EQ(b.min_notice_minutes, e.min_notice_minutes);
  EXPECT_EQ(b.max_days_ahead, e.max_days_ahead);
  EXPECT_EQ(b.default_status, e.default_status);
  EXPECT_EQ(b.max_online_party_size, e.max_online_party_size);
  EXPECT_EQ(back.created_at, r.created_at);
  EXPECT_EQ(back.updated_at, r.updated_at);
}

void apply_changes(std::string_view body, Restaurant& r) {
  auto parsed = parse_body(body);
  ObjectReader in(parsed);
  apply_restaurant_changes(in, r);
}

TEST(SetupCodec, RestaurantToJson) {
  EXPECT_EQ(
      restaurant_to_json(full_restaurant()),
      R"({"_id":"GWgiZtHfOGCGiIDv4","name":"Bistro \"Maitred\"","timezone":"Europe/Copenhagen","language":"da",)"
      R"("contact":{"phone":"+45 12 34 56 78","email":"hello@example.com","website":"https://example.com"},)"
      R"("address":{"street":"Nyhavn 1","city":"K)"
      "\xC3\xB8"
      R"(benhavn","postalCode":"1051","country":"Denmark"},)"
      R"("bookingRules":{"slotInterval":30,"durations":[{"minPeople":1,"maxPeople":2,"minutes":75},)"
      R"({"minPeople":3,"maxPeople":6,"minutes":105}],"defaultDuration":135,"turnoverBuffer":10,)"
      R"("minNoticeMinutes":90,"maxDaysAhead":120,"defaultStatus":"approved","maxOnlinePartySize":6,"holdMinutes":10,)"
      R"("onlineBooking":true,"cancellationDeadlineMinutes":120},)"
      R"("reminderHours":24,"emailTemplates":{},"smtp":{"url":"","from":"","passwordSet":false},)"
      R"("slug":"","allowedOrigins":[],)"
      R"("createdAt":"2026-11-26T10:00:00Z","updatedAt":"2026-11-26T10:46:40Z"})");
}

TEST(SetupCodec, RestaurantRoundTrip) {
  auto r = full_restaurant();
  auto back = restaurant_from_json(restaurant_to_json(r));
  ASSERT_TRUE(back);
  expect_same_restaurant(*back, r);
}

TEST(SetupCodec, RestaurantGuestMailSettingsRoundTripWithThePasswordStoredOnly) {
  auto r = full_restaurant();
  r.guest_mail.reminder_hours = 3;
  r.guest_mail.templates["confirmed.da.subject"] = "Hej {{guest.name}}";
  r.guest_mail.templates["confirmed.da.text"] = "Tekst";
  r.guest_mail.templates["reminder.en.html"] = "<p>{{booking.time}}</p>";
  r.guest_mail.smtp = {"smtps://mailer@mail.example:465", "table@bistro.example", "s3cret"};
  const auto served = restaurant_to_json(r);
  EXPECT_EQ(served.find("s3cret"), std::string::npos) << served;
  EXPECT_NE(served.find(R"("emailTemplates":{"confirmed":{"da":{"subject":"Hej {{guest.name}}","text":"Tekst"}},)"
                        R"("reminder":{"en":{"html":"<p>{{booking.time}}</p>"}}})"),
            std::string::npos)
      << served;
  EXPECT_NE(served.find(R"("passwordSet":true)"), std::string::npos);
  auto back = restaurant_from_json(restaurant_to_stored_json(r));
  ASSERT_TRUE(back);
  EXPECT_EQ(back->guest_mail.reminder_hours, 3);
  EXPECT_EQ(back->guest_mail.templates, r.guest_mail.templates);
  EXPECT_EQ(back->guest_mail.smtp.password, "s3cret");
  EXPECT_EQ(back->guest_mail.smtp.url, r.guest_mail.smtp.url);
}

TEST(SetupCodec, RestaurantRoundTripWithDefaults) {
  Restaurant r;
  r.id = "GWgiZtHfOGCGiIDv4";
  r.name = "X";
  r.timezone = "UTC";
  r.created_at = at(0);
  r.updated_at = at(1);
  auto back = restaurant_from_json(restaurant_to_json(r));
  ASSERT_TRUE(back);
  expect_same_restaurant(*back, r);
}

TEST(SetupCodec, RestaurantFromJsonRefusesGarbage) {
  auto good = restaurant_to_json(full_restaurant());
  auto replace = [&](const std::string& from, const std::string& to) {
    auto copy = good;
    auto pos = copy.find(from);
    EXPECT_NE(pos, std::string::npos) << from;
    return pos == std::string::npos ? copy : copy.replace(pos, from.size(), to);
  };
  for (const std::string& bad : {
           std::string(""), std::string("garbage"), std::string("null"), std::string("[]"), std::string("{}"),
           std::string("\"text\""), good.substr(0, good.size() - 1),                        // truncated
           replace(R"("_id":"GWgiZtHfOGCGiIDv4",)", ""),                                    // no _id
           replace(R"("createdAt":"2026-11-26T10:00:00Z")", R"("createdAt":"yesterday")"),  // bad instant
           replace(R"(,"updatedAt":"2026-11-26T10:46:40Z")", ""),                           // no updatedAt
           replace(R"("timezone":"Europe/Copenhagen")", R"("timezone":"")"),                // no zone
           replace(R"("language":"da")", R"("language":"da","colour":"red")"),              // unknown field
           replace(R"("slotInterval":30)", R"("slotInterval":"30")"),                       // wrong type
           replace(R"("minutes":75)", R"("minutes":75,"x":1)"),                             // unknown nested field
       }) {
    EXPECT_FALSE(restaurant_from_json(bad)) << bad;
  }
}

TEST(SetupCodec, ApplyRestaurantChangesMergesNestedObjectsFieldByField) {
  auto r = full_restaurant();
  apply_changes(
      R"({"contact": {"phone": "+45 99"}, "address": {"city": "Aarhus"}, "bookingRules": {"slotInterval": 15}})", r);
  auto expected = full_restaurant();
  expected.contact.phone = "+45 99";
  expected.address.city = "Aarhus";
  expected.booking_rules.slot_interval = 15;
  expect_same_restaurant(r, expected);
}

TEST(SetupCodec, ApplyRestaurantChangesEveryField) {
  auto r = full_restaurant();
  apply_changes(R"({"name": "Noma", "timezone": "Europe/Stockholm", "language": "sv",
      "contact": {"phone": "1", "email": "a@b.c", "website": "w"},
      "address": {"street": "s", "city": "c", "postalCode": "p", "country": "k"},
      "bookingRules": {"slotInterval": 20, "durations": [{"minPeople": 1, "maxPeople": 100, "minutes": 60}],
        "defaultDuration": 45, "turnoverBuffer": 0, "minNoticeMinutes": 0, "maxDaysAhead": 730,
        "defaultStatus": "waitlist", "maxOnlinePartySize": 1000}})",
                r);
  auto expected = full_restaurant();
  expected.name = "Noma";
  expected.timezone = "Europe/Stockholm";
  expected.language = "sv";
  expected.contact = {"1", "a@b.c", "w"};
  expected.address = {"s", "c", "p", "k"};
  expected.booking_rules.slot_interval = 20;
  expected.booking_rules.durations = {{1, 100, 60}};
  expected.booking_rules.default_duration = 45;
  expected.booking_rules.turnover_buffer = 0;
  expected.booking_rules.min_notice_minutes = 0;
  expected.booking_rules.max_days_ahead = 730;
  expected.booking_rules.default_status = "waitlist";
  expected.booking_rules.max_online_party_size = 1000;
  expect_same_restaurant(r, expected);
}

TEST(SetupCodec, ApplyRestaurantChangesReplacesDurationsAsAWhole) {
  auto r = full_restaurant();
  apply_changes(R"({"bookingRules": {"durations": []}})", r);
  EXPECT_TRUE(r.booking_rules.durations.empty());
  EXPECT_EQ(r.booking_rules.default_duration, 135);
}

TEST(SetupCodec, ApplyRestaurantChangesAcceptsReadOnlyFieldsSentBack) {
  auto r = full_restaurant();
  apply_changes(restaurant_to_json(r), r);  // GET, then PUT unchanged
  expect_same_restaurant(r, full_restaurant());
  apply_changes(R"({"_id": "GWgiZtHfOGCGiIDv4", "restaurantId": "GWgiZtHfOGCGiIDv4",
                   "createdAt": "1999-01-01T00:00:00Z", "updatedAt": 5})",
                r);
  expect_same_restaurant(r, full_restaurant());  // timestamps untouched
}

TEST(SetupCodec, ApplyRestaurantChangesRefusesAnotherId) {
  auto r = full_restaurant();
  auto f = failure([&] { apply_changes(R"({"_id": "AAAAAAAAAAAAAAAAA", "name": "Stolen"})", r); });
  EXPECT_EQ(f.code, "invalid_field");
  EXPECT_EQ(f.field, "_id");
  EXPECT_EQ(r.name, "Bistro \"Maitred\"");
  EXPECT_EQ(failure([&] { apply_changes(R"({"restaurantId": "AAAAAAAAAAAAAAAAA"})", r); }).field, "restaurantId");
  EXPECT_EQ(failure([&] { apply_changes(R"({"_id": 5})", r); }).field, "_id");
}

TEST(SetupCodec, ApplyRestaurantChangesRefusesUnknownFields) {
  auto r = full_restaurant();
  struct Case {
    const char* body;
    const char* field;
  };
  for (const auto& c : {Case{R"({"owner": "me"})", "owner"}, Case{R"({"contact": {"fax": "1"}})", "contact.fax"},
                        Case{R"({"address": {"zip": "1"}})", "address.zip"},
                        Case{R"({"bookingRules": {"foo": 1}})", "bookingRules.foo"},
                        Case{R"({"bookingRules": {"durations": [{"minPeople": 1, "maxPeople": 2, "minutes": 60},
                                {"minPeople": 3, "maxPeople": 4, "minutes": 60, "x": 1}]}})",
                             "bookingRules.durations[1].x"}}) {
    auto f = failure([&] { apply_changes(c.body, r); });
    EXPECT_EQ(f.code, "unknown_field") << c.body;
    EXPECT_EQ(f.field, c.field) << c.body;
  }
}

TEST(SetupCodec, ApplyRestaurantChangesValueErrors) {
  auto r = full_restaurant();
  struct Case {
    const char* body;
    const char* field;
  };
  for (const auto& c : {Case{R"({"name": ""})", "name"}, Case{R"({"name": 1})", "name"},
                        Case{R"({"timezone": 1})", "timezone"}, Case{R"({"language": "danish"})", "language"},
                        Case{R"({"contact": "x"})", "contact"}, Case{R"({"contact": {"phone": 45}})", "contact.phone"},
                        Case{R"({"bookingRules": {"slotInterval": 4}})", "bookingRules.slotInterval"},
                        Case{R"({"bookingRules": {"slotInterval": 241}})", "bookingRules.slotInterval"},
                        Case{R"({"bookingRules": {"durations": [{"minPeople": 1, "maxPeople": 2}]}})",
                             "bookingRules.durations[0].minutes"},
                        Case{R"({"bookingRules": {"durations": [{"minPeople": 0, "maxPeople": 2, "minutes": 60}]}})",
                             "bookingRules.durations[0].minPeople"},
                        Case{R"({"bookingRules": {"defaultDuration": 14}})", "bookingRules.defaultDuration"},
                        Case{R"({"bookingRules": {"turnoverBuffer": -1}})", "bookingRules.turnoverBuffer"},
                        Case{R"({"bookingRules": {"maxDaysAhead": 0}})", "bookingRules.maxDaysAhead"},
                        Case{R"({"bookingRules": {"defaultStatus": 1}})", "bookingRules.defaultStatus"},
                        Case{R"({"bookingRules": {"maxOnlinePartySize": 1001}})", "bookingRules.maxOnlinePartySize"}}) {
    auto f = failure([&] { apply_changes(c.body, r); });
    EXPECT_EQ(f.field, c.field) << c.body;
  }
}

TEST(SetupCodec, RestaurantNullNameIsNotReportedAsAnUnknownField) {
  auto r = full_restaurant();
  try {
    apply_changes(R"({"name": null})", r);
    EXPECT_EQ(r.name, "Bistro \"Maitred\"");  // treated as absent
  } catch (const InvalidInput& e) {
    EXPECT_EQ(e.field, "name");
    // `name` is a known field: null is refused for its value, not as unknown.
    EXPECT_NE(e.code, "unknown_field") << e.what();
  }
}

}  // namespace
}  // namespace maitred::json
