// Custom field definitions over /v1, against the real server.

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <stdexcept>

#include "api/setup_fixture.hpp"

namespace maitred::test {
namespace {

class SetupCustomFieldsTest : public SetupApiBase {
 protected:
  // The `name`s of a JSON array of documents, in order.
  static std::vector<std::string> names_of(const rapidjson::Value& list) {
    std::vector<std::string> names;
    if (!list.IsArray()) return names;
    for (const auto& item : list.GetArray()) {
      if (item.IsObject() && item.HasMember("name") && item["name"].IsString()) {
        names.emplace_back(item["name"].GetString());
      }
    }
    return names;
  }
};

TEST_F(SetupCustomFieldsTest, CreateGetListUpdateDelete) {
  const std::string id = create(
      "/v1/customFields",
      R"({"name":"allergies","label":"Allergies","helptext":"Tell us about allergies","type":"string","isRequired":true,"sortIndex":2,"activeFlows":["booking","online"]})");
  auto field = read("/v1/customFields/" + id);
  EXPECT_EQ(at(field, "_id"), q(id));
  EXPECT_EQ(at(field, "name"), q("allergies"));
  EXPECT_EQ(at(field, "label"), q("Allergies"));
  EXPECT_EQ(at(field, "helptext"), q("Tell us about allergies"));
  EXPECT_EQ(at(field, "type"), q("string"));
  EXPECT_EQ(at(field, "isRequired"), "true");
  EXPECT_EQ(at(field, "sortIndex"), "2");
  EXPECT_EQ(at(field, "multipleChoiceSelections"), "[]");
  EXPECT_EQ(at(field, "activeFlows"), R"(["booking","online"])");

  EXPECT_EQ(ids_of(read("/v1/customFields")), std::vector<std::string>{id});

  expect_true(call("PUT", "/v1/customFields/" + id, R"({"label":"Food allergies"})"));
  field = read("/v1/customFields/" + id);
  EXPECT_EQ(at(field, "label"), q("Food allergies"));
  EXPECT_EQ(at(field, "name"), q("allergies")) << "a partial update keeps what was not sent";
  EXPECT_EQ(at(field, "helptext"), q("Tell us about allergies"));
  EXPECT_EQ(at(field, "isRequired"), "true");
  EXPECT_EQ(at(field, "sortIndex"), "2");
  EXPECT_EQ(at(field, "activeFlows"), R"(["booking","online"])");

  expect_true(call("DELETE", "/v1/customFields/" + id));
  expect_error(call("GET", "/v1/customFields/" + id), 404, "not_found", "_id");
  EXPECT_EQ(ids_of(read("/v1/customFields")).size(), 0u);
}

TEST_F(SetupCustomFieldsTest, DefaultsOfANewField) {
  auto field = read("/v1/customFields/" + create("/v1/customFields", R"({"name":"note"})"));
  EXPECT_EQ(at(field, "label"), q(""));
  EXPECT_EQ(at(field, "helptext"), q(""));
  EXPECT_EQ(at(field, "type"), q("string"));
  EXPECT_EQ(at(field, "isRequired"), "false");
  EXPECT_EQ(at(field, "sortIndex"), "0");
  EXPECT_EQ(at(field, "multipleChoiceSelections"), "[]");
  EXPECT_EQ(at(field, "activeFlows"), R"(["booking"])");
  EXPECT_EQ(at(field, "defaultOnAllOpeningHours"), "true");
  EXPECT_EQ(at(field, "openingHourIds"), "[]");
}

TEST_F(SetupCustomFieldsTest, ClientsCannotChooseTheId) {
  const std::string id = create("/v1/customFields", R"({"_id":"ZZZZZZZZZZZZZZZZZ","name":"note"})");
  EXPECT_NE(id, "ZZZZZZZZZZZZZZZZZ");
  expect_error(call("GET", "/v1/customFields/ZZZZZZZZZZZZZZZZZ"), 404, "not_found");
}

TEST_F(SetupCustomFieldsTest, ChoicesGetIdsFromTheServerThatSurviveUpdates) {
  const std::string id = create(
      "/v1/customFields",
      R"({"name":"occasion","type":"radio","multipleChoiceSelections":[{"name":"Birthday"},{"name":"Anniversary"}]})");
  auto field = read("/v1/customFields/" + id);
  const std::string birthday = at(field, "multipleChoiceSelections.0._id");
  const std::string anniversary = at(field, "multipleChoiceSelections.1._id");
  EXPECT_EQ(birthday.size(), 19u) << birthday;  // a 17-character id in quotes
  EXPECT_EQ(anniversary.size(), 19u) << anniversary;
  EXPECT_NE(birthday, anniversary);
  EXPECT_EQ(at(field, "multipleChoiceSelections.0.name"), q("Birthday"));
  EXPECT_EQ(at(field, "multipleChoiceSelections.1.name"), q("Anniversary"));

  // Sent back as read: the ids stay.
  const std::string before = call("GET", "/v1/customFields/" + id).body;
  expect_true(call("PUT", "/v1/customFields/" + id, before));
  EXPECT_EQ(call("GET", "/v1/customFields/" + id).body, before);

  // A new list: kept ids stay, new choices get new ids, missing ones go.
  expect_true(
      call("PUT", "/v1/customFields/" + id,
           R"({"multipleChoiceSelections":[{"_id":)" + birthday + R"(,"name":"Birthday!"},{"name":"Business"}]})"));
  field = read("/v1/customFields/" + id);
  EXPECT_EQ(at(field, "multipleChoiceSelections.0._id"), birthday);
  EXPECT_EQ(at(field, "multipleChoiceSelections.0.name"), q("Birthday!"));
  EXPECT_EQ(at(field, "multipleChoiceSelections.1.name"), q("Business"));
  EXPECT_EQ(at(field, "multipleChoiceSelections.1._id").size(), 19u);
  EXPECT_NE(at(field, "multipleChoiceSelections.1._id"), anniversary);
  EXPECT_EQ(at(field, "multipleChoiceSelections.2"), "<absent>");
}

TEST_F(SetupCustomFieldsTest, ChoiceIdsAreUniqueWithinAField) {
  // Booking answers name a choice by its _id, so two choices may not share one:
  // either refuse the body or give the second choice an id of its own.
  const std::string body =
      R"({"name":"occasion","type":"radio","multipleChoiceSelections":[{"_id":"NNNNNNNNNNNNNNNNN","name":"Birthday"},{"_id":"NNNNNNNNNNNNNNNNN","name":"Business"}]})";
  // maitred refuses the body.
  expect_error(call("POST", "/v1/customFields", body), 422, "invalid_field", "multipleChoiceSelections[1]._id");
}

TEST_F(SetupCustomFieldsTest, EveryTypeIsAccepted) {
  const std::string choices = R"("multipleChoiceSelections":[{"name":"A"},{"name":"B"}])";
  for (const std::string type : {"radio", "dropdown", "checkbox"}) {
    SCOPED_TRACE(type);
    auto field = read("/v1/customFields/" + create("/v1/customFields", R"({"name":")" + type + R"(","type":")" + type +
                                                                           R"(",)" + choices + "}"));
    EXPECT_EQ(at(field, "type"), q(type));
    EXPECT_EQ(at(field, "multipleChoiceSelections.1.name"), q("B"));
  }
  for (const std::string type : {"string", "number"}) {
    SCOPED_TRACE(type);
    auto field = read("/v1/customFields/" +
                      create("/v1/customFields", R"({"name":")" + type + R"(","type":")" + type + R"("})"));
    EXPECT_EQ(at(field, "type"), q(type));
  }
  EXPECT_EQ(ids_of(read("/v1/customFields")).size(), 5u);
}

TEST_F(SetupCustomFieldsTest, ListIsSortedBySortIndex) {
  create("/v1/customFields", R"({"name":"c","sortIndex":5})");
  create("/v1/customFields", R"({"name":"a","sortIndex":-1})");
  const std::string b = create("/v1/customFields", R"({"name":"b","sortIndex":3})");
  create("/v1/customFields", R"({"name":"b2","sortIndex":3})");  // ties keep their order
  using Names = std::vector<std::string>;
  EXPECT_EQ(names_of(read("/v1/customFields")), (Names{"a", "b", "b2", "c"}));
  expect_true(call("PUT", "/v1/customFields/" + b, R"({"sortIndex":10})"));
  EXPECT_EQ(names_of(read("/v1/customFields")), (Names{"a", "b2", "c", "b"}));
}

TEST_F(SetupCustomFieldsTest, OpeningHourReferencesMustExist) {
  const std::string dinner = create("/v1/openingHours", R"({"name":"Dinner","day":5,"open":1730,"close":2300})");
  const std::string id = create(
      "/v1/customFields", R"({"name":"menu","defaultOnAllOpeningHours":false,"openingHourIds":[")" + dinner + R"("]})");
  auto field = read("/v1/customFields/" + id);
  EXPECT_EQ(at(field, "defaultOnAllOpeningHours"), "false");
  EXPECT_EQ(at(field, "openingHourIds"), "[" + q(dinner) + "]");

  expect_error(
      call("POST", "/v1/customFields", R"({"name":"x","openingHourIds":[")" + dinner + R"(","HHHHHHHHHHHHHHHHH"]})"),
      404, "unknown_reference", "openingHourIds[1]");
  expect_error(call("PUT", "/v1/customFields/" + id, R"({"openingHourIds":["HHHHHHHHHHHHHHHHH"]})"), 404,
               "unknown_reference", "openingHourIds[0]");
  EXPECT_EQ(at(read("/v1/customFields/" + id), "openingHourIds"), "[" + q(dinner) + "]");
  // An area id is not an opening hour id.
  const std::string area = create("/v1/areas", R"({"name":"Terrace"})");
  expect_error(call("PUT", "/v1/customFields/" + id, R"({"openingHourIds":[")" + area + R"("]})"), 404,
               "unknown_reference", "openingHourIds[0]");
}

TEST_F(SetupCustomFieldsTest, InvalidCreateBodiesAreRefused) {
  struct Case {
    std::string body;
    std::string code;
    std::string field;
  };
  const std::string two = R"("multipleChoiceSelections":[{"name":"A"},{"name":"B"}])";
  const std::vector<Case> cases = {
      {R"({"name":"x","type":"radio"})", "invalid_field", "multipleChoiceSelections"},
      {R"({"name":"x","type":"radio","multipleChoiceSelections":[]})", "invalid_field", "multipleChoiceSelections"},
      {R"({"name":"x","type":"dropdown"})", "invalid_field", "multipleChoiceSelections"},
      {R"({"name":"x","type":"checkbox"})", "invalid_field", "multipleChoiceSelections"},
      {R"({"name":"x","type":"string",)" + two + "}", "invalid_field", "multipleChoiceSelections"},
      {R"({"name":"x",)" + two + "}", "invalid_field", "multipleChoiceSelections"},  // string by default
      {R"({"name":"x","type":"number",)" + two + "}", "invalid_field", "multipleChoiceSelections"},
      {R"({"name":"x","type":"date"})", "invalid_field", "type"},
      {R"({"name":"x","type":"Radio",)" + two + "}", "invalid_field", "type"},
      {R"({"name":"x","type":""})", "invalid_field", "type"},
      {R"({"name":"x","type":5})", "invalid_field", "type"},
      {R"({"name":"x","type":"radio","multipleChoiceSelections":[{"name":"Yes"},{"name":"yes"}]})", "invalid_field",
       "multipleChoiceSelections[1].name"},
      {R"({"name":"x","type":"radio","multipleChoiceSelections":[{"name":"A"},{"name":"B"},{"name":"A"}]})",
       "invalid_field", "multipleChoiceSelections[2].name"},
      {R"({"name":"x","type":"radio","multipleChoiceSelections":[{"name":"  "}]})", "invalid_field",
       "multipleChoiceSelections[0].name"},
      {R"({"name":"x","type":"radio","multipleChoiceSelections":[{"_id":"IIIIIIIIIIIIIIIII"}]})", "missing_field",
       "multipleChoiceSelections[0].name"},
      {R"({"name":"x","type":"radio","multipleChoiceSelections":[{"name":1}]})", "invalid_field",
       "multipleChoiceSelections[0].name"},
      {R"({"name":"x","type":"radio","multipleChoiceSelections":[{"name":"A","price":3}]})", "unknown_field",
       "multipleChoiceSelections[0].price"},
      {R"({"name":"x","type":"radio","multipleChoiceSelections":["A"]})", "invalid_field",
       "multipleChoiceSelections[0]"},
      {R"({"name":"x","type":"radio","multipleChoiceSelections":{"name":"A"}})", "invalid_field",
       "multipleChoiceSelections"},
      {R"({"name":"x","activeFlows":["kitchen"]})", "invalid_field", "activeFlows"},
      {R"({"name":"x","activeFlows":"booking"})", "invalid_field", "activeFlows"},
      {R"({})", "invalid_field", "name"},
      {R"({"name":" "})", "invalid_field", "name"},
      {R"({"name":"x","isRequired":"yes"})", "invalid_field", "isRequired"},
      {R"({"name":"x","sortIndex":1.5})", "invalid_field", "sortIndex"},
      {R"({"name":"x","sortIndex":"1"})", "invalid_field", "sortIndex"},
      {R"({"name":"x","defaultOnAllOpeningHours":"true"})", "invalid_field", "defaultOnAllOpeningHours"},
      {R"({"name":"x","openingHourIds":"all"})", "invalid_field", "openingHourIds"},
      {R"({"name":"x","label":false})", "invalid_field", "label"},
      {R"({"name":"x","placeholder":"..."})", "unknown_field", "placeholder"},
      {R"({"name":"x","restaurantId":"JJJJJJJJJJJJJJJJJ"})", "invalid_field", "restaurantId"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.body);
    expect_error(call("POST", "/v1/customFields", c.body), 422, c.code, c.field);
  }
  EXPECT_EQ(ids_of(read("/v1/customFields")).size(), 0u) << "nothing was created";
}

TEST_F(SetupCustomFieldsTest, InvalidUpdatesChangeNothing) {
  const std::string id = create(
      "/v1/customFields", R"({"name":"occasion","type":"radio","multipleChoiceSelections":[{"name":"Birthday"}]})");
  struct Case {
    std::string body;
    std::string code;
    std::string field;
  };
  const std::vector<Case> cases = {
      {R"({"type":"string"})", "invalid_field", "multipleChoiceSelections"},  // still has its choices
      {R"({"multipleChoiceSelections":[]})", "invalid_field", "multipleChoiceSelections"},
      {R"({"type":"colour"})", "invalid_field", "type"},
      {R"({"name":""})", "invalid_field", "name"},
      {R"({"multipleChoiceSelections":[{"name":"A"},{"name":"a"}]})", "invalid_field",
       "multipleChoiceSelections[1].name"},
      {R"({"_id":"KKKKKKKKKKKKKKKKK","label":"x"})", "invalid_field", "_id"},
      {R"({"label":"x","colour":"red"})", "unknown_field", "colour"},
  };
  const std::string before = call("GET", "/v1/customFields/" + id).body;
  for (const auto& c : cases) {
    SCOPED_TRACE(c.body);
    expect_error(call("PUT", "/v1/customFields/" + id, c.body), 422, c.code, c.field);
    EXPECT_EQ(call("GET", "/v1/customFields/" + id).body, before);
  }
  // Changing the type and dropping the choices together is fine.
  expect_true(call("PUT", "/v1/customFields/" + id, R"({"type":"string","multipleChoiceSelections":[]})"));
  auto field = read("/v1/customFields/" + id);
  EXPECT_EQ(at(field, "type"), q("string"));
  EXPECT_EQ(at(field, "multipleChoiceSelections"), "[]");
}

TEST_F(SetupCustomFieldsTest, UnknownIdsAre404) {
  const std::string missing = "AAAAAAAAAAAAAAAAA";
  expect_error(call("GET", "/v1/customFields/" + missing), 404, "not_found", "_id");
  expect_error(call("PUT", "/v1/customFields/" + missing, R"({"label":"x"})"), 404, "not_found", "_id");
  expect_error(call("DELETE", "/v1/customFields/" + missing), 404, "not_found", "_id");
  EXPECT_EQ(ids_of(read("/v1/customFields")).size(), 0u);
}

TEST_F(SetupCustomFieldsTest, BodiesMustBeDeclaredAndWellFormedJson) {
  const std::string id = create("/v1/customFields", R"({"name":"note"})");
  auto c = client();
  const Headers no_type{{"Authorization", basic_auth(key())}};
  expect_error(c.request("POST", "/v1/customFields", no_type, R"({"name":"x"})"), 415, "unsupported_media_type");
  expect_error(c.request("PUT", "/v1/customFields/" + id, no_type, R"({"label":"x"})"), 415, "unsupported_media_type");
  expect_error(call("POST", "/v1/customFields", R"({"name":"x",})"), 422, "malformed_json");
  expect_error(call("PUT", "/v1/customFields/" + id, R"({"label":"x)"), 422, "malformed_json");
  EXPECT_EQ(ids_of(read("/v1/customFields")), std::vector<std::string>{id});
  EXPECT_EQ(at(read("/v1/customFields/" + id), "label"), q(""));
}

}  // namespace
}  // namespace maitred::test
