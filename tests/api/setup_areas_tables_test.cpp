// Areas, tables and table combinations over /v1, against the real server.

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <stdexcept>

#include "api/setup_fixture.hpp"

namespace maitred::test {
namespace {

// ---------------------------------------------------------------- areas

class SetupAreasTest : public SetupApiBase {};

TEST_F(SetupAreasTest, CreateGetListUpdateDelete) {
  EXPECT_EQ(ids_of(read("/v1/areas")).size(), 0u);

  const std::string id = create("/v1/areas", R"({"name":"Terrace","internalNote":"Heaters","bookingPriority":2})");
  auto area = read("/v1/areas/" + id);
  EXPECT_EQ(at(area, "_id"), q(id));
  EXPECT_EQ(at(area, "name"), q("Terrace"));
  EXPECT_EQ(at(area, "internalNote"), q("Heaters"));
  EXPECT_EQ(at(area, "bookingPriority"), "2");

  auto list = read("/v1/areas");
  ASSERT_TRUE(list.IsArray());
  EXPECT_EQ(ids_of(list), std::vector<std::string>{id});

  expect_true(call("PUT", "/v1/areas/" + id, R"({"name":"Garden"})"));
  area = read("/v1/areas/" + id);
  EXPECT_EQ(at(area, "name"), q("Garden"));
  EXPECT_EQ(at(area, "internalNote"), q("Heaters")) << "a partial update keeps what was not sent";
  EXPECT_EQ(at(area, "bookingPriority"), "2");

  expect_true(call("DELETE", "/v1/areas/" + id));
  expect_error(call("GET", "/v1/areas/" + id), 404, "not_found", "_id");
  EXPECT_EQ(ids_of(read("/v1/areas")).size(), 0u);
}

TEST_F(SetupAreasTest, DefaultsOfANewArea) {
  const std::string id = create("/v1/areas", R"({"name":"Bar"})");
  auto area = read("/v1/areas/" + id);
  EXPECT_EQ(at(area, "internalNote"), q(""));
  EXPECT_EQ(at(area, "bookingPriority"), "0");
}

TEST_F(SetupAreasTest, InvalidBodiesAreRefused) {
  struct Case {
    std::string body;
    std::string code;
    std::string field;
  };
  const std::vector<Case> cases = {
      {R"({})", "invalid_field", "name"},
      {R"({"name":"   "})", "invalid_field", "name"},
      {R"({"name":""})", "invalid_field", "name"},
      {R"({"name":5})", "invalid_field", "name"},
      {R"({"name":"A","colour":"red"})", "unknown_field", "colour"},
      {R"({"name":"A","bookingPriority":"1"})", "invalid_field", "bookingPriority"},
      {R"({"name":"A","bookingPriority":5000})", "invalid_field", "bookingPriority"},
      {R"({"name":"A","internalNote":7})", "invalid_field", "internalNote"},
      {R"(["name"])", "invalid_field", ""},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.body);
    expect_error(call("POST", "/v1/areas", c.body), 422, c.code, c.field);
  }
  EXPECT_EQ(ids_of(read("/v1/areas")).size(), 0u) << "nothing was created";
}

TEST_F(SetupAreasTest, InvalidUpdateChangesNothing) {
  const std::string id = create("/v1/areas", R"({"name":"Terrace","bookingPriority":1})");
  expect_error(call("PUT", "/v1/areas/" + id, R"({"name":" "})"), 422, "invalid_field", "name");
  expect_error(call("PUT", "/v1/areas/" + id, R"({"bookingPriority":3,"oops":1})"), 422, "unknown_field", "oops");
  auto area = read("/v1/areas/" + id);
  EXPECT_EQ(at(area, "name"), q("Terrace"));
  EXPECT_EQ(at(area, "bookingPriority"), "1");
}

TEST_F(SetupAreasTest, NullNameOnUpdateIsRefusedAsAnInvalidName) {
  const std::string id = create("/v1/areas", R"({"name":"Terrace"})");
  // `name` is a known field: null is a bad value, not an unknown field.
  expect_error(call("PUT", "/v1/areas/" + id, R"({"name":null})"), 422, "invalid_field", "name");
  EXPECT_EQ(at(read("/v1/areas/" + id), "name"), q("Terrace"));
}

TEST_F(SetupAreasTest, UnknownIdsAre404) {
  const std::string missing = "AAAAAAAAAAAAAAAAA";
  for (const std::string& id : {missing, std::string("not-an-id")}) {
    SCOPED_TRACE(id);
    expect_error(call("GET", "/v1/areas/" + id), 404, "not_found", "_id");
    expect_error(call("PUT", "/v1/areas/" + id, R"({"name":"X"})"), 404, "not_found", "_id");
    expect_error(call("DELETE", "/v1/areas/" + id), 404, "not_found", "_id");
  }
  EXPECT_EQ(ids_of(read("/v1/areas")).size(), 0u) << "PUT on an unknown id must not create it";
}

TEST_F(SetupAreasTest, IdInBodyMustMatchTheUrl) {
  const std::string id = create("/v1/areas", R"({"name":"Terrace"})");
  const std::string other = create("/v1/areas", R"({"name":"Bar"})");
  expect_error(call("PUT", "/v1/areas/" + id, R"({"_id":")" + other + R"(","name":"X"})"), 422, "invalid_field", "_id");
  EXPECT_EQ(at(read("/v1/areas/" + id), "name"), q("Terrace"));
  EXPECT_EQ(at(read("/v1/areas/" + other), "name"), q("Bar"));
  // Its own id, and the read-only stamps, are accepted.
  expect_true(
      call("PUT", "/v1/areas/" + id, R"({"_id":")" + id + R"(","name":"Patio","createdAt":"2020-01-01T00:00:00Z"})"));
  EXPECT_EQ(at(read("/v1/areas/" + id), "name"), q("Patio"));
}

TEST_F(SetupAreasTest, RestaurantIdMustBeTheCallersOwn) {
  const std::string own = at(read("/v1/restaurant"), "_id");
  expect_true(call("PUT", "/v1/areas/" + create("/v1/areas", R"({"name":"Terrace"})"),
                   R"({"restaurantId":)" + own + R"(,"name":"Garden"})"));
  expect_error(call("POST", "/v1/areas", R"({"restaurantId":"BBBBBBBBBBBBBBBBB","name":"X"})"), 422, "invalid_field",
               "restaurantId");
}

TEST_F(SetupAreasTest, AreaWithTablesCannotBeDeleted) {
  const std::string area = create("/v1/areas", R"({"name":"Terrace"})");
  const std::string table = create("/v1/tables", R"({"name":"T1","seatsMax":4,"areaId":")" + area + R"("})");
  create("/v1/tables", R"({"name":"T2","seatsMax":4,"areaId":")" + area + R"("})");
  Reply r = call("DELETE", "/v1/areas/" + area);
  expect_error(r, 400, "in_use", "_id");
  const std::string message = string_at(r.body, "message");
  EXPECT_NE(message.find("Terrace"), std::string::npos) << message;
  EXPECT_NE(message.find("2 table"), std::string::npos) << message;
  EXPECT_EQ(at(read("/v1/areas/" + area), "name"), q("Terrace")) << "the area is still there";

  // Once its tables have left, it goes.
  expect_true(call("PUT", "/v1/tables/" + table, R"({"areaId":null})"));
  expect_error(call("DELETE", "/v1/areas/" + area), 400, "in_use");
  for (const auto& id : ids_of(read("/v1/tables"))) expect_true(call("DELETE", "/v1/tables/" + id));
  expect_true(call("DELETE", "/v1/areas/" + area));
}

TEST_F(SetupAreasTest, AreaUsedByAnOpeningHourCannotBeDeleted) {
  const std::string area = create("/v1/areas", R"({"name":"Terrace"})");
  create("/v1/openingHours", R"({"name":"Dinner","day":5,"open":1730,"close":2300,"areaIds":[")" + area + R"("]})");
  Reply r = call("DELETE", "/v1/areas/" + area);
  expect_error(r, 400, "in_use", "_id");
  const std::string message = string_at(r.body, "message");
  EXPECT_NE(message.find("Terrace"), std::string::npos) << message;
  EXPECT_NE(message.find("opening hour"), std::string::npos) << message;
  EXPECT_EQ(ids_of(read("/v1/areas")), std::vector<std::string>{area});
}

TEST_F(SetupAreasTest, WrongMethodsAre405WithAllow) {
  const std::string id = create("/v1/areas", R"({"name":"Terrace"})");
  Reply r = call("DELETE", "/v1/areas");
  expect_error(r, 405, "method_not_allowed");
  EXPECT_EQ(r.header("allow"), "GET, POST");
  r = call("POST", "/v1/areas/" + id, R"({"name":"X"})");
  expect_error(r, 405, "method_not_allowed");
  EXPECT_EQ(r.header("allow"), "GET, PUT, DELETE");
  r = call("PATCH", "/v1/tables/" + id, R"({"name":"X"})");
  expect_error(r, 405, "method_not_allowed");
  EXPECT_EQ(at(read("/v1/areas/" + id), "name"), q("Terrace"));
}

// ---------------------------------------------------------------- tables

class SetupTablesTest : public SetupApiBase {
 protected:
  std::string table_body(const std::string& name, const std::string& extra = {}) {
    return R"({"name":")" + name + R"(","seatsMax":4)" + (extra.empty() ? "" : "," + extra) + "}";
  }
};

TEST_F(SetupTablesTest, CreateGetListUpdateDelete) {
  const std::string area = create("/v1/areas", R"({"name":"Terrace"})");
  const std::string id = create("/v1/tables", R"({"name":"T1","seatsMin":2,"seatsMax":4,"areaId":")" + area +
                                                  R"(","bookableOnline":false,"priority":3,"internalNote":"wobbly"})");
  auto table = read("/v1/tables/" + id);
  EXPECT_EQ(at(table, "_id"), q(id));
  EXPECT_EQ(at(table, "name"), q("T1"));
  EXPECT_EQ(at(table, "seatsMin"), "2");
  EXPECT_EQ(at(table, "seatsMax"), "4");
  EXPECT_EQ(at(table, "areaId"), q(area));
  EXPECT_EQ(at(table, "area"), R"({"_id":")" + area + R"(","name":"Terrace"})");
  EXPECT_EQ(at(table, "bookableOnline"), "false");
  EXPECT_EQ(at(table, "priority"), "3");
  EXPECT_EQ(at(table, "internalNote"), q("wobbly"));

  auto list = read("/v1/tables");
  ASSERT_EQ(ids_of(list), std::vector<std::string>{id});
  EXPECT_EQ(at(list, "0.area.name"), q("Terrace")) << "the list embeds the area too";

  expect_true(call("PUT", "/v1/tables/" + id, R"({"seatsMax":6})"));
  table = read("/v1/tables/" + id);
  EXPECT_EQ(at(table, "seatsMax"), "6");
  EXPECT_EQ(at(table, "seatsMin"), "2");
  EXPECT_EQ(at(table, "name"), q("T1")) << "a partial update keeps the name";
  EXPECT_EQ(at(table, "areaId"), q(area)) << "a partial update keeps the area";
  EXPECT_EQ(at(table, "area.name"), q("Terrace"));
  EXPECT_EQ(at(table, "bookableOnline"), "false");
  EXPECT_EQ(at(table, "priority"), "3");
  EXPECT_EQ(at(table, "internalNote"), q("wobbly"));

  expect_true(call("DELETE", "/v1/tables/" + id));
  expect_error(call("GET", "/v1/tables/" + id), 404, "not_found", "_id");
  EXPECT_EQ(ids_of(read("/v1/tables")).size(), 0u);
}

