#include "domain/public_page_rules.hpp"

#include <array>
#include <utility>

namespace maitred::domain {
namespace {

bool is_slug_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
}

// The two-byte UTF-8 Latin-1 letters restaurant names use most, folded to
// ASCII for a readable slug.
constexpr std::array<std::pair<std::string_view, std::string_view>, 30> kFolds{{
    {"à", "a"}, {"á", "a"},  {"â", "a"}, {"ä", "a"},  {"å", "a"}, {"æ", "ae"}, {"ç", "c"}, {"è", "e"},
    {"é", "e"}, {"ê", "e"},  {"ë", "e"}, {"ì", "i"},  {"í", "i"}, {"î", "i"},  {"ï", "i"}, {"ñ", "n"},
    {"ò", "o"}, {"ó", "o"},  {"ô", "o"}, {"ö", "o"},  {"ø", "o"}, {"ù", "u"},  {"ú", "u"}, {"û", "u"},
    {"ü", "u"}, {"ß", "ss"}, {"Å", "a"}, {"Æ", "ae"}, {"Ø", "o"}, {"Ö", "o"},
}};

}  // namespace

bool is_valid_slug(std::string_view slug) {
  if (slug.size() < 2 || slug.size() > kMaxSlugLength) return false;
  if (slug.front() == '-' || slug.back() == '-') return false;
  for (char c : slug) {
    if (!is_slug_char(c)) return false;
  }
  return true;
}

std::string slug_from_name(std::string_view name) {
  std::string slug;
  bool separator = false;
  auto append = [&](std::string_view text) {
    if (separator && !slug.empty()) slug += '-';
    separator = false;
    slug += text;
  };
  for (std::size_t i = 0; i < name.size();) {
    const char c = name[i];
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
      append(std::string_view(&name[i], 1));
      ++i;
      continue;
    }
    if (c >= 'A' && c <= 'Z') {
      const char lower = static_cast<char>(c - 'A' + 'a');
      append(std::string_view(&lower, 1));
      ++i;
      continue;
    }
    bool folded = false;
    for (const auto& [from, to] : kFolds) {
      if (name.substr(i, from.size()) == from) {
        append(to);
        i += from.size();
        folded = true;
        break;
      }
    }
    if (!folded) {
      separator = true;
      ++i;
    }
  }
  if (slug.size() > kMaxSlugLength) slug.resize(kMaxSlugLength);
  while (!slug.empty() && slug.back() == '-') slug.pop_back();
  if (slug.size() < 2) slug = "restaurant";
  return slug;
}

bool is_valid_origin(std::string_view origin) {
  std::string_view rest;
  if (origin.starts_with("https://")) {
    rest = origin.substr(8);
  } else if (origin.starts_with("http://")) {
    rest = origin.substr(7);
  } else {
    return false;
  }
  if (rest.empty() || rest.size() > 253 + 6) return false;
  const auto colon = rest.rfind(':');
  std::string_view host = colon == std::string_view::npos ? rest : rest.substr(0, colon);
  if (colon != std::string_view::npos) {
    std::string_view port = rest.substr(colon + 1);
    if (port.empty() || port.size() > 5) return false;
    for (char c : port) {
      if (c < '0' || c > '9') return false;
    }
  }
  if (host.empty() || host.front() == '.' || host.front() == '-') return false;
  for (char c : host) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.';
    if (!ok) return false;
  }
  return true;
}

}  // namespace maitred::domain
