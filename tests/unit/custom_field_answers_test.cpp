#include "json/custom_field_answers.hpp"

#include <gtest/gtest.h>

#include <functional>
#include <string>
#include <vector>

#include "domain/custom_field_rules.hpp"
#include "domain/errors.hpp"
#include "json/json_reader.hpp"

namespace maitred::json {
namespace {

using domain::Choice;
using domain::CustomField;

// A checked answer with its value as the stored document writes it.
struct CustomFieldAnswer {
  std::string id;
  std::string name;
  std::string value_json;
  std::string multiple_choice_value_name;
};

CustomField field(std::string id, std::string name, std::string type, std::vector<Choice> choices = {}) {
  CustomField f;
  f.id = std::move(id);
  f.name = std::move(name);
  f.type = std::move(type);
  f.choices = std::move(choices);
  return f;
}

std::vector<CustomField> definitions() {
  return {
      field("cf-text", "Allergies", "string"),
      field("cf-num", "Children", "number"),
      field("cf-radio", "Seating", "radio", {{"opt-in", "Inside"}, {"opt-out", "Outside"}}),
      field("cf-drop", "Occasion", "dropdown", {{"occ-bday", "Birthday"}, {"occ-anniv", "Anniversary"}}),
      field("cf-check", "Extras", "checkbox", {{"x-cake", "Cake"}, {"x-flowers", "Flowers"}, {"x-wine", "Wine"}}),
  };
}

std::vector<CustomFieldAnswer> read(std::string_view json, const std::vector<CustomField>& defs = definitions(),
                                    const std::string& opening_hour_id = "oh-dinner") {
  auto doc = parse_body(json);
  std::vector<domain::CustomFieldAnswerDraft> drafts;
  if (!doc.IsNull()) drafts = read_custom_field_drafts(doc);
  std::vector<CustomFieldAnswer> out;
  for (auto& a : domain::check_custom_field_answers(drafts, defs, opening_hour_id)) {
    out.push_back({a.id, a.name, answer_value_json(a.value), a.multiple_choice_value_name});
  }
  return out;
}

// The single answer `json` yields.
CustomFieldAnswer one(std::string_view json) {
  auto answers = read(json);
  EXPECT_EQ(answers.size(), 1u) << json;
  return answers.empty() ? CustomFieldAnswer{} : answers.front();
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

Failure read_failure(std::string_view json, const std::vector<CustomField>& defs = definitions(),
                     const std::string& opening_hour_id = "oh-dinner") {
  return failure([&] { read(json, defs, opening_hour_id); });
}

void expect_failure(std::string_view json, const std::string& code, const std::string& field_name) {
  auto f = read_failure(json);
  EXPECT_EQ(f.code, code) << json;
  EXPECT_EQ(f.field, field_name) << json;
}

// --- no answers -------------------------------------------------------------

TEST(CustomFieldAnswers, NoAnswersIsEmpty) {
  auto defs = definitions();
  EXPECT_TRUE(domain::check_custom_field_answers({}, defs, "oh-dinner").empty());
  EXPECT_TRUE(read("null").empty());
  EXPECT_TRUE(read("[]").empty());
}

// --- string -----------------------------------------------------------------

TEST(CustomFieldAnswers, StringAnswerIsQuoted) {
  auto a = one(R"([{"_id":"cf-text","value":"No nuts"}])");
  EXPECT_EQ(a.id, "cf-text");
  EXPECT_EQ(a.name, "Allergies");
  EXPECT_EQ(a.value_json, R"("No nuts")");
  EXPECT_EQ(a.multiple_choice_value_name, "");
}

TEST(CustomFieldAnswers, StringAnswerIsEscaped) {
  auto a = one(R"([{"_id":"cf-text","value":"say \"hi\"\nthen\\leave"}])");
  EXPECT_EQ(a.value_json, R"("say \"hi\"\nthen\\leave")");
}

TEST(CustomFieldAnswers, StringAnswerUpTo2000Bytes) {
  std::string ok = R"([{"_id":"cf-text","value":")" + std::string(2000, 'a') + R"("}])";
  EXPECT_EQ(one(ok).value_json.size(), 2002u);
  std::string too_long = R"([{"_id":"cf-text","value":")" + std::string(2001, 'a') + R"("}])";
  expect_failure(too_long, "invalid_field", "customFields[0].value");
}

TEST(CustomFieldAnswers, StringFieldRefusesOtherTypes) {
  expect_failure(R"([{"_id":"cf-text","value":3}])", "invalid_field", "customFields[0].value");
  expect_failure(R"([{"_id":"cf-text","value":true}])", "invalid_field", "customFields[0].value");
  expect_failure(R"([{"_id":"cf-text","value":["a"]}])", "invalid_field", "customFields[0].value");
  expect_failure(R"([{"_id":"cf-text","value":{"a":1}}])", "invalid_field", "customFields[0].value");
}

// --- number -----------------------------------------------------------------

TEST(CustomFieldAnswers, IntegerAnswerStaysInteger) {
  EXPECT_EQ(one(R"([{"_id":"cf-num","value":3}])").value_json, "3");
  EXPECT_EQ(one(R"([{"_id":"cf-num","value":0}])").value_json, "0");  // 0 is an answer, not blank
  EXPECT_EQ(one(R"([{"_id":"cf-num","value":-12}])").value_json, "-12");
  EXPECT_EQ(one(R"([{"_id":"cf-num","value":9007199254740993}])").value_json, "9007199254740993");
}

TEST(CustomFieldAnswers, DoubleAnswerStaysDouble) {
  EXPECT_EQ(one(R"([{"_id":"cf-num","value":2.5}])").value_json, "2.5");
  EXPECT_EQ(one(R"([{"_id":"cf-num","value":0.1}])").value_json, "0.1");
  EXPECT_EQ(one(R"([{"_id":"cf-num","value":3.0}])").value_json, "3.0");
  EXPECT_EQ(one(R"([{"_id":"cf-num","value":-1.25}])").value_json, "-1.25");
  EXPECT_EQ(one(R"([{"_id":"cf-num","value":1e2}])").value_json, "100.0");
}

TEST(CustomFieldAnswers, NumberFieldRefusesOtherTypes) {
  expect_failure(R"([{"_id":"cf-num","value":"3"}])", "invalid_field", "customFields[0].value");
  expect_failure(R"([{"_id":"cf-num","value":""}])", "invalid_field", "customFields[0].value");
  expect_failure(R"([{"_id":"cf-num","value":false}])", "invalid_field", "customFields[0].value");
  expect_failure(R"([{"_id":"cf-num","value":[1]}])", "invalid_field", "customFields[0].value");
}

// --- radio and dropdown -----------------------------------------------------

TEST(CustomFieldAnswers, RadioById) {
  auto a = one(R"([{"_id":"cf-radio","value":"opt-out"}])");
  EXPECT_EQ(a.id, "cf-radio");
  EXPECT_EQ(a.name, "Seating");
  EXPECT_EQ(a.value_json, R"("opt-out")");
  EXPECT_EQ(a.multiple_choice_value_name, "Outside");
}

TEST(CustomFieldAnswers, RadioByNameStoresTheOptionId) {
  auto a = one(R"([{"_id":"cf-radio","value":"Inside"}])");
  EXPECT_EQ(a.value_json, R"("opt-in")");
  EXPECT_EQ(a.multiple_choice_value_name, "Inside");
}

TEST(CustomFieldAnswers, DropdownByIdAndByName) {
  auto by_id = one(R"([{"_id":"cf-drop","value":"occ-anniv"}])");
  EXPECT_EQ(by_id.name, "Occasion");
  EXPECT_EQ(by_id.value_json, R"("occ-anniv")");
  EXPECT_EQ(by_id.multiple_choice_value_name, "Anniversary");
  auto by_name = one(R"([{"_id":"cf-drop","value":"Birthday"}])");
  EXPECT_EQ(by_name.value_json, R"("occ-bday")");
  EXPECT_EQ(by_name.multiple_choice_value_name, "Birthday");
}

TEST(CustomFieldAnswers, AnOptionIdWinsOverAnotherOptionsName) {
  // Option "b" is named "c", option "c2" is named "b": "b" means the id.
  std::vector<CustomField> defs = {field("cf-r", "Pick", "radio", {{"c2", "b"}, {"b", "c"}})};
  auto answers = read(R"([{"_id":"cf-r","value":"b"}])", defs);
  ASSERT_EQ(answers.size(), 1u);
  EXPECT_EQ(answers[0].value_json, R"("b")");
  EXPECT_EQ(answers[0].multiple_choice_value_name, "c");
}

TEST(CustomFieldAnswers, ClientNameAndChoiceNameAreReplacedFromTheDefinition) {
  auto a = one(R"([{"_id":"cf-radio","name":"Whatever","value":"opt-in","multipleChoiceValueName":"Balcony"}])");
  EXPECT_EQ(a.name, "Seating");
  EXPECT_EQ(a.multiple_choice_value_name, "Inside");
}

TEST(CustomFieldAnswers, RadioAsAOneOptionListIsThatOption) {
  // Clients that answer every choice field the checkbox way.
  auto a = one(R"([{"_id":"cf-radio","value":[{"_id":"opt-out","name":"Outside"}]}])");
  EXPECT_EQ(a.value_json, R"("opt-out")");
  EXPECT_EQ(a.multiple_choice_value_name, "Outside");
  EXPECT_EQ(one(R"([{"_id":"cf-drop","value":["Birthday"]}])").value_json, R"("occ-bday")");
  EXPECT_TRUE(read(R"([{"_id":"cf-drop","value":[]}])").empty());
}

TEST(CustomFieldAnswers, AnAnswerMayEchoItsFieldDefinition) {
  auto a = one(R"([{"_id":"cf-radio","name":"Seating","label":"Where?","type":"radio","helptext":"",
                    "isRequired":false,"sortIndex":3,"activeFlows":["booking"],"defaultOnAllOpeningHours":true,
                    "openingHourIds":[],"multipleChoiceSelections":[{"_id":"opt-in","name":"Inside"}],
                    "value":"opt-in"}])");
  EXPECT_EQ(a.value_json, R"("opt-in")");
  EXPECT_EQ(a.multiple_choice_value_name, "Inside");
}