TEST_F(SetupTablesTest, DefaultsOfANewTable) {
  auto table = read("/v1/tables/" + create("/v1/tables", table_body("T1")));
  EXPECT_EQ(at(table, "seatsMin"), "1");
  EXPECT_EQ(at(table, "area"), "null");
  EXPECT_EQ(at(table, "areaId"), "null");
  EXPECT_EQ(at(table, "bookableOnline"), "true");
  EXPECT_EQ(at(table, "priority"), "0");
  EXPECT_EQ(at(table, "internalNote"), q(""));
}

TEST_F(SetupTablesTest, NullAreaIdTakesTheTableOutOfItsArea) {
  const std::string area = create("/v1/areas", R"({"name":"Terrace"})");
  const std::string id = create("/v1/tables", table_body("T1", R"("areaId":")" + area + "\""));
  expect_true(call("PUT", "/v1/tables/" + id, R"({"areaId":null})"));
  auto table = read("/v1/tables/" + id);
  EXPECT_EQ(at(table, "areaId"), "null");
  EXPECT_EQ(at(table, "area"), "null");
  EXPECT_EQ(at(table, "name"), q("T1"));
  // The area is free now.
  expect_true(call("DELETE", "/v1/areas/" + area));
}

TEST_F(SetupTablesTest, EmbeddedAreaObjectMovesOrClearsTheArea) {
  const std::string terrace = create("/v1/areas", R"({"name":"Terrace"})");
  const std::string bar = create("/v1/areas", R"({"name":"Bar"})");
  const std::string id = create("/v1/tables", table_body("T1", R"("areaId":")" + terrace + "\""));
  expect_true(call("PUT", "/v1/tables/" + id, R"({"area":{"_id":")" + bar + R"(","name":"whatever"}})"));
  EXPECT_EQ(at(read("/v1/tables/" + id), "area"), R"({"_id":")" + bar + R"(","name":"Bar"})");
  expect_true(call("PUT", "/v1/tables/" + id, R"({"area":null})"));
  EXPECT_EQ(at(read("/v1/tables/" + id), "areaId"), "null");
  expect_error(call("PUT", "/v1/tables/" + id, R"({"area":{"_id":")" + bar + R"(","colour":"red"}})"), 422,
               "unknown_field", "area.colour");
  expect_error(call("PUT", "/v1/tables/" + id, R"({"area":{"_id":"CCCCCCCCCCCCCCCCC"}})"), 404, "unknown_reference",
               "areaId");
  EXPECT_EQ(at(read("/v1/tables/" + id), "areaId"), "null");
}

