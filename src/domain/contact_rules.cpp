#include "domain/contact_rules.hpp"

#include <algorithm>

namespace maitred::domain {

bool is_valid_email(std::string_view email) {
  if (email.size() < 3 || email.size() > 254) return false;
  if (std::ranges::any_of(email, [](char c) { return c == ' ' || static_cast<unsigned char>(c) < 0x21; })) return false;
  auto at = email.find('@');
  if (at == std::string_view::npos || at == 0 || email.find('@', at + 1) != std::string_view::npos) return false;
  std::string_view domain = email.substr(at + 1);
  auto dot = domain.rfind('.');
  // Every label of the domain is non-empty: no leading, trailing or double dot.
  return dot != std::string_view::npos && !domain.starts_with('.') && dot + 1 < domain.size() &&
         domain.find("..") == std::string_view::npos;
}

std::optional<std::string> normalize_phone(std::string_view phone) {
  std::string digits;
  bool international = false;
  std::size_t i = 0;
  while (i < phone.size() && phone[i] == ' ') ++i;
  if (i == phone.size()) return std::string{};
  if (phone[i] == '+') {
    international = true;
    ++i;
  } else if (phone.substr(i, 2) == "00") {
    international = true;
    i += 2;
  }
  for (; i < phone.size(); ++i) {
    char c = phone[i];
    if (c >= '0' && c <= '9')
      digits.push_back(c);
    else if (c != ' ' && c != '-' && c != '.' && c != '(' && c != ')')
      return std::nullopt;
  }
  if (!international || digits.size() < 7 || digits.size() > 15 || digits[0] == '0') return std::nullopt;
  return "+" + digits;
}

}  // namespace maitred::domain