TEST(CustomFieldAnswers, RadioRefusesUnknownOptionsAndOtherTypes) {
  expect_failure(R"([{"_id":"cf-radio","value":"Balcony"}])", "invalid_field", "customFields[0].value");
  expect_failure(R"([{"_id":"cf-radio","value":"inside"}])", "invalid_field", "customFields[0].value");
  expect_failure(R"([{"_id":"cf-radio","value":1}])", "invalid_field", "customFields[0].value");
  expect_failure(R"([{"_id":"cf-radio","value":["opt-in","opt-out"]}])", "invalid_field", "customFields[0].value");
  expect_failure(R"([{"_id":"cf-radio","value":[{"name":"Inside"}]}])", "invalid_field", "customFields[0].value[0]");
  expect_failure(R"([{"_id":"cf-radio","value":[["opt-in"]]}])", "invalid_field", "customFields[0].value[0]");
  expect_failure(R"([{"_id":"cf-radio","value":[{"_id":"Balcony"}]}])", "invalid_field", "customFields[0].value");
  expect_failure(R"([{"_id":"cf-drop","value":"Wedding"}])", "invalid_field", "customFields[0].value");
  expect_failure(R"([{"_id":"cf-drop","value":{"_id":"occ-bday"}}])", "invalid_field", "customFields[0].value");
}

