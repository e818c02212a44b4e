#include "domain/custom_field_rules.hpp"

#include <algorithm>
#include <cmath>

#include "core/text.hpp"
#include "domain/errors.hpp"

namespace maitred::domain {

namespace {

constexpr std::size_t kMaxTextAnswer = 2000;

[[noreturn]] void invalid(std::string field, const std::string& message, std::string code = "invalid_field") {
  throw InvalidInput(std::move(code), std::move(field), message);
}

const Choice* find_choice(const CustomField& field, std::string_view id_or_name) {
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
std::string_view single_choice_key(const CustomField& field, const AnswerValueDraft& value,
                                   const std::string& value_field) {
  if (value.kind == AnswerValueDraft::Kind::text) return value.text;
  const std::string one_of = "The answer to '" + field.name + "' must be one of its options.";
  if (value.kind != AnswerValueDraft::Kind::list) invalid(value_field, one_of);
  if (value.items.empty()) return {};
  if (value.items.size() > 1)
    invalid(value_field, "'" + field.name + "' takes one option, not " + std::to_string(value.items.size()) + ".");
  const auto& item = value.items[0];
  if (item.kind == OptionDraft::Kind::other) invalid(value_field + "[0]", one_of);
  return item.key;
}

// The answer's value, checked against the field's type; no value when blank.
std::optional<AnswerValue> checked_value(const CustomField& field, const AnswerValueDraft& value,
                                         const std::string& value_field, std::string& option_name) {
  using Kind = AnswerValueDraft::Kind;
  if (value.kind == Kind::absent) return std::nullopt;
  if (field.type == "string") {
    if (value.kind != Kind::text) invalid(value_field, "The answer to '" + field.name + "' must be text.");
    if (core::utf8_length(value.text) > kMaxTextAnswer) {
      invalid(value_field, "The answer to '" + field.name + "' is too long.");
    }
    if (value.text.empty()) return std::nullopt;
    return AnswerValue{value.text};
  }
  if (field.type == "number") {
    if (value.kind != Kind::number || !std::isfinite(value.number.value)) {
      invalid(value_field, "The answer to '" + field.name + "' must be a number.");
    }
    return AnswerValue{value.number};
  }
  if (field.type == "radio" || field.type == "dropdown") {
    const auto key = single_choice_key(field, value, value_field);
    if (key.empty()) return std::nullopt;
    const auto* choice = find_choice(field, key);
    if (choice == nullptr) invalid(value_field, "'" + std::string(key) + "' is not an option of '" + field.name + "'.");
    option_name = choice->name;
    return AnswerValue{choice->id};
  }
  // checkbox: the ticked options
  if (value.kind != Kind::list) invalid(value_field, "The answer to '" + field.name + "' must be a list of options.");
  std::vector<TickedOption> ticked;
  for (std::size_t i = 0; i < value.items.size(); ++i) {
    const auto& item = value.items[i];
    const std::string item_field = value_field + "[" + std::to_string(i) + "]";
    if (item.kind == OptionDraft::Kind::other) invalid(item_field, "Each ticked option must be an option id.");
    const auto* choice = find_choice(field, item.key);
    if (choice == nullptr) invalid(item_field, "'" + item.key + "' is not an option of '" + field.name + "'.");
    if (item.unticked) continue;
    if (std::ranges::find(ticked, choice->id, &TickedOption::id) != ticked.end()) continue;
    ticked.push_back({choice->id, choice->name});
  }
  if (ticked.empty()) return std::nullopt;
  return AnswerValue{std::move(ticked)};
}

}  // namespace

bool applies_to_booking(const CustomField& field, std::string_view opening_hour_id) {
  if (std::ranges::find(field.active_flows, "booking") == field.active_flows.end()) return false;
  if (field.default_on_all_opening_hours) return true;
  return std::ranges::find(field.opening_hour_ids, opening_hour_id) != field.opening_hour_ids.end();
}

std::vector<CustomFieldAnswer> check_custom_field_answers(std::span<const CustomFieldAnswerDraft> answers,
                                                          std::span<const CustomField> definitions,
                                                          const std::string& opening_hour_id) {
  std::vector<CustomFieldAnswer> out;
  std::vector<std::string> answered;  // blank answers included, to catch duplicates
  if (answers.size() > definitions.size() + 10) invalid("customFields", "Too many custom field answers.");
  for (std::size_t i = 0; i < answers.size(); ++i) {
    const auto& draft = answers[i];
    if (draft.malformed) throw *draft.malformed;
    const std::string where = "customFields[" + std::to_string(i) + "]";
    auto definition = std::ranges::find(definitions, draft.id, &CustomField::id);
    if (definition == definitions.end()) {
      throw NotFound("unknown_reference", where + "._id", "There is no custom field with id '" + draft.id + "'.");
    }
    if (std::ranges::find(answered, draft.id) != answered.end()) {
      invalid(where + "._id", "'" + definition->name + "' is answered twice.");
    }
    answered.push_back(draft.id);
    std::string option_name;
    auto value = checked_value(*definition, draft.value, where + ".value", option_name);
    if (value) out.push_back({definition->id, definition->name, std::move(*value), std::move(option_name)});
  }
  for (const auto& definition : definitions) {
    if (!definition.is_required || !applies_to_booking(definition, opening_hour_id)) continue;
    if (std::ranges::find(out, definition.id, &CustomFieldAnswer::id) == out.end()) {
      invalid("customFields",
              "'" + (definition.label.empty() ? definition.name : definition.label) + "' must be answered.",
              "missing_field");
    }
  }
  return out;
}

}  // namespace maitred::domain
