// Opening hours over /v1: recurring services, special days and closures,
// soft deletion, against the real server.

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <stdexcept>

#include "api/setup_fixture.hpp"

namespace maitred::test {
namespace {

class SetupOpeningHoursTest : public SetupApiBase {
 protected:
  static constexpr const char* kDinner = R"({"name":"Dinner","day":5,"open":1730,"close":2300})";

  // The dinner body with `member` (a `"key":value` pair) added or replacing
  // the default of that key.
  static std::string dinner_with(const std::string& member) {
    rapidjson::Document doc;
    doc.Parse(kDinner);
    rapidjson::Document extra;
    extra.Parse(("{" + member + "}").c_str());
    for (auto& m : extra.GetObject()) {
      doc.RemoveMember(m.name.GetString());
      doc.AddMember(rapidjson::Value(m.name, doc.GetAllocator()), rapidjson::Value(m.value, doc.GetAllocator()),
                    doc.GetAllocator());
    }
    return at(doc, "");
  }
  // The dinner body without `member`.
  static std::string dinner_without(const std::string& member) {
    rapidjson::Document doc;
    doc.Parse(kDinner);
    doc.RemoveMember(member.c_str());
    return at(doc, "");
  }
};

TEST_F(SetupOpeningHoursTest, RecurringServiceCreateGetListUpdateDelete) {
  const std::string area = create("/v1/areas", R"({"name":"Terrace"})");
  const std::string id = create(
      "/v1/openingHours",
      R"({"name":"Dinner","note":"Last orders 22:00","day":5,"open":1730,"close":2300,"seating":{"interval":15,"duration":120},"maxPeople":60,"maxPeoplePerSlot":12,"areaIds":[")" +
          area + R"("]})");
  auto hour = read("/v1/openingHours/" + id);
  EXPECT_EQ(at(hour, "_id"), q(id));
  EXPECT_EQ(at(hour, "name"), q("Dinner"));
  EXPECT_EQ(at(hour, "note"), q("Last orders 22:00"));
  EXPECT_EQ(at(hour, "type"), q("restaurant"));
  EXPECT_EQ(at(hour, "special"), "false");
  EXPECT_EQ(at(hour, "day"), "5");
  EXPECT_EQ(at(hour, "open"), "1730");
  EXPECT_EQ(at(hour, "close"), "2300");
  EXPECT_EQ(at(hour, "seating"), R"({"interval":15,"duration":120})");
  EXPECT_EQ(at(hour, "maxPeople"), "60");
  EXPECT_EQ(at(hour, "maxPeoplePerSlot"), "12");
  EXPECT_EQ(at(hour, "areaIds"), "[" + q(area) + "]");
  EXPECT_EQ(at(hour, "deleted"), "false");
  EXPECT_EQ(at(hour, "date"), "<absent>") << "a recurring service has no date";

  EXPECT_EQ(ids_of(read("/v1/openingHours")), std::vector<std::string>{id});

  expect_true(call("PUT", "/v1/openingHours/" + id, R"({"close":2330})"));
  hour = read("/v1/openingHours/" + id);
  EXPECT_EQ(at(hour, "close"), "2330");
  EXPECT_EQ(at(hour, "open"), "1730");
  EXPECT_EQ(at(hour, "name"), q("Dinner"));
  EXPECT_EQ(at(hour, "day"), "5");
  EXPECT_EQ(at(hour, "maxPeople"), "60");
  EXPECT_EQ(at(hour, "areaIds"), "[" + q(area) + "]");

  // seating is merged field by field.
  expect_true(call("PUT", "/v1/openingHours/" + id, R"({"seating":{"interval":30}})"));
  EXPECT_EQ(at(read("/v1/openingHours/" + id), "seating"), R"({"interval":30,"duration":120})");

  expect_true(call("DELETE", "/v1/openingHours/" + id));
  EXPECT_EQ(ids_of(read("/v1/openingHours")).size(), 0u) << "deleted hours are hidden from the list";
  // Soft deletion: bookings keep pointing at the hour, so it stays readable by id.
  hour = read("/v1/openingHours/" + id);
  EXPECT_EQ(at(hour, "deleted"), "true");
  EXPECT_EQ(at(hour, "name"), q("Dinner"));
  auto with_deleted = read("/v1/openingHours?showDeleted=true");
  ASSERT_EQ(ids_of(with_deleted), std::vector<std::string>{id});
  EXPECT_EQ(at(with_deleted, "0.deleted"), "true");
  // A deleted hour cannot be changed.
  expect_error(call("PUT", "/v1/openingHours/" + id, R"({"close":2300})"), 400, "deleted", "_id");
  EXPECT_EQ(at(read("/v1/openingHours/" + id), "close"), "2330");
}