// --- checkbox ---------------------------------------------------------------

TEST(CustomFieldAnswers, CheckboxWithIds) {
  auto a = one(R"([{"_id":"cf-check","value":["x-wine","x-cake"]}])");
  EXPECT_EQ(a.id, "cf-check");
  EXPECT_EQ(a.name, "Extras");
  EXPECT_EQ(a.value_json,
            R"([{"_id":"x-wine","name":"Wine","value":true},{"_id":"x-cake","name":"Cake","value":true}])");
  EXPECT_EQ(a.multiple_choice_value_name, "");
}

TEST(CustomFieldAnswers, CheckboxWithNames) {
  auto a = one(R"([{"_id":"cf-check","value":["Flowers"]}])");
  EXPECT_EQ(a.value_json, R"([{"_id":"x-flowers","name":"Flowers","value":true}])");
}

TEST(CustomFieldAnswers, CheckboxWithObjects) {
  // The shape reads return, sent back as is.
  auto a = one(R"([{"_id":"cf-check","value":[{"_id":"x-cake","name":"Cake","value":true},{"_id":"x-flowers"}]}])");
  EXPECT_EQ(a.value_json,
            R"([{"_id":"x-cake","name":"Cake","value":true},{"_id":"x-flowers","name":"Flowers","value":true}])");
}