TEST_F(SetupTablesTest, TableReadCanBePutBackUnchanged) {
  const std::string area = create("/v1/areas", R"({"name":"Terrace"})");
  const std::string id =
      create("/v1/tables", table_body("T1", R"("seatsMin":2,"priority":1,"areaId":")" + area + "\""));
  const std::string no_area = create("/v1/tables", table_body("T2"));
  for (const auto& t : {id, no_area}) {
    SCOPED_TRACE(t);
    Reply before = call("GET", "/v1/tables/" + t);
    ASSERT_EQ(before.status, 200u);
    expect_true(call("PUT", "/v1/tables/" + t, before.body));
    Reply after = call("GET", "/v1/tables/" + t);
    EXPECT_EQ(after.body, before.body);
  }
  // A list element also goes back as it came.
  auto list = read("/v1/tables");
  ASSERT_TRUE(list.IsArray());
  ASSERT_EQ(list.Size(), 2u);
  expect_true(call("PUT", "/v1/tables/" + at(list, "0._id").substr(1, 17), at(list, "0")));
}

TEST_F(SetupTablesTest, RenamingTheAreaShowsInTheTable) {
  const std::string area = create("/v1/areas", R"({"name":"Terrace"})");
  const std::string id = create("/v1/tables", table_body("T1", R"("areaId":")" + area + "\""));
  expect_true(call("PUT", "/v1/areas/" + area, R"({"name":"Roof"})"));
  EXPECT_EQ(at(read("/v1/tables/" + id), "area.name"), q("Roof"));
}

