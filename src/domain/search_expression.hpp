#pragma once
// customQuery search expressions (SPEC.md section 4): terms joined by commas,
// all of which must hold, e.g. `people>2,status:"approved"`.
//
//   expression := term ("," term)*           whitespace allowed around tokens
//   term       := path op value
//   path       := segment ("." segment)*     segment = [A-Za-z0-9_]+, no spaces inside
//   op         := "<" | ">" | ":" | ";"      less, greater, equals, contains
//   value      := "quoted string" | number | true | false
//
// Parsing is pure and checks the meaning too (`;` needs a string, `<`/`>` a
// number or a date), so everything that leaves here can be compiled to SQL
// without further validation. Positions are 0-based byte offsets.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace maitred::domain {

enum class SearchOp { less, greater, equals, contains };

struct SearchValue {
  enum class Kind { string, number, boolean } kind = Kind::string;
  // string: the decoded text (escapes resolved, UTF-8); number: the number as
  // written; boolean: "true" or "false".
  std::string text;
  double number = 0;
  bool boolean = false;
  // Only for a quoted string that is a calendar date ("2026-11-24", kept as
  // is: dates compare as strings) or a date-time with `Z` or an offset,
  // normalised to UTC "YYYY-MM-DDTHH:MM:SSZ" (fractional seconds dropped),
  // the form instants are stored in.
  std::optional<std::string> instant;
};

struct SearchTerm {
  std::string path;  // validated: see check_field_path
  SearchOp op = SearchOp::equals;
  SearchValue value;
  std::size_t position = 0;  // where the term starts in the text
};

struct SearchExpression {
  std::vector<SearchTerm> terms;
};

inline constexpr std::size_t max_search_text_bytes = 4096;
inline constexpr std::size_t max_search_terms = 50;
inline constexpr std::size_t max_field_path_segments = 10;
inline constexpr std::size_t max_field_path_length = 200;

// Throws InvalidInput{"invalid_search", "customQuery"} with a message such as
// "customQuery: expected an operator (<, >, : or ;) at position 7".
// Empty or blank text is an expression without terms.
SearchExpression parse_search_expression(std::string_view text);

// Field paths as customQuery and sort both accept them. A problem carries the
// offset inside the path it refers to, so callers can point into their text.
struct FieldPathProblem {
  std::size_t offset;
  std::string reason;  // e.g. "empty segment in field name"
};
std::optional<FieldPathProblem> check_field_path(std::string_view path);
inline bool is_valid_field_path(std::string_view path) {
  return !check_field_path(path).has_value();
}

// The longest run of path characters ([A-Za-z0-9_.]) starting at `from`; the
// parsers take that run as the path and then check it.
std::size_t scan_field_path(std::string_view text, std::size_t from);

// For a quoted value: the UTC form described at SearchValue::instant, or
// nullopt when the text is not a date or a zoned date-time.
std::optional<std::string> normalise_instant(std::string_view text);

}  // namespace maitred::domain