TEST(CustomFieldAnswers, CheckboxObjectsWithValueFalseAreSkipped) {
  auto a = one(R"([{"_id":"cf-check","value":[{"_id":"x-cake","value":false},{"_id":"x-wine","value":true}]}])");
  EXPECT_EQ(a.value_json, R"([{"_id":"x-wine","name":"Wine","value":true}])");
}

TEST(CustomFieldAnswers, CheckboxDuplicatesCollapse) {
  auto a = one(R"([{"_id":"cf-check","value":["x-cake","Cake",{"_id":"x-cake"},"x-wine","x-cake"]}])");
  EXPECT_EQ(a.value_json,
            R"([{"_id":"x-cake","name":"Cake","value":true},{"_id":"x-wine","name":"Wine","value":true}])");
}

TEST(CustomFieldAnswers, CheckboxMixedIdsNamesAndObjects) {
  auto a = one(R"([{"_id":"cf-check","value":["x-cake",{"_id":"Flowers","value":true},"Wine"]}])");
  EXPECT_EQ(a.value_json,
            R"([{"_id":"x-cake","name":"Cake","value":true},{"_id":"x-flowers","name":"Flowers","value":true},)"
            R"({"_id":"x-wine","name":"Wine","value":true}])");
}

TEST(CustomFieldAnswers, CheckboxRefusesBadItems) {
  expect_failure(R"([{"_id":"cf-check","value":["x-cake","x-nope"]}])", "invalid_field", "customFields[0].value[1]");
  expect_failure(R"([{"_id":"cf-check","value":[1]}])", "invalid_field", "customFields[0].value[0]");
  expect_failure(R"([{"_id":"cf-check","value":[{"name":"Cake"}]}])", "invalid_field", "customFields[0].value[0]");
  expect_failure(R"([{"_id":"cf-check","value":[{"_id":5}]}])", "invalid_field", "customFields[0].value[0]");
  expect_failure(R"([{"_id":"cf-check","value":[null]}])", "invalid_field", "customFields[0].value[0]");
  expect_failure(R"([{"_id":"cf-check","value":[{"_id":"x-nope","value":true}]}])", "invalid_field",
                 "customFields[0].value[0]");
}

TEST(CustomFieldAnswers, CheckboxRefusesNonArrays) {
  expect_failure(R"([{"_id":"cf-check","value":"x-cake"}])", "invalid_field", "customFields[0].value");
  expect_failure(R"([{"_id":"cf-check","value":{"_id":"x-cake"}}])", "invalid_field", "customFields[0].value");
  expect_failure(R"([{"_id":"cf-check","value":true}])", "invalid_field", "customFields[0].value");
}

// --- the list ---------------------------------------------------------------

TEST(CustomFieldAnswers, AnswersKeepTheirOrder) {
  auto answers = read(R"([{"_id":"cf-radio","value":"opt-in"},{"_id":"cf-text","value":"x"},)"
                      R"({"_id":"cf-num","value":1}])");
  ASSERT_EQ(answers.size(), 3u);
  EXPECT_EQ(answers[0].id, "cf-radio");
  EXPECT_EQ(answers[1].id, "cf-text");
  EXPECT_EQ(answers[2].id, "cf-num");
}

TEST(CustomFieldAnswers, BlankAnswersAreDropped) {
  auto answers = read(R"([
      {"_id":"cf-text","value":""},
      {"_id":"cf-num","value":null},
      {"_id":"cf-radio","value":""},
      {"_id":"cf-drop"},
      {"_id":"cf-check","value":[]}])");
  EXPECT_TRUE(answers.empty());
}

