#include "json/custom_field_answers.hpp"

#include <array>
#include <type_traits>

#include "domain/errors.hpp"
#include "json/json_reader.hpp"

namespace maitred::json {

namespace {

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

std::string text_of(const rapidjson::Value& v) {
  return {v.GetString(), v.GetStringLength()};
}

// `[{"_id": …}]`, `["…"]` or anything else, as the item of a list answer.
domain::OptionDraft option_draft(const rapidjson::Value& item) {
  domain::OptionDraft option;
  if (item.IsString()) {
    option.kind = domain::OptionDraft::Kind::text;
    option.key = text_of(item);
  } else if (item.IsObject() && item.HasMember("_id") && item["_id"].IsString()) {
    option.kind = domain::OptionDraft::Kind::option;
    option.key = text_of(item["_id"]);
    option.unticked = item.HasMember("value") && item["value"].IsBool() && !item["value"].GetBool();
  }
  return option;
}

domain::AnswerValueDraft value_draft(const rapidjson::Value* value) {
  using Kind = domain::AnswerValueDraft::Kind;
  domain::AnswerValueDraft draft;
  if (value == nullptr) return draft;
  if (value->IsString()) {
    draft.kind = Kind::text;
    draft.text = text_of(*value);
  } else if (value->IsNumber()) {
    draft.kind = Kind::number;
    draft.number.value = value->GetDouble();
    if (value->IsInt64()) draft.number.integer = value->GetInt64();
  } else if (value->IsArray()) {
    draft.kind = Kind::list;
    for (const auto& item : value->GetArray()) draft.items.push_back(option_draft(item));
  } else {
    draft.kind = Kind::other;
  }
  return draft;
}

}  // namespace

std::vector<domain::CustomFieldAnswerDraft> read_custom_field_drafts(const rapidjson::Value& answers) {
  if (!answers.IsArray()) invalid("customFields", "'customFields' must be an array.");
  std::vector<domain::CustomFieldAnswerDraft> out;
  for (rapidjson::SizeType i = 0; i < answers.Size(); ++i) {
    domain::CustomFieldAnswerDraft draft;
    try {
      ObjectReader item(answers[i], "customFields[" + std::to_string(i) + "]");
      draft.id = item.required_string("_id", 64);
      // Clients may echo the definition the answer came from; its keys carry
      // nothing an answer needs (maitred fills names from the definition).
      for (const char* echoed : kEchoedDefinitionKeys) item.ignore(echoed);
      item.ignore("multipleChoiceValueName");
      draft.value = value_draft(item.raw("value"));
      item.finish();
    } catch (const domain::InvalidInput& e) {
      draft.malformed = e;
    }
    out.push_back(std::move(draft));
  }
  return out;
}

void write_answer_value(JsonWriter& out, const domain::AnswerValue& value) {
  std::visit(
      [&](const auto& v) {
        using T = std::decay_t<decltype(v)>;
        if constexpr (std::is_same_v<T, std::string>) {
          out.string(v);
        } else if constexpr (std::is_same_v<T, domain::NumberAnswer>) {
          if (v.integer)
            out.integer(*v.integer);
          else
            out.number(v.value);
        } else if constexpr (std::is_same_v<T, domain::StoredAnswer>) {
          out.raw(v.json);
        } else {
          out.start_array();
          for (const auto& option : v) {
            out.start_object();
            out.member("_id", option.id);
            out.member("name", option.name);
            out.member("value", true);
            out.end_object();
          }
          out.end_array();
        }
      },
      value);
}

std::string answer_value_json(const domain::AnswerValue& value) {
  std::string out;
  JsonWriter writer(out);
  write_answer_value(writer, value);
  return out;
}

}  // namespace maitred::json
