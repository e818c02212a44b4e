#include "json/custom_field_answers.hpp"

#include <algorithm>
#include <array>
#include <cmath>

#include "core/text.hpp"
#include "domain/custom_field_rules.hpp"
#include "domain/errors.hpp"
#include "json/json_reader.hpp"
#include "json/json_writer.hpp"

namespace maitred::json {

namespace {

constexpr std::size_t kMaxTextAnswer = 2000;

// The keys of a custom field definition (GET /v1/customFields) besides `_id`.
constexpr std::array kEchoedDefinitionKeys = {"name",
                                              "label",
                                              "helptext",
                                              "type",
                                              "isRequired",
                                              "sortIndex",
                                              "multipleChoiceSelections",
                                              "activeFlows",
                                              "defaultOnAllOpeningHours",
                                              "openingHourIds"};

std::string_view view(const rapidjson::Value& v) {
  return {v.GetString(), v.GetStringLength()};
}

const domain::Choice* find_choice(const domain::CustomField& field, std::string_view id_or_name) {
  for (const auto& c : field.choices) {
    if (c.id == id_or_name) return &c;
  }
  for (const auto& c : field.choices) {
    if (c.name == id_or_name) return &c;  // clients that send the option's name
  }
  return nullptr;
}

// A radio or dropdown answer's option id or name: a string, or (as clients
// that answer every choice field the checkbox way send it) a list of at most
// one option, `[{"_id": …, "name": …}]` or `["…"]`. Empty when blank.
std::string_view single_choice_key(const domain::CustomField& field, const rapidjson::Value& value,
                                   const std::string& value_field) {
  if (value.IsString()) return view(value);
  const std::string one_of = "The answer to '" + field.name + "' must be one of its options.";
  if (!value.IsArray()) invalid(value_field, one_of);
  if (value.Empty()) return {};
  if (value.Size() > 1)
    invalid(value_field, "'" + field.name + "' takes one option, not " + std::to_string(value.Size()) + ".");
  const auto& item = value[0];
  if (item.IsString()) return view(item);
  if (item.IsObject() && item.HasMember("_id") && item["_id"].IsString()) return view(item["_id"]);
  invalid(value_field + "[0]", one_of);
}

// The answer's value, checked against the field's type; empty when blank.
domain::CustomFieldAnswer answer_for(const domain::CustomField& field, const rapidjson::Value* value,
                                     const std::string& where) {
  domain::CustomFieldAnswer answer;
  answer.id = field.id;
  answer.name = field.name;
  const std::string value_field = where + ".value";
  if (value == nullptr) return answer;
  if (field.type == "string") {
    if (!value->IsString()) invalid(value_field, "The answer to '" + field.name + "' must be text.");
    if (core::utf8_length(view(*value)) > kMaxTextAnswer) {
      invalid(value_field, "The answer to '" + field.name + "' is too long.");
    }
    if (value->GetStringLength() > 0) answer.value_json = quoted(view(*value));
  } else if (field.type == "number") {
    if (!value->IsNumber() || !std::isfinite(value->GetDouble())) {
      invalid(value_field, "The answer to '" + field.name + "' must be a number.");
    }
    std::string out;
    JsonWriter writer(out);
    if (value->IsInt64())
      writer.integer(value->GetInt64());
    else
      writer.number(value->GetDouble());
    answer.value_json = out;
  } else if (field.type == "radio" || field.type == "dropdown") {
    const auto key = single_choice_key(field, *value, value_field);
    if (key.empty()) return answer;
    const auto* choice = find_choice(field, key);
    if (choice == nullptr) invalid(value_field, "'" + std::string(key) + "' is not an option of '" + field.name + "'.");
    answer.value_json = quoted(choice->id);
    answer.multiple_choice_value_name = choice->name;
  } else {  // checkbox: the ticked options
    if (!value->IsArray()) invalid(value_field, "The answer to '" + field.name + "' must be a list of options.");
    std::string out;
    JsonWriter writer(out);
    writer.start_array();
    std::vector<std::string> seen;
    for (rapidjson::SizeType i = 0; i < value->Size(); ++i) {
      const auto& item = (*value)[i];
      const std::string item_field = value_field + "[" + std::to_string(i) + "]";
      std::string_view key;
      if (item.IsString()) {
        key = view(item);
      } else if (item.IsObject() && item.HasMember("_id") && item["_id"].IsString()) {
        key = view(item["_id"]);
      } else {
        invalid(item_field, "Each ticked option must be an option id.");
      }
      const auto* choice = find_choice(field, key);
      if (choice == nullptr)
        invalid(item_field, "'" + std::string(key) + "' is not an option of '" + field.name + "'.");
      const bool unticked =
          item.IsObject() && item.HasMember("value") && item["value"].IsBool() && !item["value"].GetBool();
      if (unticked) continue;
      if (std::ranges::find(seen, choice->id) != seen.end()) continue;
      seen.push_back(choice->id);
      writer.start_object();
      writer.member("_id", choice->id);
      writer.member("name", choice->name);
      writer.member("value", true);
      writer.end_object();
    }
    writer.end_array();
    if (!seen.empty()) answer.value_json = out;
  }
  return answer;
}

}  // namespace

std::vector<domain::CustomFieldAnswer> read_custom_field_answers(const rapidjson::Value* answers,
                                                                 std::span<const domain::CustomField> definitions,
                                                                 const std::string& opening_hour_id) {
  std::vector<domain::CustomFieldAnswer> out;
  std::vector<std::string> answered;  // blank answers included, to catch duplicates
  if (answers != nullptr && !answers->IsNull()) {
    if (!answers->IsArray()) invalid("customFields", "'customFields' must be an array.");
    if (answers->Size() > definitions.size() + 10) invalid("customFields", "Too many custom field answers.");
    for (rapidjson::SizeType i = 0; i < answers->Size(); ++i) {
      const std::string where = "customFields[" + std::to_string(i) + "]";
      ObjectReader item((*answers)[i], where);
      const std::string id = item.required_string("_id", 64);
      // Clients may echo the definition the answer came from; its keys carry
      // nothing an answer needs (maitred fills names from the definition).
      for (const char* echoed : kEchoedDefinitionKeys) item.ignore(echoed);
      item.ignore("multipleChoiceValueName");
      const rapidjson::Value* value = item.raw("value");
      item.finish();
      auto definition = std::ranges::find(definitions, id, &domain::CustomField::id);
      if (definition == definitions.end()) {
        throw domain::NotFound("unknown_reference", where + "._id", "There is no custom field with id '" + id + "'.");
      }
      if (std::ranges::find(answered, id) != answered.end()) {
        invalid(where + "._id", "'" + definition->name + "' is answered twice.");
      }
      answered.push_back(id);
      auto answer = answer_for(*definition, value, where);
      if (!answer.value_json.empty()) out.push_back(std::move(answer));
    }
  }
  for (const auto& definition : definitions) {
    if (!definition.is_required || !domain::applies_to_booking(definition, opening_hour_id)) continue;
    if (std::ranges::find(out, definition.id, &domain::CustomFieldAnswer::id) == out.end()) {
      invalid("customFields",
              "'" + (definition.label.empty() ? definition.name : definition.label) + "' must be answered.",
              "missing_field");
    }
  }
  return out;
}

}  // namespace maitred::json