TEST_F(SetupTablesTest, InvalidCreateBodiesAreRefused) {
  struct Case {
    std::string body;
    unsigned status;
    std::string code;
    std::string field;
  };
  const std::vector<Case> cases = {
      {R"({"name":"T1","seatsMin":5,"seatsMax":4})", 422, "invalid_field", "seatsMin"},
      {R"({"name":"T1","seatsMin":0,"seatsMax":4})", 422, "invalid_field", "seatsMin"},
      {R"({"name":"T1","seatsMin":-1,"seatsMax":4})", 422, "invalid_field", "seatsMin"},
      {R"({"name":"T1"})", 422, "missing_field", "seatsMax"},
      {R"({"name":"T1","seatsMax":null})", 422, "missing_field", "seatsMax"},
      {R"({"name":"T1","seatsMin":2})", 422, "missing_field", "seatsMax"},
      {R"({"seatsMax":4})", 422, "invalid_field", "name"},
      {R"({"name":"  ","seatsMax":4})", 422, "invalid_field", "name"},
      {R"({"name":4,"seatsMax":4})", 422, "invalid_field", "name"},
      {R"({"name":"T1","seatsMax":4,"colour":"red"})", 422, "unknown_field", "colour"},
      {R"({"name":"T1","seatsMax":"4"})", 422, "invalid_field", "seatsMax"},
      {R"({"name":"T1","seatsMax":4.5})", 422, "invalid_field", "seatsMax"},
      {R"({"name":"T1","seatsMax":0})", 422, "invalid_field", "seatsMax"},
      {R"({"name":"T1","seatsMax":true})", 422, "invalid_field", "seatsMax"},
      {R"({"name":"T1","seatsMax":4,"seatsMin":"1"})", 422, "invalid_field", "seatsMin"},
      {R"({"name":"T1","seatsMax":4,"bookableOnline":"yes"})", 422, "invalid_field", "bookableOnline"},
      {R"({"name":"T1","seatsMax":4,"priority":1.5})", 422, "invalid_field", "priority"},
      {R"({"name":"T1","seatsMax":4,"areaId":5})", 422, "invalid_field", "areaId"},
      {R"({"name":"T1","seatsMax":4,"areaId":"DDDDDDDDDDDDDDDDD"})", 404, "unknown_reference", "areaId"},
      {R"({"name":"T1","seatsMax":4,"area":"Terrace"})", 422, "invalid_field", "area"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.body);
    expect_error(call("POST", "/v1/tables", c.body), c.status, c.code, c.field);
  }
  EXPECT_EQ(ids_of(read("/v1/tables")).size(), 0u) << "nothing was created";
}

