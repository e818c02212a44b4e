#include "domain/setup_rules.hpp"

#include <gtest/gtest.h>

#include <functional>
#include <vector>

#include "domain/errors.hpp"
#include "support/domain_error.hpp"

namespace maitred::domain {
namespace {

// Runs `f`, which must throw exactly `Error`; returns the field it named.
template <typename Error>
std::string field_of(const std::function<void()>& f) {
  try {
    f();
  } catch (const Error& e) {
    return e.field;
  } catch (const DomainError& e) {
    ADD_FAILURE() << "wrong exception type; code " << e.code << ", field " << e.field << ": " << e.what();
    return "<wrong type>";
  }
  ADD_FAILURE() << "nothing thrown";
  return "<nothing thrown>";
}

template <typename Error>
std::string code_of(const std::function<void()>& f) {
  try {
    f();
  } catch (const Error& e) {
    return e.code;
  } catch (const DomainError& e) {
    ADD_FAILURE() << "wrong exception type; code " << e.code << ", field " << e.field << ": " << e.what();
    return "<wrong type>";
  }
  ADD_FAILURE() << "nothing thrown";
  return "<nothing thrown>";
}

Area area(std::string id, std::string name) {
  Area a;
  a.id = std::move(id);
  a.name = std::move(name);
  return a;
}

Table table(std::string id, std::string name, int seats_min = 1, int seats_max = 2) {
  Table t;
  t.id = std::move(id);
  t.name = std::move(name);
  t.seats_min = seats_min;
  t.seats_max = seats_max;
  return t;
}

OpeningHour dinner() {
  OpeningHour h;
  h.id = "hour1";
  h.name = "Dinner";
  h.day = 4;
  h.open = 1730;
  h.close = 2230;
  h.seating.duration = 120;
  return h;
}

OpeningHour special_closure(std::string date, std::string to_date = {}) {
  OpeningHour h;
  h.special = true;
  h.is_open = false;
  h.date = std::move(date);
  h.to_date = std::move(to_date);
  return h;
}

CustomField field(std::string name, std::string type = "string") {
  CustomField f;
  f.id = "cf1";
  f.name = std::move(name);
  f.type = std::move(type);
  return f;
}

const std::vector<Area> kAreas = {area("areaA", "Terrace"), area("areaB", "Bar")};

// --- check_area -------------------------------------------------------------

TEST(SetupRules, AreaWithNameIsValid) {
  EXPECT_NO_THROW(check_area(area("a", "Terrace")));
}

TEST(SetupRules, AreaNeedsANonBlankName) {
  for (const char* blank : {"", " ", "\t", " \r\n\t "}) {
    EXPECT_EQ(field_of<InvalidInput>([&] { check_area(area("a", blank)); }), "name") << "'" << blank << "'";
  }
  EXPECT_EQ(code_of<InvalidInput>([] { check_area(area("a", "")); }), "invalid_field");
}

// --- check_table ------------------------------------------------------------

TEST(SetupRules, ValidTables) {
  EXPECT_NO_THROW(check_table(table("t1", "T1", 1, 2), kAreas));
  EXPECT_NO_THROW(check_table(table("t1", "T1", 4, 4), kAreas));  // min == max
  Table in_area = table("t1", "T1");
  in_area.area_id = "areaB";
  EXPECT_NO_THROW(check_table(in_area, kAreas));
  Table no_area = table("t1", "T1");
  EXPECT_NO_THROW(check_table(no_area, {}));  // an empty area id references nothing
}

TEST(SetupRules, TableNeedsAName) {
  EXPECT_EQ(field_of<InvalidInput>([] { check_table(table("t1", "  "), kAreas); }), "name");
  EXPECT_EQ(field_of<InvalidInput>([] { check_table(table("t1", ""), kAreas); }), "name");
}

TEST(SetupRules, TableSeatsMinAtLeastOne) {
  EXPECT_EQ(field_of<InvalidInput>([] { check_table(table("t1", "T1", 0, 2), kAreas); }), "seatsMin");
  EXPECT_EQ(field_of<InvalidInput>([] { check_table(table("t1", "T1", -3, 2), kAreas); }), "seatsMin");
}

TEST(SetupRules, TableSeatsMinNotAboveSeatsMax) {
  EXPECT_EQ(field_of<InvalidInput>([] { check_table(table("t1", "T1", 5, 4), kAreas); }), "seatsMin");
  EXPECT_EQ(code_of<InvalidInput>([] { check_table(table("t1", "T1", 5, 4), kAreas); }), "invalid_field");
}

TEST(SetupRules, TableInUnknownAreaIsNotFound) {
  Table t = table("t1", "T1");
  t.area_id = "nope";
  EXPECT_EQ(field_of<NotFound>([&] { check_table(t, kAreas); }), "areaId");
  EXPECT_EQ(code_of<NotFound>([&] { check_table(t, kAreas); }), "unknown_reference");
  EXPECT_EQ(field_of<NotFound>([&] { check_table(t, {}); }), "areaId");
}

TEST(SetupRules, TableNameCheckedBeforeSeatsAndArea) {
  Table t = table("t1", "", 0, 2);
  t.area_id = "nope";
  EXPECT_EQ(field_of<InvalidInput>([&] { check_table(t, kAreas); }), "name");
}

TEST(SetupRules, TableUniqueKeyIsCaseInsensitiveName) {
  EXPECT_EQ(table_unique_key(table("t1", "Window 1")), "window 1");
  EXPECT_EQ(table_unique_key(table("t1", "WINDOW 1")), table_unique_key(table("t2", "window 1")));
  EXPECT_EQ(table_unique_key(table("t1", "AbCxYz")), "abcxyz");
  EXPECT_NE(table_unique_key(table("t1", "T1")), table_unique_key(table("t2", "T2")));
  // Non-letters are kept as they are.
  EXPECT_EQ(table_unique_key(table("t1", "Bord 7-B \xC3\x86")), "bord 7-b \xC3\x86");
}

// --- check_table_combination -------------------------------------------------

const std::vector<Table> kTables = {table("id1", "T1", 1, 2), table("id2", "T2", 1, 4), table("id3", "T3", 2, 6)};

TableCombination combination(std::vector<std::string> ids, std::string name = {}) {
  TableCombination c;
  c.id = "c1";
  c.name = std::move(name);
  c.table_ids = std::move(ids);
  c.seats_min = 2;
  c.seats_max = 6;
  return c;
}

TEST(SetupRules, CombinationNameDefaultsToJoinedTableNames) {
  auto c = combination({"id1", "id2"});
  check_table_combination(c, kTables);
  EXPECT_EQ(c.name, "T1 + T2");

  auto three = combination({"id3", "id1", "id2"});
  check_table_combination(three, kTables);
  EXPECT_EQ(three.name, "T3 + T1 + T2");  // in the order given
}

TEST(SetupRules, CombinationKeepsAGivenName) {
  auto c = combination({"id1", "id2"}, "Big window");
  check_table_combination(c, kTables);
  EXPECT_EQ(c.name, "Big window");
}

TEST(SetupRules, CombinationSeatsMaxIsFreeOfTheTablesSum) {
  auto c = combination({"id1", "id2"});
  c.seats_max = 20;  // more than 2 + 4: the restaurant says so
  EXPECT_NO_THROW(check_table_combination(c, kTables));
  c.seats_min = 1;
  c.seats_max = 3;  // fewer than the sum
  EXPECT_NO_THROW(check_table_combination(c, kTables));
}

TEST(SetupRules, CombinationNeedsTwoTables) {
  auto none = combination({});
  EXPECT_EQ(field_of<InvalidInput>([&] { check_table_combination(none, kTables); }), "tableIds");
  auto one = combination({"id1"});
  EXPECT_EQ(field_of<InvalidInput>([&] { check_table_combination(one, kTables); }), "tableIds");
  EXPECT_EQ(code_of<InvalidInput>([&] { check_table_combination(one, kTables); }), "invalid_field");
}

TEST(SetupRules, CombinationRefusesATableListedTwice) {
  auto c = combination({"id1", "id2", "id1"});
  EXPECT_EQ(field_of<InvalidInput>([&] { check_table_combination(c, kTables); }), "tableIds[2]");
  auto twice = combination({"id1", "id1"});
  EXPECT_EQ(field_of<InvalidInput>([&] { check_table_combination(twice, kTables); }), "tableIds[1]");
}

TEST(SetupRules, CombinationWithUnknownTableIsNotFound) {
  auto c = combination({"id1", "nope"});
  EXPECT_EQ(field_of<NotFound>([&] { check_table_combination(c, kTables); }), "tableIds[1]");
  EXPECT_EQ(code_of<NotFound>([&] { check_table_combination(c, kTables); }), "unknown_reference");
  auto first = combination({"nope", "id1"});
  EXPECT_EQ(field_of<NotFound>([&] { check_table_combination(first, kTables); }), "tableIds[0]");
  auto no_tables = combination({"id1", "id2"});
  EXPECT_EQ(field_of<NotFound>([&] { check_table_combination(no_tables, {}); }), "tableIds[0]");
}

TEST(SetupRules, CombinationSeats) {
  auto zero = combination({"id1", "id2"});
  zero.seats_min = 0;
  EXPECT_EQ(field_of<InvalidInput>([&] { check_table_combination(zero, kTables); }), "seatsMin");
  auto inverted = combination({"id1", "id2"});
  inverted.seats_min = 7;
  inverted.seats_max = 6;
  EXPECT_EQ(field_of<InvalidInput>([&] { check_table_combination(inverted, kTables); }), "seatsMin");
}

TEST(SetupRules, CombinationFailingCheckLeavesNameEmpty) {
  auto c = combination({"id1", "id2"});
  c.seats_min = 0;
  EXPECT_THROW(check_table_combination(c, kTables), InvalidInput);
  EXPECT_EQ(c.name, "");
}

// --- check_opening_hour ------------------------------------------------------

TEST(SetupRules, RegularOpeningHourIsValid) {
  EXPECT_NO_THROW(check_opening_hour(dinner(), kAreas));
  auto h = dinner();
  h.area_ids = {"areaA", "areaB"};
  h.max_people = 40;
  h.max_people_per_slot = 40;  // equal is allowed
  EXPECT_NO_THROW(check_opening_hour(h, kAreas));
}

TEST(SetupRules, OpeningHourPastMidnightIsValid) {
  auto h = dinner();
  h.open = 1730;
  h.close = 130;
  h.seating.duration = 480;
  EXPECT_NO_THROW(check_opening_hour(h, kAreas));
}

TEST(SetupRules, OpeningHourNeedsAName) {
  auto h = dinner();
  h.name = " ";
  EXPECT_EQ(field_of<InvalidInput>([&] { check_opening_hour(h, kAreas); }), "name");
  // A special day that is open needs one too.
  auto special_open = dinner();
  special_open.special = true;
  special_open.date = "2026-12-24";
  special_open.name = "";
  EXPECT_EQ(field_of<InvalidInput>([&] { check_opening_hour(special_open, kAreas); }), "name");
}

TEST(SetupRules, SpecialClosureNeedsNoNameNorTimes) {
  auto h = special_closure("2026-12-24");
  h.open = -1;  // not checked: nothing is served
  h.close = -1;
  h.seating.duration = 1440;
  EXPECT_NO_THROW(check_opening_hour(h, kAreas));
}

TEST(SetupRules, OpeningHourDayIsOneToSeven) {
  for (int day : {1, 7}) {
    auto h = dinner();
    h.day = day;
    EXPECT_NO_THROW(check_opening_hour(h, kAreas)) << day;
  }
  for (int day : {0, 8, -1}) {
    auto h = dinner();
    h.day = day;
    EXPECT_EQ(field_of<InvalidInput>([&] { check_opening_hour(h, kAreas); }), "day") << day;
  }
}

TEST(SetupRules, SpecialDayIgnoresTheWeekday) {
  auto h = dinner();
  h.special = true;
  h.date = "2026-12-24";
  h.day = 0;
  EXPECT_NO_THROW(check_opening_hour(h, kAreas));
}

TEST(SetupRules, SpecialDayNeedsAValidDate) {
  for (const char* bad : {"", "2026-02-30", "24-12-2026", "2026-12-24T00:00"}) {
    auto h = special_closure(bad);
    EXPECT_EQ(field_of<InvalidInput>([&] { check_opening_hour(h, kAreas); }), "date") << bad;
  }
  auto open = dinner();
  open.special = true;
  open.date = "christmas";
  EXPECT_EQ(field_of<InvalidInput>([&] { check_opening_hour(open, kAreas); }), "date");
}

TEST(SetupRules, ClosureRange) {
  EXPECT_NO_THROW(check_opening_hour(special_closure("2026-12-24", "2026-12-24"), kAreas));  // one day
  EXPECT_NO_THROW(check_opening_hour(special_closure("2026-12-24", "2027-01-02"), kAreas));
  // At most a year: 366 days apart is still allowed (2028 is a leap year).
  EXPECT_NO_THROW(check_opening_hour(special_closure("2027-03-01", "2028-03-01"), kAreas));
  EXPECT_EQ(field_of<InvalidInput>([] { check_opening_hour(special_closure("2027-03-01", "2028-03-02"), kAreas); }),
            "toDate");
  EXPECT_EQ(field_of<InvalidInput>([] { check_opening_hour(special_closure("2026-01-01", "2027-01-03"), kAreas); }),
            "toDate");
}

TEST(SetupRules, ClosureRangeEndMustBeAValidDateNotBeforeTheStart) {
  EXPECT_EQ(field_of<InvalidInput>([] { check_opening_hour(special_closure("2026-12-24", "2026-12-32"), kAreas); }),
            "toDate");
  EXPECT_EQ(field_of<InvalidInput>([] { check_opening_hour(special_closure("2026-12-24", "soon"), kAreas); }),
            "toDate");
  EXPECT_EQ(field_of<InvalidInput>([] { check_opening_hour(special_closure("2026-12-24", "2026-12-23"), kAreas); }),
            "toDate");
}

TEST(SetupRules, DateRangeOnlyForClosures) {
  auto h = dinner();
  h.special = true;
  h.date = "2026-12-24";
  h.to_date = "2026-12-26";
  EXPECT_EQ(field_of<InvalidInput>([&] { check_opening_hour(h, kAreas); }), "toDate");
}

TEST(SetupRules, OpeningHourTimesMustBeHhmm) {
  for (int bad : {-1, 2400, 1260, 9999}) {
    auto h = dinner();
    h.open = bad;
    EXPECT_EQ(field_of<InvalidInput>([&] { check_opening_hour(h, kAreas); }), "open") << bad;
  }
  for (int bad : {-1, 2400, 1275, 2360}) {
    auto h = dinner();
    h.close = bad;
    EXPECT_EQ(field_of<InvalidInput>([&] { check_opening_hour(h, kAreas); }), "close") << bad;
  }
}

TEST(SetupRules, SpecialOpenDayTimesAreChecked) {
  auto h = dinner();
  h.special = true;
  h.date = "2026-12-24";
  h.open = 2500;
  EXPECT_EQ(field_of<InvalidInput>([&] { check_opening_hour(h, kAreas); }), "open");
}

TEST(SetupRules, OpenAndCloseMustDiffer) {
  auto h = dinner();
  h.open = 1800;
  h.close = 1800;
  EXPECT_EQ(field_of<InvalidInput>([&] { check_opening_hour(h, kAreas); }), "close");
}

TEST(SetupRules, SeatingDurationAtMostSixHoursPastTheService) {
  auto h = dinner();
  h.open = 1200;
  h.close = 1300;  // 60 minutes
  h.seating.duration = 60 + 6 * 60;
  EXPECT_NO_THROW(check_opening_hour(h, kAreas));
  h.seating.duration = 60 + 6 * 60 + 1;
  EXPECT_EQ(field_of<InvalidInput>([&] { check_opening_hour(h, kAreas); }), "seating.duration");

  auto late = dinner();
  late.open = 2300;
  late.close = 0;  // 60 minutes, past midnight
  late.seating.duration = 421;
  EXPECT_EQ(field_of<InvalidInput>([&] { check_opening_hour(late, kAreas); }), "seating.duration");
  late.seating.duration = 420;
  EXPECT_NO_THROW(check_opening_hour(late, kAreas));
}

TEST(SetupRules, MaxPeoplePerSlotNotAboveMaxPeople) {
  auto h = dinner();
  h.max_people = 20;
  h.max_people_per_slot = 21;
  EXPECT_EQ(field_of<InvalidInput>([&] { check_opening_hour(h, kAreas); }), "maxPeoplePerSlot");
  // Each alone is fine.
  auto only_slot = dinner();
  only_slot.max_people_per_slot = 500;
  EXPECT_NO_THROW(check_opening_hour(only_slot, kAreas));
  auto only_total = dinner();
  only_total.max_people = 1;
  EXPECT_NO_THROW(check_opening_hour(only_total, kAreas));
}

TEST(SetupRules, OpeningHourUnknownAreaIsNotFound) {
  auto h = dinner();
  h.area_ids = {"areaA", "nope"};
  EXPECT_EQ(field_of<NotFound>([&] { check_opening_hour(h, kAreas); }), "areaIds[1]");
  EXPECT_EQ(code_of<NotFound>([&] { check_opening_hour(h, kAreas); }), "unknown_reference");
  auto closure = special_closure("2026-12-24");
  closure.area_ids = {"nope"};
  EXPECT_EQ(field_of<NotFound>([&] { check_opening_hour(closure, kAreas); }), "areaIds[0]");
}

// --- check_custom_field ------------------------------------------------------

std::vector<OpeningHour> hours_with_ids(std::vector<std::string> ids) {
  std::vector<OpeningHour> out;
  for (auto& id : ids) {
    auto h = dinner();
    h.id = std::move(id);
    out.push_back(h);
  }
  return out;
}

TEST(SetupRules, ValidCustomFields) {
  EXPECT_NO_THROW(check_custom_field(field("Allergies"), {}));
  EXPECT_NO_THROW(check_custom_field(field("Guests", "number"), {}));
  for (const char* type : {"radio", "dropdown", "checkbox"}) {
    auto f = field("Seating", type);
    f.choices = {{"c1", "Inside"}, {"c2", "Outside"}};
    EXPECT_NO_THROW(check_custom_field(f, {})) << type;
  }
  auto flows = field("Note");
  flows.active_flows = {"booking", "waitlist", "online"};
  flows.opening_hour_ids = {"h1", "h2"};
  EXPECT_NO_THROW(check_custom_field(flows, hours_with_ids({"h1", "h2"})));
  auto no_flows = field("Note");
  no_flows.active_flows = {};
  EXPECT_NO_THROW(check_custom_field(no_flows, {}));
}

TEST(SetupRules, CustomFieldNeedsAName) {
  EXPECT_EQ(field_of<InvalidInput>([] { check_custom_field(field(" \t"), {}); }), "name");
}

TEST(SetupRules, CustomFieldTypeMustBeKnown) {
  for (const char* bad : {"", "text", "String", "date", "radio "}) {
    EXPECT_EQ(field_of<InvalidInput>([&] { check_custom_field(field("X", bad), {}); }), "type") << bad;
  }
}

TEST(SetupRules, ChoiceTypesNeedChoices) {
  for (const char* type : {"radio", "dropdown", "checkbox"}) {
    EXPECT_EQ(field_of<InvalidInput>([&] { check_custom_field(field("X", type), {}); }), "multipleChoiceSelections")
        << type;
  }
}

TEST(SetupRules, OtherTypesHaveNoChoices) {
  for (const char* type : {"string", "number"}) {
    auto f = field("X", type);
    f.choices = {{"c1", "A"}};
    EXPECT_EQ(field_of<InvalidInput>([&] { check_custom_field(f, {}); }), "multipleChoiceSelections") << type;
  }
}

TEST(SetupRules, ChoicesNeedDistinctNonBlankNames) {
  auto blank = field("X", "radio");
  blank.choices = {{"c1", "A"}, {"c2", "  "}};
  EXPECT_EQ(field_of<InvalidInput>([&] { check_custom_field(blank, {}); }), "multipleChoiceSelections[1].name");

  auto twice = field("X", "dropdown");
  twice.choices = {{"c1", "Inside"}, {"c2", "Outside"}, {"c3", "INSIDE"}};  // case-insensitive
  EXPECT_EQ(field_of<InvalidInput>([&] { check_custom_field(twice, {}); }), "multipleChoiceSelections[2].name");
}

TEST(SetupRules, ActiveFlowsAreKnown) {
  auto f = field("X");
  f.active_flows = {"booking", "phone"};
  EXPECT_EQ(field_of<InvalidInput>([&] { check_custom_field(f, {}); }), "activeFlows");
  f.active_flows = {"Booking"};
  EXPECT_EQ(field_of<InvalidInput>([&] { check_custom_field(f, {}); }), "activeFlows");
}

TEST(SetupRules, CustomFieldUnknownOpeningHourIsNotFound) {
  auto f = field("X");
  f.opening_hour_ids = {"h1", "h9"};
  EXPECT_EQ(field_of<NotFound>([&] { check_custom_field(f, hours_with_ids({"h1", "h2"})); }), "openingHourIds[1]");
  EXPECT_EQ(code_of<NotFound>([&] { check_custom_field(f, hours_with_ids({"h1", "h2"})); }), "unknown_reference");
  EXPECT_EQ(field_of<NotFound>([&] { check_custom_field(f, {}); }), "openingHourIds[0]");
}

TEST(SetupRules, AnAreaInUseCannotBeDeleted) {
  Table in_terrace;
  in_terrace.area_id = "A1";
  std::vector<Table> tables{in_terrace, in_terrace};
  EXPECT_EQ(test::thrown([&] { check_area_unused("A1", "Terrace", tables, {}); }),
            (test::Thrown{"IllegalOperation", "in_use", "_id",
                          "The area 'Terrace' still has 2 table(s). Move or delete them first."}));
  OpeningHour lunch;
  lunch.area_ids = {"A2", "A1"};
  std::vector<OpeningHour> hours{lunch};
  EXPECT_EQ(test::thrown([&] { check_area_unused("A1", "Terrace", {}, hours); }),
            (test::Thrown{"IllegalOperation", "in_use", "_id",
                          "The area 'Terrace' is used by 1 opening hour(s). Remove it from them first."}));
  EXPECT_EQ(test::thrown([&] { check_area_unused("A3", "Bar", tables, hours); }).kind, "none");
}

TEST(SetupRules, ATableInACombinationOrHeldByBookingsCannotBeDeleted) {
  TableCombination window;
  window.name = "Window";
  window.table_ids = {"T1", "T2"};
  TableCombination corner;
  corner.name = "Corner";
  corner.table_ids = {"T2", "T3"};
  std::vector<TableCombination> combinations{window, corner};
  EXPECT_EQ(test::thrown([&] { check_table_unused("T2", "12", combinations, 0); }),
            (test::Thrown{"IllegalOperation", "in_use", "_id",
                          "Table '12' is part of the combination(s) 'Window', 'Corner'. Delete those first."}));
  EXPECT_EQ(
      test::thrown([&] { check_table_unused("T4", "14", combinations, 3); }),
      (test::Thrown{"IllegalOperation", "in_use", "_id",
                    "Table '14' is held by 3 current or upcoming booking(s). Move them to another table first."}));
  EXPECT_EQ(test::thrown([&] { check_table_unused("T4", "14", combinations, 0); }).kind, "none");
}

}  // namespace
}  // namespace maitred::domain
