#pragma once
// Reading untrusted JSON request bodies into domain values. Every mistake is
// a domain::InvalidInput naming the field by its full path
// ("bookingRules.durations[1].minutes") with a sentence that says what is
// expected. Unknown keys are refused (finish()), which also stops mass
// assignment.

#include <rapidjson/document.h>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace maitred::json {

// Arrays and objects nest at most this deep in any JSON maitred reads, so
// code that recurses over a parsed document has bounded depth.
inline constexpr std::size_t kMaxNesting = 64;

// Parses a request body (json/parse_body.cpp). Throws InvalidInput:
// "malformed_json" with the offset and reason; "nested_too_deep" past
// kMaxNesting; "invalid_utf8" for a string or key that is not well-formed
// UTF-8 (lone surrogates written as escapes included), naming the field. The
// iterative parser cannot be driven into deep recursion.
rapidjson::Document parse_body(std::string_view body);

class ObjectReader {
 public:
  // `path` is the field name of this object in its parent ("" for the body).
  ObjectReader(const rapidjson::Value& value, std::string path = {});

  // Present and not null.
  bool has(std::string_view key) const;
  // Present with the value null: "clear this field" in a partial update.
  bool is_null(std::string_view key);

  std::optional<std::string> optional_string(std::string_view key, std::size_t max_length = 1000);
  std::string required_string(std::string_view key, std::size_t max_length = 1000);
  // A string that must not be blank.
  std::string required_name(std::string_view key, std::size_t max_length = 200);

  std::optional<long long> optional_integer(std::string_view key, long long min, long long max);
  long long required_integer(std::string_view key, long long min, long long max);
  std::optional<double> optional_number(std::string_view key, double min, double max);

  std::optional<bool> optional_bool(std::string_view key);

  std::optional<ObjectReader> optional_object(std::string_view key);
  // Each element must be an object.
  std::optional<std::vector<ObjectReader>> optional_object_array(std::string_view key, std::size_t max_items = 1000);
  std::optional<std::vector<std::string>> optional_string_array(std::string_view key, std::size_t max_items = 1000,
                                                                std::size_t max_length = 1000);

  // The raw value (marks the key as understood); null when absent.
  const rapidjson::Value* raw(std::string_view key);
  // Accepts a key that carries no meaning here (resOS clients send some).
  void ignore(std::string_view key);

  // Throws InvalidInput("unknown_field") for the first key nobody read.
  void finish() const;

  std::string field(std::string_view key) const;
  const std::string& path() const { return path_; }

 private:
  const rapidjson::Value* find(std::string_view key);

  const rapidjson::Value* object_;
  std::string path_;
  // Which members a read asked for, by position; finish() refuses the rest.
  // Readers ask in about the order documents are written, so the search for
  // a key starts after the last member found: a whole document is read in
  // linear time instead of quadratic.
  std::vector<bool> understood_;
  rapidjson::SizeType next_ = 0;
};

[[noreturn]] void invalid(std::string field, const std::string& message, std::string code = "invalid_field");

}  // namespace maitred::json