TEST_F(SetupTablesTest, WholeNumbersWrittenAsDecimalsAreAccepted) {
  auto table = read("/v1/tables/" + create("/v1/tables", R"({"name":"T1","seatsMax":4.0})"));
  EXPECT_EQ(at(table, "seatsMax"), "4");
}

TEST_F(SetupTablesTest, LimitsOfNamesAndSeats) {
  std::string accented;
  for (int i = 0; i < 200; ++i) accented += "\xc3\xa9";  // é: 200 characters, 400 bytes
  const std::string id = create("/v1/tables", R"({"name":")" + accented + R"(","seatsMax":1000})");
  auto table = read("/v1/tables/" + id);
  EXPECT_EQ(at(table, "name"), q(accented));
  EXPECT_EQ(at(table, "seatsMax"), "1000");
  expect_error(call("POST", "/v1/tables", R"({"name":")" + accented + "x" + R"(","seatsMax":4})"), 422, "invalid_field",
               "name");
  expect_error(call("POST", "/v1/tables", R"({"name":")" + std::string(201, 'x') + R"(","seatsMax":4})"), 422,
               "invalid_field", "name");
  expect_error(call("POST", "/v1/tables", R"({"name":"Big","seatsMax":1001})"), 422, "invalid_field", "seatsMax");
  expect_error(call("POST", "/v1/tables", R"({"name":"Big","seatsMin":1001,"seatsMax":1000})"), 422, "invalid_field",
               "seatsMin");
  EXPECT_EQ(ids_of(read("/v1/tables")), std::vector<std::string>{id});
}

TEST_F(SetupTablesTest, InvalidUpdatesChangeNothing) {
  const std::string id = create("/v1/tables", table_body("T1", R"("seatsMin":2)"));
  struct Case {
    std::string body;
    unsigned status;
    std::string code;
    std::string field;
  };
  const std::vector<Case> cases = {
      {R"({"seatsMin":5})", 422, "invalid_field", "seatsMin"},  // above the stored seatsMax 4
      {R"({"seatsMax":1})", 422, "invalid_field", "seatsMin"},  // below the stored seatsMin 2
      {R"({"seatsMin":0})", 422, "invalid_field", "seatsMin"},
      {R"({"seatsMax":"6"})", 422, "invalid_field", "seatsMax"},
      {R"({"name":""})", 422, "invalid_field", "name"},
      {R"({"seatsMax":6,"colour":"red"})", 422, "unknown_field", "colour"},
      {R"({"seatsMax":6,"areaId":"DDDDDDDDDDDDDDDDD"})", 404, "unknown_reference", "areaId"},
      {R"({"_id":"EEEEEEEEEEEEEEEEE","seatsMax":6})", 422, "invalid_field", "_id"},
      {R"({"restaurantId":"EEEEEEEEEEEEEEEEE","seatsMax":6})", 422, "invalid_field", "restaurantId"},
  };
  const std::string before = call("GET", "/v1/tables/" + id).body;
  for (const auto& c : cases) {
    SCOPED_TRACE(c.body);
    expect_error(call("PUT", "/v1/tables/" + id, c.body), c.status, c.code, c.field);
    EXPECT_EQ(call("GET", "/v1/tables/" + id).body, before);
  }
}

