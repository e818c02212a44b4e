#include "domain/search_rules.hpp"

#include <stdexcept>

#include "domain/search_expression.hpp"

namespace maitred::domain {

void require_field_path(std::string_view path) {
  if (!is_valid_field_path(path)) throw std::invalid_argument("query compiler: invalid field path");
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

}  // namespace maitred::domain
