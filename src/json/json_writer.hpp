#pragma once
// RapidJSON's streaming Writer appending straight into a std::string: replies
// are written from our structs without building a DOM (DESIGN.md measured
// 1.5 us against 21 us for the DOM route).

#include <rapidjson/document.h>
#include <rapidjson/writer.h>

#include <string>
#include <string_view>

namespace maitred::json {

class StringSink {
 public:
  using Ch = char;
  explicit StringSink(std::string& out) : out_(out) {}
  void Put(char c) { out_.push_back(c); }
  void Flush() {}

 private:
  std::string& out_;
};

class JsonWriter {
 public:
  explicit JsonWriter(std::string& out) : sink_(out), writer_(sink_) {}

  void start_object() { writer_.StartObject(); }
  void end_object() { writer_.EndObject(); }
  void start_array() { writer_.StartArray(); }
  void end_array() { writer_.EndArray(); }
  void key(std::string_view k) { writer_.Key(k.data(), static_cast<rapidjson::SizeType>(k.size())); }
  void string(std::string_view v) { writer_.String(v.data(), static_cast<rapidjson::SizeType>(v.size())); }
  void integer(long long v) { writer_.Int64(v); }
  void boolean(bool v) { writer_.Bool(v); }
  void number(double v) { writer_.Double(v); }
  void null() { writer_.Null(); }
  // Already-serialised, trusted JSON (a stored document) written as a value.
  void raw(std::string_view json) { writer_.RawValue(json.data(), json.size(), rapidjson::kObjectType); }

  void member(std::string_view k, std::string_view v) { key(k), string(v); }
  void member(std::string_view k, const char* v) { key(k), string(v); }
  void member(std::string_view k, long long v) { key(k), integer(v); }
  void member(std::string_view k, int v) { key(k), integer(v); }
  void member(std::string_view k, bool v) { key(k), boolean(v); }

 private:
  StringSink sink_;
  rapidjson::Writer<StringSink> writer_;
};

// A JSON string literal (quoted and escaped) for a bare-string reply.
std::string quoted(std::string_view text);

// Any parsed value back to compact JSON text.
std::string serialize(const rapidjson::Value& value);

}  // namespace maitred::json