TEST_F(SetupTablesTest, UnknownIdsAre404) {
  const std::string missing = "AAAAAAAAAAAAAAAAA";
  expect_error(call("GET", "/v1/tables/" + missing), 404, "not_found", "_id");
  expect_error(call("PUT", "/v1/tables/" + missing, R"({"seatsMax":4})"), 404, "not_found", "_id");
  expect_error(call("DELETE", "/v1/tables/" + missing), 404, "not_found", "_id");
  // An area id is not a table id.
  const std::string area = create("/v1/areas", R"({"name":"Terrace"})");
  expect_error(call("GET", "/v1/tables/" + area), 404, "not_found");
}

TEST_F(SetupTablesTest, NamesAreUniqueIgnoringCase) {
  const std::string first = create("/v1/tables", table_body("Window 1"));
  for (const char* name : {"Window 1", "WINDOW 1", "window 1"}) {
    SCOPED_TRACE(name);
    Reply r = call("POST", "/v1/tables", table_body(name));
    expect_error(r, 422, "duplicate_name", "name");
    EXPECT_NE(string_at(r.body, "message").find(name), std::string::npos) << r.body;
  }
  const std::string second = create("/v1/tables", table_body("Window 2"));
  expect_error(call("PUT", "/v1/tables/" + second, R"({"name":"window 1"})"), 422, "duplicate_name", "name");
  EXPECT_EQ(at(read("/v1/tables/" + second), "name"), q("Window 2"));
  // Renaming a table to a new spelling of its own name is fine.
  expect_true(call("PUT", "/v1/tables/" + first, R"({"name":"WINDOW 1"})"));
  // A deleted table's name can be used again.
  expect_true(call("DELETE", "/v1/tables/" + first));
  create("/v1/tables", table_body("Window 1"));
  EXPECT_EQ(ids_of(read("/v1/tables")).size(), 2u);
}

TEST_F(SetupTablesTest, TableInACombinationCannotBeDeleted) {
  const std::string t1 = create("/v1/tables", table_body("T1"));
  const std::string t2 = create("/v1/tables", table_body("T2"));
  const std::string combination = create(
      "/v1/tableCombinations", R"({"name":"Long table","tableIds":[")" + t1 + R"(",")" + t2 + R"("],"seatsMax":8})");
  Reply r = call("DELETE", "/v1/tables/" + t2);
  expect_error(r, 400, "in_use", "_id");
  const std::string message = string_at(r.body, "message");
  EXPECT_NE(message.find("T2"), std::string::npos) << message;
  EXPECT_NE(message.find("Long table"), std::string::npos) << message;
  EXPECT_EQ(at(read("/v1/tables/" + t2), "name"), q("T2"));

  expect_true(call("DELETE", "/v1/tableCombinations/" + combination));
  expect_true(call("DELETE", "/v1/tables/" + t2));
}

TEST_F(SetupTablesTest, BodyWithoutJsonContentTypeIs415) {
  const std::string id = create("/v1/tables", table_body("T1"));
  const Headers no_type{{"Authorization", basic_auth(key())}};
  const Headers text{{"Authorization", basic_auth(key())}, {"Content-Type", "text/plain"}};
  const Headers form{{"Authorization", basic_auth(key())}, {"Content-Type", "application/x-www-form-urlencoded"}};
  for (const auto& headers : {no_type, text, form}) {
    auto c = client();
    expect_error(c.request("POST", "/v1/tables", headers, table_body("T2")), 415, "unsupported_media_type");
    expect_error(c.request("PUT", "/v1/tables/" + id, headers, R"({"seatsMax":6})"), 415, "unsupported_media_type");
    expect_error(c.request("POST", "/v1/areas", headers, R"({"name":"A"})"), 415, "unsupported_media_type");
  }
  EXPECT_EQ(ids_of(read("/v1/tables")), std::vector<std::string>{id});
  EXPECT_EQ(at(read("/v1/tables/" + id), "seatsMax"), "4");
  EXPECT_EQ(ids_of(read("/v1/areas")).size(), 0u);
  // With parameters and in any case, it is JSON.
  auto c = client();
  Reply ok = c.request("PUT", "/v1/tables/" + id,
                       {{"Authorization", basic_auth(key())}, {"Content-Type", "Application/JSON; charset=utf-8"}},
                       R"({"seatsMax":6})");
  expect_true(ok);
}

