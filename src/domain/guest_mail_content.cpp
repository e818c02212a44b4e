#include "domain/guest_mail_content.hpp"

#include "domain/errors.hpp"
#include "domain/mail_locale.hpp"

namespace maitred::domain {

namespace {

std::string one_line_address(const Address& a) {
  std::string out;
  auto add = [&](const std::string& part, std::string_view separator) {
    if (part.empty()) return;
    if (!out.empty()) out += separator;
    out += part;
  };
  add(a.street, ", ");
  add(a.postal_code, ", ");
  add(a.city, a.postal_code.empty() ? ", " : " ");
  add(a.country, ", ");
  return out;
}

// A subject is one header line: line breaks a template or value might carry
// would end the header.
std::string single_line(std::string text) {
  for (auto& c : text) {
    if (c == '\r' || c == '\n') c = ' ';
  }
  return text;
}

}  // namespace

MailValues mail_values(const Restaurant& restaurant, const Booking& booking, std::string_view language,
                       std::string_view manage_url) {
  const auto when = local_wording(restaurant.timezone, booking.date_time, language);
  return {
      {"guest.name", booking.guest.name},
      {"restaurant.name", restaurant.name},
      {"restaurant.address", one_line_address(restaurant.address)},
      {"restaurant.phone", restaurant.contact.phone},
      {"restaurant.email", restaurant.contact.email},
      {"booking.date", when.date},
      {"booking.time", when.time},
      {"booking.people", std::to_string(booking.people)},
      {"booking.id", booking.id},
      {"booking.manageUrl", std::string(manage_url)},
  };
}

std::string mail_template_key(MailKind kind, std::string_view language, MailPart part) {
  return std::string(mail_kind_name(kind)) + "." + std::string(language) + "." + std::string(mail_part_name(part));
}

std::string mail_template_for(const Restaurant& restaurant, MailKind kind, std::string_view language, MailPart part) {
  const auto& overrides = restaurant.guest_mail.templates;
  if (auto found = overrides.find(mail_template_key(kind, language, part)); found != overrides.end()) {
    return found->second;
  }
  if (part == MailPart::html) {
    auto text = overrides.find(mail_template_key(kind, language, MailPart::text));
    if (text != overrides.end()) return html_from_text_template(text->second);
  }
  return default_mail_template(kind, language, part);
}

MailContent compose_guest_mail(const Restaurant& restaurant, const Booking& booking, MailKind kind,
                               std::string_view language, std::string_view manage_url) {
  const auto values = mail_values(restaurant, booking, language, manage_url);
  auto render = [&](MailPart part, MailEscape escape) {
    return render_mail_template(mail_template_for(restaurant, kind, language, part), values, escape);
  };
  return {single_line(render(MailPart::subject, MailEscape::none)), render(MailPart::text, MailEscape::none),
          render(MailPart::html, MailEscape::html)};
}

InviteFacts booking_invite_facts(const Restaurant& restaurant, const Booking& booking, core::SystemTime stamp) {
  InviteFacts invite;
  invite.uid = booking.id + "@maitred";
  invite.start = booking.date_time;
  invite.end = booking.date_time + std::chrono::minutes{booking.duration};
  invite.stamp = stamp;
  invite.summary = restaurant.name;
  invite.location = one_line_address(restaurant.address);
  invite.organizer_name = restaurant.name;
  return invite;
}

void check_mail_templates(const GuestMailSettings& settings) {
  for (const auto& [key, text] : settings.templates) {
    if (auto error = check_mail_template(text)) {
      const auto field = "emailTemplates." + key;
      throw InvalidInput("invalid_template", field,
                         "The template " + field + " is broken at character " + std::to_string(error->position) + ": " +
                             error->message + ".");
    }
  }
}

}  // namespace maitred::domain
