#include "json/document_diff.hpp"

#include <rapidjson/document.h>

#include <algorithm>
#include <set>

#include "json/json_reader.hpp"
#include "json/json_writer.hpp"

namespace maitred::json {

namespace {

std::string_view view(const rapidjson::Value& v) {
  return {v.GetString(), v.GetStringLength()};
}

void write_value(JsonWriter& out, const rapidjson::Value* v) {
  if (v == nullptr) {
    out.null();
    return;
  }
  out.raw(serialize(*v));
}

const rapidjson::Value* member(const rapidjson::Value& object, std::string_view key) {
  auto it = object.FindMember(rapidjson::Value(rapidjson::StringRef(key.data(), key.size())));
  return it == object.MemberEnd() ? nullptr : &it->value;
}

std::set<std::string> keys_of(const rapidjson::Value& a, const rapidjson::Value& b) {
  std::set<std::string> keys;
  for (const auto* object : {&a, &b}) {
    if (!object->IsObject()) continue;
    for (auto it = object->MemberBegin(); it != object->MemberEnd(); ++it) keys.emplace(view(it->name));
  }
  return keys;
}

void write_change(JsonWriter& out, const std::string& field, const rapidjson::Value* from, const rapidjson::Value* to) {
  out.start_object();
  out.member("field", field);
  out.key("from");
  write_value(out, from);
  out.key("to");
  write_value(out, to);
  out.end_object();
}

}  // namespace

void write_document_diff(JsonWriter& out, std::string_view before, std::string_view after,
                         const std::vector<std::string_view>& ignore) {
  auto old_doc = parse_body(before);
  auto new_doc = parse_body(after);
  out.start_array();
  for (const auto& key : keys_of(old_doc, new_doc)) {
    if (std::ranges::find(ignore, key) != ignore.end()) continue;
    const auto* from = member(old_doc, key);
    const auto* to = member(new_doc, key);
    if (from != nullptr && to != nullptr && *from == *to) continue;
    if (from != nullptr && to != nullptr && from->IsObject() && to->IsObject()) {
      for (const auto& inner : keys_of(*from, *to)) {
        const auto* a = member(*from, inner);
        const auto* b = member(*to, inner);
        if (a != nullptr && b != nullptr && *a == *b) continue;
        write_change(out, key + "." + inner, a, b);
      }
      continue;
    }
    write_change(out, key, from, to);
  }
  out.end_array();
}

std::string document_changes(std::string_view before, std::string_view after,
                             const std::vector<std::string_view>& ignore) {
  std::string changes;
  JsonWriter out(changes);
  write_document_diff(out, before, after, ignore);
  if (changes == "[]") changes.clear();
  return changes;
}

}  // namespace maitred::json