TEST_F(SetupTablesTest, MalformedJsonIs422) {
  const std::string id = create("/v1/tables", table_body("T1"));
  for (const std::string body : {R"({"name":"T2","seatsMax":4)", R"({name:"T2"})", "not json", R"({"a":1}x)"}) {
    SCOPED_TRACE(body);
    expect_error(call("POST", "/v1/tables", body), 422, "malformed_json");
    expect_error(call("PUT", "/v1/tables/" + id, body), 422, "malformed_json");
  }
  EXPECT_EQ(ids_of(read("/v1/tables")).size(), 1u);
}

// ---------------------------------------------------------------- combinations

class SetupCombinationsTest : public SetupApiBase {
 protected:
  void SetUp() override {
    SetupApiBase::SetUp();
    t1_ = create("/v1/tables", R"({"name":"T1","seatsMax":4})");
    t2_ = create("/v1/tables", R"({"name":"T2","seatsMax":4})");
    t3_ = create("/v1/tables", R"({"name":"T3","seatsMax":2})");
  }
  std::string ids(std::initializer_list<std::string> list) {
    std::string out = "[";
    for (const auto& id : list) out += (out.size() > 1 ? "," : "") + q(id);
    return out + "]";
  }
  std::string t1_, t2_, t3_;
};

TEST_F(SetupCombinationsTest, CreateGetListUpdateDelete) {
  const std::string id =
      create("/v1/tableCombinations", R"({"tableIds":)" + ids({t1_, t2_}) + R"(,"seatsMin":4,"seatsMax":8})");
  auto combination = read("/v1/tableCombinations/" + id);
  EXPECT_EQ(at(combination, "_id"), q(id));
  EXPECT_EQ(at(combination, "name"), q("T1 + T2")) << "the default name joins the tables' names";
  EXPECT_EQ(at(combination, "tableIds"), ids({t1_, t2_}));
  EXPECT_EQ(at(combination, "seatsMin"), "4");
  EXPECT_EQ(at(combination, "seatsMax"), "8");
  EXPECT_EQ(at(combination, "bookableOnline"), "true");

  EXPECT_EQ(ids_of(read("/v1/tableCombinations")), std::vector<std::string>{id});

  expect_true(call("PUT", "/v1/tableCombinations/" + id, R"({"seatsMax":10,"bookableOnline":false})"));
  combination = read("/v1/tableCombinations/" + id);
  EXPECT_EQ(at(combination, "seatsMax"), "10");
  EXPECT_EQ(at(combination, "seatsMin"), "4");
  EXPECT_EQ(at(combination, "bookableOnline"), "false");
  EXPECT_EQ(at(combination, "name"), q("T1 + T2"));
  EXPECT_EQ(at(combination, "tableIds"), ids({t1_, t2_}));

  expect_true(
      call("PUT", "/v1/tableCombinations/" + id, R"({"name":"Family","tableIds":)" + ids({t1_, t2_, t3_}) + "}"));
  combination = read("/v1/tableCombinations/" + id);
  EXPECT_EQ(at(combination, "name"), q("Family"));
  EXPECT_EQ(at(combination, "tableIds"), ids({t1_, t2_, t3_}));

  // Round trip: what was read goes back unchanged.
  const std::string before = call("GET", "/v1/tableCombinations/" + id).body;
  expect_true(call("PUT", "/v1/tableCombinations/" + id, before));
  EXPECT_EQ(call("GET", "/v1/tableCombinations/" + id).body, before);

  expect_true(call("DELETE", "/v1/tableCombinations/" + id));
  expect_error(call("GET", "/v1/tableCombinations/" + id), 404, "not_found", "_id");
  EXPECT_EQ(ids_of(read("/v1/tableCombinations")).size(), 0u);
  // Its tables are free to go.
  expect_true(call("DELETE", "/v1/tables/" + t1_));
}

