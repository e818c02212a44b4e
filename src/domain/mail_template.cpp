#include "domain/mail_template.hpp"

#include <algorithm>
#include <array>

namespace maitred::domain {

namespace {

constexpr std::array<std::string_view, 10> kPlaceholders = {
    "guest.name",   "restaurant.name", "restaurant.address", "restaurant.phone", "restaurant.email",
    "booking.date", "booking.time",    "booking.people",     "booking.id",       "booking.manageUrl"};

std::string_view trim(std::string_view s) {
  while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
  while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
  return s;
}

// Characters, not bytes, so the position matches what an editor shows.
std::size_t character_position(std::string_view text, std::size_t byte) {
  std::size_t count = 0;
  for (std::size_t i = 0; i < byte && i < text.size(); ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) ++count;
  }
  return count + 1;
}

bool is_placeholder(std::string_view name) {
  return std::ranges::find(kPlaceholders, name) != kPlaceholders.end();
}

}  // namespace

std::span<const std::string_view> mail_placeholders() {
  return kPlaceholders;
}

std::optional<TemplateError> check_mail_template(std::string_view text) {
  for (std::size_t at = text.find("{{"); at != std::string_view::npos; at = text.find("{{", at)) {
    const auto end = text.find("}}", at + 2);
    const auto next_open = text.find("{{", at + 2);
    if (end == std::string_view::npos || next_open < end) {
      return TemplateError{character_position(text, at), "{{ is not closed by }}"};
    }
    const auto name = trim(text.substr(at + 2, end - at - 2));
    if (!is_placeholder(name)) {
      return TemplateError{character_position(text, at), "unknown placeholder {{" + std::string(name) + "}}"};
    }
    at = end + 2;
  }
  return std::nullopt;
}

std::string escape_html(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
  return out;
}

std::string render_mail_template(std::string_view text, const MailValues& values, MailEscape escape) {
  std::string out;
  std::size_t copied = 0;
  for (std::size_t at = text.find("{{"); at != std::string_view::npos; at = text.find("{{", copied)) {
    const auto end = text.find("}}", at + 2);
    if (end == std::string_view::npos) break;
    out.append(text.substr(copied, at - copied));
    const auto found = values.find(trim(text.substr(at + 2, end - at - 2)));
    if (found != values.end()) out += escape == MailEscape::html ? escape_html(found->second) : found->second;
    copied = end + 2;
  }
  out.append(text.substr(copied));
  return out;
}

}  // namespace maitred::domain
