#pragma once
// Reading JSON replies in the black-box tests: values by dotted path, as
// compact JSON, and the ids of a list.

#include <rapidjson/document.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <string>
#include <vector>

namespace maitred::test {

// The value at a dotted path ("area.name", "tableIds.1"; "" for the whole)
// as compact JSON; "<absent>" when there is no such value.
inline std::string at(const rapidjson::Value& root, const std::string& path) {
  const rapidjson::Value* v = &root;
  std::size_t start = 0;
  while (!path.empty()) {
    const auto dot = path.find('.', start);
    const std::string part = path.substr(start, dot == std::string::npos ? std::string::npos : dot - start);
    if (v->IsObject()) {
      auto it = v->FindMember(part.c_str());
      if (it == v->MemberEnd()) return "<absent>";
      v = &it->value;
    } else if (v->IsArray() && !part.empty() && part.find_first_not_of("0123456789") == std::string::npos) {
      const auto index = std::stoul(part);
      if (index >= v->Size()) return "<absent>";
      v = &(*v)[static_cast<rapidjson::SizeType>(index)];
    } else {
      return "<absent>";
    }
    if (dot == std::string::npos) break;
    start = dot + 1;
  }
  rapidjson::StringBuffer buffer;
  rapidjson::Writer<rapidjson::StringBuffer> writer(buffer);
  v->Accept(writer);
  return buffer.GetString();
}

// A JSON string literal (no escaping needed for the values used here).
inline std::string q(const std::string& s) {
  return "\"" + s + "\"";
}

// The text of a JSON string at `path`; empty when absent or not a string.
inline std::string text_at(const rapidjson::Value& root, const std::string& path) {
  auto json = at(root, path);
  if (json.size() < 2 || json.front() != '"') return {};
  return json.substr(1, json.size() - 2);
}

// The `_id`s of a JSON array of documents, in order.
inline std::vector<std::string> ids_of(const rapidjson::Value& list) {
  std::vector<std::string> ids;
  if (!list.IsArray()) return ids;
  for (const auto& item : list.GetArray()) {
    if (item.IsObject() && item.HasMember("_id") && item["_id"].IsString()) ids.emplace_back(item["_id"].GetString());
  }
  return ids;
}

}  // namespace maitred::test