TEST_F(SetupCombinationsTest, InvalidCreateBodiesAreRefused) {
  struct Case {
    std::string body;
    unsigned status;
    std::string code;
    std::string field;
  };
  const std::vector<Case> cases = {
      {R"({"tableIds":)" + ids({t1_}) + R"(,"seatsMax":4})", 422, "invalid_field", "tableIds"},
      {R"({"tableIds":[],"seatsMax":4})", 422, "invalid_field", "tableIds"},
      {R"({"seatsMax":4})", 422, "invalid_field", "tableIds"},
      {R"({"tableIds":)" + ids({t1_, t1_}) + R"(,"seatsMax":8})", 422, "invalid_field", "tableIds[1]"},
      {R"({"tableIds":)" + ids({t1_, t2_, t1_}) + R"(,"seatsMax":8})", 422, "invalid_field", "tableIds[2]"},
      {R"({"tableIds":)" + ids({t1_, "FFFFFFFFFFFFFFFFF"}) + R"(,"seatsMax":8})", 404, "unknown_reference",
       "tableIds[1]"},
      {R"({"tableIds":)" + ids({t1_, t2_}) + "}", 422, "missing_field", "seatsMax"},
      {R"({"tableIds":)" + ids({t1_, t2_}) + R"(,"seatsMin":9,"seatsMax":8})", 422, "invalid_field", "seatsMin"},
      {R"({"tableIds":)" + ids({t1_, t2_}) + R"(,"seatsMin":0,"seatsMax":8})", 422, "invalid_field", "seatsMin"},
      {R"({"tableIds":)" + ids({t1_, t2_}) + R"(,"seatsMax":"8"})", 422, "invalid_field", "seatsMax"},
      {R"({"tableIds":")" + t1_ + R"(","seatsMax":8})", 422, "invalid_field", "tableIds"},
      {R"({"tableIds":[")" + t1_ + R"(",7],"seatsMax":8})", 422, "invalid_field", "tableIds[1]"},
      {R"({"tableIds":)" + ids({t1_, t2_}) + R"(,"seatsMax":8,"extra":true})", 422, "unknown_field", "extra"},
      {R"({"tableIds":)" + ids({t1_, t2_}) + R"(,"seatsMax":8,"name":3})", 422, "invalid_field", "name"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.body);
    expect_error(call("POST", "/v1/tableCombinations", c.body), c.status, c.code, c.field);
  }
  EXPECT_EQ(ids_of(read("/v1/tableCombinations")).size(), 0u);
}

TEST_F(SetupCombinationsTest, InvalidUpdatesChangeNothing) {
  const std::string id = create("/v1/tableCombinations", R"({"tableIds":)" + ids({t1_, t2_}) + R"(,"seatsMax":8})");
  const std::string before = call("GET", "/v1/tableCombinations/" + id).body;
  expect_error(call("PUT", "/v1/tableCombinations/" + id, R"({"tableIds":)" + ids({t3_}) + "}"), 422, "invalid_field",
               "tableIds");
  expect_error(call("PUT", "/v1/tableCombinations/" + id, R"({"tableIds":)" + ids({t3_, t3_}) + "}"), 422,
               "invalid_field", "tableIds[1]");
  expect_error(call("PUT", "/v1/tableCombinations/" + id, R"({"seatsMax":0})"), 422, "invalid_field", "seatsMax");
  expect_error(call("PUT", "/v1/tableCombinations/" + id, R"({"_id":")" + t1_ + R"("})"), 422, "invalid_field", "_id");
  EXPECT_EQ(call("GET", "/v1/tableCombinations/" + id).body, before);
  expect_error(call("PUT", "/v1/tableCombinations/AAAAAAAAAAAAAAAAA", R"({"seatsMax":8})"), 404, "not_found");
  expect_error(call("DELETE", "/v1/tableCombinations/AAAAAAAAAAAAAAAAA"), 404, "not_found");
  // A table id is not a combination id.
  expect_error(call("GET", "/v1/tableCombinations/" + t1_), 404, "not_found");
}

TEST_F(SetupCombinationsTest, BodyWithoutJsonContentTypeIs415) {
  auto c = client();
  Reply r = c.request("POST", "/v1/tableCombinations", {{"Authorization", basic_auth(key())}},
                      R"({"tableIds":)" + ids({t1_, t2_}) + R"(,"seatsMax":8})");
  expect_error(r, 415, "unsupported_media_type");
  EXPECT_EQ(ids_of(read("/v1/tableCombinations")).size(), 0u);
}

}  // namespace
}  // namespace maitred::test
