#pragma once
// Guest e-mail templates: text with {{placeholder}} fields. A template is
// checked when a restaurant saves it (check_mail_template), so sending
// never meets a broken one; rendering then only substitutes.
//
// Placeholders (docs/API.md "Guest e-mails"): guest.name, restaurant.name,
// restaurant.address, restaurant.phone, restaurant.email, booking.date,
// booking.time, booking.people, booking.id, booking.manageUrl. Spaces
// inside the braces are allowed ({{ guest.name }}).

#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace maitred::domain {

std::span<const std::string_view> mail_placeholders();

struct TemplateError {
  std::size_t position;  // 1-based character (not byte) where the problem starts
  std::string message;   // "unknown placeholder {{guest.age}}", "{{ is not closed"
};

std::optional<TemplateError> check_mail_template(std::string_view text);

using MailValues = std::map<std::string, std::string, std::less<>>;

enum class MailEscape { none, html };

// `text` with each placeholder replaced by its value (HTML-escaped for
// MailEscape::html). Expects a checked template: an unknown placeholder
// renders empty, an unclosed one as written.
std::string render_mail_template(std::string_view text, const MailValues& values, MailEscape escape);

std::string escape_html(std::string_view text);

}  // namespace maitred::domain
