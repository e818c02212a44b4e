#include "json/restaurant_codec.hpp"

#include <rapidjson/document.h>

#include "core/time_format.hpp"

namespace maitred::json {

void write_restaurant(JsonWriter& out, const domain::Restaurant& r) {
  out.start_object();
  out.member("_id", r.id);
  out.member("name", r.name);
  out.member("timezone", r.timezone);
  out.member("createdAt", core::format_utc(r.created_at));
  out.member("updatedAt", core::format_utc(r.updated_at));
  out.end_object();
}

std::string restaurant_to_json(const domain::Restaurant& restaurant) {
  std::string out;
  JsonWriter writer(out);
  write_restaurant(writer, restaurant);
  return out;
}

namespace {
std::optional<std::string> string_member(const rapidjson::Value& object, const char* name) {
  auto it = object.FindMember(name);
  if (it == object.MemberEnd() || !it->value.IsString()) return std::nullopt;
  return std::string(it->value.GetString(), it->value.GetStringLength());
}
}  // namespace

std::optional<domain::Restaurant> restaurant_from_json(std::string_view text) {
  rapidjson::Document doc;
  doc.Parse<rapidjson::kParseValidateEncodingFlag | rapidjson::kParseIterativeFlag>(text.data(), text.size());
  if (doc.HasParseError() || !doc.IsObject()) return std::nullopt;
  auto id = string_member(doc, "_id");
  auto name = string_member(doc, "name");
  auto zone = string_member(doc, "timezone");
  auto created = string_member(doc, "createdAt");
  auto updated = string_member(doc, "updatedAt");
  if (!id || !name || !zone || !created || !updated) return std::nullopt;
  auto created_at = core::parse_utc(*created);
  auto updated_at = core::parse_utc(*updated);
  if (!created_at || !updated_at) return std::nullopt;
  return domain::Restaurant{std::move(*id), std::move(*name), std::move(*zone), *created_at, *updated_at};
}

}  // namespace maitred::json