TEST(CustomFieldAnswers, CheckboxWithEverythingUntickedIsBlank) {
  auto answers = read(R"([{"_id":"cf-check","value":[{"_id":"x-cake","value":false}]},)"
                      R"({"_id":"cf-text","value":"kept"}])");
  ASSERT_EQ(answers.size(), 1u);
  EXPECT_EQ(answers[0].id, "cf-text");
}

// A reference to something the restaurant does not have is a NotFound (404),
// as an unknown table id in the same body is.
void expect_not_found(std::string_view json, const std::string& field_name) {
  try {
    read(json);
    ADD_FAILURE() << "no NotFound thrown for " << json;
  } catch (const domain::NotFound& e) {
    EXPECT_EQ(e.code, "unknown_reference") << json;
    EXPECT_EQ(e.field, field_name) << json;
  }
}

TEST(CustomFieldAnswers, UnknownFieldIdIsAnUnknownReference) {
  expect_not_found(R"([{"_id":"cf-nope","value":"x"}])", "customFields[0]._id");
  expect_not_found(R"([{"_id":"cf-text","value":"x"},{"_id":"cf-nope","value":"x"}])", "customFields[1]._id");
}

TEST(CustomFieldAnswers, MissingOrBadIdIsRefused) {
  expect_failure(R"([{"value":"x"}])", "missing_field", "customFields[0]._id");
  expect_failure(R"([{"_id":null,"value":"x"}])", "missing_field", "customFields[0]._id");
  expect_failure(R"([{"_id":7,"value":"x"}])", "invalid_field", "customFields[0]._id");
}

TEST(CustomFieldAnswers, DuplicateAnswersAreRefused) {
  expect_failure(R"([{"_id":"cf-text","value":"a"},{"_id":"cf-text","value":"b"}])", "invalid_field",
                 "customFields[1]._id");
  expect_failure(R"([{"_id":"cf-radio","value":"opt-in"},{"_id":"cf-num","value":1},)"
                 R"({"_id":"cf-radio","value":"opt-out"}])",
                 "invalid_field", "customFields[2]._id");
  // A blank second answer is still a second answer.
  expect_failure(R"([{"_id":"cf-text","value":"a"},{"_id":"cf-text","value":""}])", "invalid_field",
                 "customFields[1]._id");
}

TEST(CustomFieldAnswers, DuplicateAfterABlankAnswerIsRefused) {
  // Regression: blank answers were once not remembered, so a field answered
  // first blank and then with a value was accepted (the other order was
  // refused). A second answer is refused whatever the first one was.
  expect_failure(R"([{"_id":"cf-text","value":""},{"_id":"cf-text","value":"b"}])", "invalid_field",
                 "customFields[1]._id");
}

TEST(CustomFieldAnswers, UnknownKeysInAnAnswerAreRefused) {
  expect_failure(R"([{"_id":"cf-text","value":"a","extra":1}])", "unknown_field", "customFields[0].extra");
}

TEST(CustomFieldAnswers, NonArrayIsRefused) {
  expect_failure(R"({"_id":"cf-text","value":"a"})", "invalid_field", "customFields");
  expect_failure(R"("cf-text")", "invalid_field", "customFields");
  expect_failure(R"(3)", "invalid_field", "customFields");
}

TEST(CustomFieldAnswers, NonObjectItemIsRefused) {
  expect_failure(R"(["cf-text"])", "invalid_field", "customFields[0]");
  expect_failure(R"([{"_id":"cf-text","value":"a"},null])", "invalid_field", "customFields[1]");
}

TEST(CustomFieldAnswers, TooManyAnswersAreRefused) {
  // Five definitions: more than 5 + 10 items is refused before reading them.
  std::string json = "[";
  for (int i = 0; i < 16; ++i) json += std::string(i ? "," : "") + "{}";
  json += "]";
  expect_failure(json, "invalid_field", "customFields");
}

// --- required fields --------------------------------------------------------

std::vector<CustomField> with_required(CustomField f) {
  f.is_required = true;
  auto defs = definitions();
  defs.push_back(std::move(f));
  return defs;
}

