#pragma once
// The query string of a request, percent-decoded. Malformed escapes, names
// or values that are not UTF-8 once decoded, and invalid values are
// domain::InvalidInput naming the parameter (422).

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace maitred::http {

class QueryParams {
 public:
  // Throws InvalidInput when `query` has a malformed %-escape or decodes to
  // something other than UTF-8.
  explicit QueryParams(std::string_view query);

  // The first value of `name`; nullopt when absent.
  std::optional<std::string> get(std::string_view name) const;
  // true/false/1/0; `fallback` when absent; InvalidInput otherwise.
  bool get_bool(std::string_view name, bool fallback) const;
  // A whole number in [min, max]; `fallback` when absent; InvalidInput otherwise.
  long long get_integer(std::string_view name, long long fallback, long long min, long long max) const;

  const std::vector<std::pair<std::string, std::string>>& all() const { return params_; }

 private:
  std::vector<std::pair<std::string, std::string>> params_;
};

// Percent-decoding ('+' is a space, as forms send it); nullopt when malformed.
std::optional<std::string> percent_decode(std::string_view text);

}  // namespace maitred::http
