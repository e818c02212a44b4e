#include "json/json_writer.hpp"

namespace maitred::json {

std::string quoted(std::string_view text) {
  std::string out;
  JsonWriter writer(out);
  writer.string(text);
  return out;
}

std::string serialize(const rapidjson::Value& value) {
  std::string out;
  StringSink sink(out);
  rapidjson::Writer<StringSink> writer(sink);
  value.Accept(writer);
  return out;
}

}  // namespace maitred::json