TEST(CustomFieldAnswers, RequiredFieldMissingIsAMissingField) {
  auto defs = with_required(field("cf-req", "Party name", "string"));
  for (const char* json : {"null", "[]", R"([{"_id":"cf-text","value":"x"}])", R"([{"_id":"cf-req","value":""}])",
                           R"([{"_id":"cf-req","value":null}])", R"([{"_id":"cf-req"}])"}) {
    auto f = read_failure(json, defs);
    EXPECT_EQ(f.code, "missing_field") << json;
    EXPECT_EQ(f.field, "customFields") << json;
  }
  auto defs_none = defs;
  EXPECT_THROW(domain::check_custom_field_answers({}, defs_none, "oh-dinner"), domain::InvalidInput);
}

TEST(CustomFieldAnswers, MissingRequiredFieldIsNamedByItsLabel) {
  auto labelled = field("cf-req", "party_name", "string");
  labelled.label = "Name on the booking";
  auto defs = with_required(labelled);
  try {
    read("[]", defs);
    ADD_FAILURE() << "no InvalidInput thrown";
  } catch (const domain::InvalidInput& e) {
    EXPECT_STREQ(e.what(), "'Name on the booking' must be answered.");
  }
  auto unlabelled = with_required(field("cf-req", "party_name", "string"));
  try {
    read("[]", unlabelled);
    ADD_FAILURE() << "no InvalidInput thrown";
  } catch (const domain::InvalidInput& e) {
    EXPECT_STREQ(e.what(), "'party_name' must be answered.");
  }
}

TEST(CustomFieldAnswers, RequiredFieldAnsweredIsAccepted) {
  auto defs = with_required(field("cf-req", "Party name", "string"));
  auto answers = read(R"([{"_id":"cf-req","value":"Smith"}])", defs);
  ASSERT_EQ(answers.size(), 1u);
  EXPECT_EQ(answers[0].value_json, R"("Smith")");
}

TEST(CustomFieldAnswers, RequiredCheckboxNeedsATickedOption) {
  auto defs = with_required(field("cf-req", "Consent", "checkbox", {{"yes", "Yes"}}));
  EXPECT_EQ(read_failure(R"([{"_id":"cf-req","value":[{"_id":"yes","value":false}]}])", defs).code, "missing_field");
  EXPECT_EQ(read(R"([{"_id":"cf-req","value":["yes"]}])", defs).size(), 1u);
}

TEST(CustomFieldAnswers, RequiredFieldOnOtherServicesIsNotRequired) {
  auto lunch_only = field("cf-req", "Lunch menu", "string");
  lunch_only.default_on_all_opening_hours = false;
  lunch_only.opening_hour_ids = {"oh-lunch", "oh-brunch"};
  auto defs = with_required(lunch_only);
  EXPECT_TRUE(read("[]", defs, "oh-dinner").empty());
  EXPECT_TRUE(read("[]", defs, "").empty());
  auto f = read_failure("[]", defs, "oh-lunch");
  EXPECT_EQ(f.code, "missing_field");
  EXPECT_EQ(f.field, "customFields");
  EXPECT_EQ(read_failure("[]", defs, "oh-brunch").code, "missing_field");
}

TEST(CustomFieldAnswers, RequiredFieldOnAllServicesIgnoresTheOpeningHourList) {
  auto everywhere = field("cf-req", "Party name", "string");
  everywhere.default_on_all_opening_hours = true;
  everywhere.opening_hour_ids = {"oh-lunch"};
  auto defs = with_required(everywhere);
  EXPECT_EQ(read_failure("[]", defs, "oh-dinner").code, "missing_field");
  EXPECT_EQ(read_failure("[]", defs, "").code, "missing_field");
}

TEST(CustomFieldAnswers, RequiredFieldOutsideTheBookingFlowIsNotRequired) {
  auto feedback = field("cf-req", "Rating", "number");
  feedback.active_flows = {"feedback"};
  EXPECT_TRUE(read("[]", with_required(feedback)).empty());
  auto none = field("cf-req", "Rating", "number");
  none.active_flows = {};
  EXPECT_TRUE(read("[]", with_required(none)).empty());
}

TEST(CustomFieldAnswers, OptionalFieldsMayBeLeftOut) {
  EXPECT_TRUE(read("[]").empty());
}

}  // namespace
}  // namespace maitred::json