TEST_F(SetupOpeningHoursTest, DefaultsOfARecurringService) {
  auto hour = read("/v1/openingHours/" + create("/v1/openingHours", kDinner));
  EXPECT_EQ(at(hour, "type"), q("restaurant"));
  EXPECT_EQ(at(hour, "note"), q(""));
  EXPECT_EQ(at(hour, "seating"), R"({"interval":15,"duration":120})");
  EXPECT_EQ(at(hour, "maxPeople"), "null");
  EXPECT_EQ(at(hour, "maxPeoplePerSlot"), "null");
  EXPECT_EQ(at(hour, "areaIds"), "[]");
  EXPECT_EQ(at(hour, "deleted"), "false");
}

TEST_F(SetupOpeningHoursTest, ServiceMayRunPastMidnight) {
  auto hour = read("/v1/openingHours/" + create("/v1/openingHours", dinner_with(R"("open":2200,"close":200)")));
  EXPECT_EQ(at(hour, "open"), "2200");
  EXPECT_EQ(at(hour, "close"), "200");
  // Midnight itself and the last minute of the day are valid HHMM.
  create("/v1/openingHours", dinner_with(R"("open":0,"close":2359)"));
}

TEST_F(SetupOpeningHoursTest, SpecialDays) {
  const std::string closed =
      create("/v1/openingHours", R"({"special":true,"date":"2026-12-24","isOpen":false,"note":"Christmas"})");
  auto hour = read("/v1/openingHours/" + closed);
  EXPECT_EQ(at(hour, "special"), "true");
  EXPECT_EQ(at(hour, "date"), q("2026-12-24"));
  EXPECT_EQ(at(hour, "isOpen"), "false");
  EXPECT_EQ(at(hour, "note"), q("Christmas"));
  EXPECT_EQ(at(hour, "day"), "<absent>");
  EXPECT_EQ(at(hour, "open"), "<absent>") << "a closed day has no hours";
  EXPECT_EQ(at(hour, "toDate"), "<absent>");

  const std::string open =
      create("/v1/openingHours",
             R"({"special":true,"date":"2026-12-31","isOpen":true,"name":"New Year's Eve","open":1800,"close":100})");
  hour = read("/v1/openingHours/" + open);
  EXPECT_EQ(at(hour, "isOpen"), "true");
  EXPECT_EQ(at(hour, "open"), "1800");
  EXPECT_EQ(at(hour, "close"), "100");
  EXPECT_EQ(at(hour, "name"), q("New Year's Eve"));

  const std::string closure =
      create("/v1/openingHours", R"({"special":true,"date":"2026-07-01","toDate":"2026-07-14","isOpen":false})");
  EXPECT_EQ(at(read("/v1/openingHours/" + closure), "toDate"), q("2026-07-14"));
  // One day, and a whole year, are fine ranges too.
  create("/v1/openingHours", R"({"special":true,"date":"2026-08-01","toDate":"2026-08-01","isOpen":false})");
  create("/v1/openingHours", R"({"special":true,"date":"2026-01-01","toDate":"2027-01-02","isOpen":false})");

  // Turning a closed day into an open one needs hours and a name.
  expect_error(call("PUT", "/v1/openingHours/" + closed, R"({"isOpen":true,"open":1200,"close":1500})"), 422,
               "invalid_field", "name");
  expect_true(call("PUT", "/v1/openingHours/" + closed,
                   R"({"isOpen":true,"name":"Christmas lunch","open":1200,"close":1500})"));
  hour = read("/v1/openingHours/" + closed);
  EXPECT_EQ(at(hour, "isOpen"), "true");
  EXPECT_EQ(at(hour, "open"), "1200");
}

TEST_F(SetupOpeningHoursTest, ListFilters) {
  const std::string dinner = create("/v1/openingHours", kDinner);
  const std::string bar = create("/v1/openingHours", dinner_with(R"("name":"Bar","type":"bar")"));
  const std::string closed = create("/v1/openingHours", R"({"special":true,"date":"2026-12-24","isOpen":false})");
  const std::string gone = create("/v1/openingHours", R"({"special":true,"date":"2026-12-25","isOpen":false})");
  expect_true(call("DELETE", "/v1/openingHours/" + gone));

  using Ids = std::vector<std::string>;
  EXPECT_EQ(ids_of(read("/v1/openingHours")), (Ids{dinner, bar, closed}));
  EXPECT_EQ(ids_of(read("/v1/openingHours?showDeleted=false")), (Ids{dinner, bar, closed}));
  EXPECT_EQ(ids_of(read("/v1/openingHours?showDeleted=true")), (Ids{dinner, bar, closed, gone}));
  EXPECT_EQ(ids_of(read("/v1/openingHours?onlySpecial=true")), (Ids{closed}));
  EXPECT_EQ(ids_of(read("/v1/openingHours?onlySpecial=true&showDeleted=true")), (Ids{closed, gone}));
  EXPECT_EQ(ids_of(read("/v1/openingHours?onlySpecial=false")), (Ids{dinner, bar, closed}));
  EXPECT_EQ(ids_of(read("/v1/openingHours?type=bar")), (Ids{bar}));
  EXPECT_EQ(ids_of(read("/v1/openingHours?type=restaurant")), (Ids{dinner, closed}));
  EXPECT_EQ(ids_of(read("/v1/openingHours?type=nothing")), (Ids{}));
  expect_error(call("GET", "/v1/openingHours?showDeleted=maybe"), 422, "invalid_parameter", "showDeleted");
}

TEST_F(SetupOpeningHoursTest, InvalidRecurringServicesAreRefused) {
  struct Case {
    std::string body;
    unsigned status;
    std::string code;
    std::string field;
  };
  const std::vector<Case> cases = {
      {dinner_with(R"("open":1790)"), 422, "invalid_field", "open"},
      {dinner_with(R"("open":2400)"), 422, "invalid_field", "open"},
      {dinner_with(R"("open":-1)"), 422, "invalid_field", "open"},
      {dinner_with(R"("open":10000)"), 422, "invalid_field", "open"},
      {dinner_with(R"("open":"1730")"), 422, "invalid_field", "open"},
      {dinner_with(R"("close":1790)"), 422, "invalid_field", "close"},
      {dinner_with(R"("close":2400)"), 422, "invalid_field", "close"},
      {dinner_with(R"("close":-1)"), 422, "invalid_field", "close"},
      {dinner_with(R"("open":1730,"close":1730)"), 422, "invalid_field", "close"},
      {dinner_with(R"("day":0)"), 422, "invalid_field", "day"},
      {dinner_with(R"("day":8)"), 422, "invalid_field", "day"},
      {dinner_with(R"("day":"5")"), 422, "invalid_field", "day"},
      {dinner_without("day"), 422, "missing_field", "day"},
      {dinner_without("open"), 422, "missing_field", "open"},
      {dinner_without("close"), 422, "missing_field", "close"},
      {dinner_without("name"), 422, "invalid_field", "name"},
      {dinner_with(R"("name":"  ")"), 422, "invalid_field", "name"},
      {dinner_with(R"("maxPeople":10,"maxPeoplePerSlot":11)"), 422, "invalid_field", "maxPeoplePerSlot"},
      {dinner_with(R"("maxPeople":0)"), 422, "invalid_field", "maxPeople"},
      {dinner_with(R"("maxPeoplePerSlot":"4")"), 422, "invalid_field", "maxPeoplePerSlot"},
      {dinner_with(R"("areaIds":["GGGGGGGGGGGGGGGGG"])"), 404, "unknown_reference", "areaIds[0]"},
      {dinner_with(R"("areaIds":"GGGGGGGGGGGGGGGGG")"), 422, "invalid_field", "areaIds"},
      {dinner_with(R"("seating":{"interval":3})"), 422, "invalid_field", "seating.interval"},
      {dinner_with(R"("seating":{"duration":10})"), 422, "invalid_field", "seating.duration"},
      // 1730-2300 is 5.5 hours: a 1000-minute seating is nonsense.
      {dinner_with(R"("seating":{"duration":1000})"), 422, "invalid_field", "seating.duration"},
      {dinner_with(R"("seating":{"interval":15,"length":90})"), 422, "unknown_field", "seating.length"},
      {dinner_with(R"("seating":15)"), 422, "invalid_field", "seating"},
      {dinner_with(R"("special":"no")"), 422, "invalid_field", "special"},
      {dinner_with(R"("colour":"red")"), 422, "unknown_field", "colour"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.body);
    expect_error(call("POST", "/v1/openingHours", c.body), c.status, c.code, c.field);
  }
  EXPECT_EQ(ids_of(read("/v1/openingHours?showDeleted=true")).size(), 0u) << "nothing was created";
}

TEST_F(SetupOpeningHoursTest, InvalidSpecialDaysAreRefused) {
  struct Case {
    std::string body;
    std::string code;
    std::string field;
  };
  const std::vector<Case> cases = {
      {R"({"special":true,"isOpen":false})", "invalid_field", "date"},
      {R"({"special":true,"date":"","isOpen":false})", "invalid_field", "date"},
      {R"({"special":true,"date":"2026-13-01","isOpen":false})", "invalid_field", "date"},
      {R"({"special":true,"date":"2026-02-30","isOpen":false})", "invalid_field", "date"},
      {R"({"special":true,"date":"24/12/2026","isOpen":false})", "invalid_field", "date"},
      {R"({"special":true,"date":"2026-12-24T00:00:00Z","isOpen":false})", "invalid_field", "date"},
      {R"({"special":true,"date":"2026-07-14","toDate":"2026-07-01","isOpen":false})", "invalid_field", "toDate"},
      {R"({"special":true,"date":"2026-07-01","toDate":"14.07.2026","isOpen":false})", "invalid_field", "toDate"},
      {R"({"special":true,"date":"2026-01-01","toDate":"2027-01-03","isOpen":false})", "invalid_field", "toDate"},
      {R"({"special":true,"date":"2026-07-01","toDate":"2026-07-02","isOpen":true,"name":"Fest","open":1200,"close":2200})",
       "invalid_field", "toDate"},
      // isOpen defaults to true: a range without isOpen is an open range.
      {R"({"special":true,"date":"2026-07-01","toDate":"2026-07-02","name":"Fest","open":1200,"close":2200})",
       "invalid_field", "toDate"},
      {R"({"special":true,"date":"2026-12-31","isOpen":true,"name":"NYE"})", "missing_field", "open"},
      {R"({"special":true,"date":"2026-12-31","isOpen":true,"name":"NYE","open":1800})", "missing_field", "close"},
      {R"({"special":true,"date":"2026-12-31","isOpen":true,"open":1800,"close":100})", "invalid_field", "name"},
      {R"({"special":true,"date":"2026-12-31","isOpen":true,"name":"NYE","open":1800,"close":2400})", "invalid_field",
       "close"},
      {R"({"special":true,"date":"2026-12-31","isOpen":"no"})", "invalid_field", "isOpen"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.body);
    expect_error(call("POST", "/v1/openingHours", c.body), 422, c.code, c.field);
  }
  EXPECT_EQ(ids_of(read("/v1/openingHours?showDeleted=true")).size(), 0u) << "nothing was created";
}

TEST_F(SetupOpeningHoursTest, PartialUpdates) {
  const std::string area = create("/v1/areas", R"({"name":"Terrace"})");
  const std::string id =
      create("/v1/openingHours", dinner_with(R"("maxPeople":60,"maxPeoplePerSlot":12,"areaIds":[")" + area + R"("])"));
  // null lifts a limit and leaves the other.
  expect_true(call("PUT", "/v1/openingHours/" + id, R"({"maxPeople":null})"));
  auto hour = read("/v1/openingHours/" + id);
  EXPECT_EQ(at(hour, "maxPeople"), "null");
  EXPECT_EQ(at(hour, "maxPeoplePerSlot"), "12");
  // Absent keeps it.
  expect_true(call("PUT", "/v1/openingHours/" + id, R"({"name":"Late dinner"})"));
  hour = read("/v1/openingHours/" + id);
  EXPECT_EQ(at(hour, "maxPeoplePerSlot"), "12");
  EXPECT_EQ(at(hour, "name"), q("Late dinner"));
  EXPECT_EQ(at(hour, "areaIds"), "[" + q(area) + "]");
  // `deleted` is read-only: DELETE sets it, a PUT does not.
  expect_true(call("PUT", "/v1/openingHours/" + id, R"({"deleted":true})"));
  EXPECT_EQ(ids_of(read("/v1/openingHours")), std::vector<std::string>{id});
  EXPECT_EQ(at(read("/v1/openingHours/" + id), "deleted"), "false");
  // An empty area list means every area, and frees the area.
  expect_true(call("PUT", "/v1/openingHours/" + id, R"({"areaIds":[]})"));
  EXPECT_EQ(at(read("/v1/openingHours/" + id), "areaIds"), "[]");
  expect_true(call("DELETE", "/v1/areas/" + area));
}

TEST_F(SetupOpeningHoursTest, InvalidUpdatesChangeNothing) {
  const std::string id = create("/v1/openingHours", dinner_with(R"("maxPeople":60,"maxPeoplePerSlot":12)"));
  struct Case {
    std::string body;
    unsigned status;
    std::string code;
    std::string field;
  };
  const std::vector<Case> cases = {
      {R"({"open":2400})", 422, "invalid_field", "open"},
      {R"({"close":1730})", 422, "invalid_field", "close"},  // equal to the stored open
      {R"({"maxPeoplePerSlot":61})", 422, "invalid_field", "maxPeoplePerSlot"},
      {R"({"maxPeople":11})", 422, "invalid_field", "maxPeoplePerSlot"},
      {R"({"day":0})", 422, "invalid_field", "day"},
      {R"({"special":true})", 422, "invalid_field", "date"},
      {R"({"areaIds":["GGGGGGGGGGGGGGGGG"]})", 404, "unknown_reference", "areaIds[0]"},
      {R"({"_id":"GGGGGGGGGGGGGGGGG"})", 422, "invalid_field", "_id"},
      {R"({"name":"X","oops":1})", 422, "unknown_field", "oops"},
  };
  const std::string before = call("GET", "/v1/openingHours/" + id).body;
  for (const auto& c : cases) {
    SCOPED_TRACE(c.body);
    expect_error(call("PUT", "/v1/openingHours/" + id, c.body), c.status, c.code, c.field);
    EXPECT_EQ(call("GET", "/v1/openingHours/" + id).body, before);
  }
}

TEST_F(SetupOpeningHoursTest, ReadHoursCanBePutBackUnchanged) {
  const std::string area = create("/v1/areas", R"({"name":"Terrace"})");
  const std::vector<std::string> ids = {
      create("/v1/openingHours", dinner_with(R"("maxPeople":60,"areaIds":[")" + area + R"("])")),
      create("/v1/openingHours", R"({"special":true,"date":"2026-12-24","isOpen":false})"),
      create("/v1/openingHours", R"({"special":true,"date":"2026-07-01","toDate":"2026-07-14","isOpen":false})"),
  };
  for (const auto& id : ids) {
    SCOPED_TRACE(id);
    const std::string before = call("GET", "/v1/openingHours/" + id).body;
    expect_true(call("PUT", "/v1/openingHours/" + id, before));
    EXPECT_EQ(call("GET", "/v1/openingHours/" + id).body, before);
  }
}

TEST_F(SetupOpeningHoursTest, AreaOfADeletedHourCanBeDeleted) {
  const std::string area = create("/v1/areas", R"({"name":"Terrace"})");
  const std::string id = create("/v1/openingHours", dinner_with(R"("areaIds":[")" + area + R"("])"));
  expect_error(call("DELETE", "/v1/areas/" + area), 400, "in_use");
  expect_true(call("DELETE", "/v1/openingHours/" + id));
  expect_true(call("DELETE", "/v1/areas/" + area));
}

TEST_F(SetupOpeningHoursTest, UnknownIdsAre404) {
  const std::string missing = "AAAAAAAAAAAAAAAAA";
  expect_error(call("GET", "/v1/openingHours/" + missing), 404, "not_found", "_id");
  expect_error(call("PUT", "/v1/openingHours/" + missing, R"({"close":2300})"), 404, "not_found", "_id");
  expect_error(call("DELETE", "/v1/openingHours/" + missing), 404, "not_found", "_id");
  expect_error(call("GET", "/v1/openingHours/x"), 404, "not_found");
}

TEST_F(SetupOpeningHoursTest, BodiesMustBeDeclaredAndWellFormedJson) {
  const std::string id = create("/v1/openingHours", kDinner);
  auto c = client();
  const Headers no_type{{"Authorization", basic_auth(key())}};
  expect_error(c.request("POST", "/v1/openingHours", no_type, kDinner), 415, "unsupported_media_type");
  expect_error(c.request("PUT", "/v1/openingHours/" + id, no_type, R"({"close":2330})"), 415, "unsupported_media_type");
  expect_error(call("POST", "/v1/openingHours", R"({"name":"Dinner","day":5,)"), 422, "malformed_json");
  expect_error(call("PUT", "/v1/openingHours/" + id, R"({"close":2330)"), 422, "malformed_json");
  EXPECT_EQ(ids_of(read("/v1/openingHours")), std::vector<std::string>{id});
  EXPECT_EQ(at(read("/v1/openingHours/" + id), "close"), "2300");
}

}  // namespace
}  // namespace maitred::test
