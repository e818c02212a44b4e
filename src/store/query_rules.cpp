#include "store/query_rules.hpp"

#include <stdexcept>

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

}  // namespace maitred::store
