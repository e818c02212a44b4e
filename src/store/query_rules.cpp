#include "store/query_rules.hpp"

#include <stdexcept>

#include "domain/search_expression.hpp"

namespace maitred::store {

namespace {

bool is_identifier_start(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}
bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

}  // namespace

void require_sql_identifier(std::string_view name, const char* what) {
  bool ok = !name.empty();
  bool at_start = true;
  for (char c : name) {
    if (!ok) break;
    if (c == '.' && !at_start) {
      at_start = true;
    } else if (at_start ? is_identifier_start(c) : (is_identifier_start(c) || is_digit(c))) {
      at_start = false;
    } else {
      ok = false;
    }
  }
  if (!ok || at_start) throw std::invalid_argument(std::string("query compiler: invalid ") + what + " name");
}

void require_field_path(std::string_view path) {
  if (!domain::is_valid_field_path(path)) throw std::invalid_argument("query compiler: invalid field path");
}

bool is_phone_path(std::string_view path) {
  constexpr std::string_view last = "phone";
  if (path == last) return true;
  return path.size() > last.size() && path.ends_with(last) && path[path.size() - last.size() - 1] == '.';
}

std::string normalise_phone(std::string_view phone) {
  auto first = phone.find_first_not_of('+');
  phone = first == std::string_view::npos ? std::string_view() : phone.substr(first);
  std::string out;
  for (char c : phone) {
    if (c != ' ') out += c;
  }
  return out;
}

}  // namespace maitred::store
