#include "domain/mail_defaults.hpp"

#include <array>

#include "domain/mail_template.hpp"

namespace maitred::domain {

namespace {

struct Wording {
  std::string_view greeting;
  std::array<std::string_view, 5> subjects;  // by MailKind
  std::array<std::string_view, 5> sentences;
  std::string_view manage;  // the manage link's line; not in a cancellation
  std::string_view closing;
};

const Wording kEnglish{
    "Dear {{guest.name}},",
    {"Your booking request at {{restaurant.name}}", "Your booking at {{restaurant.name}} is confirmed",
     "Your booking at {{restaurant.name}} has changed", "Your booking at {{restaurant.name}} is canceled",
     "See you soon at {{restaurant.name}}"},
    {"Thank you for your booking request for {{booking.people}} people on {{booking.date}} at {{booking.time}}. "
     "We will let you know as soon as it is confirmed.",
     "Your table for {{booking.people}} people on {{booking.date}} at {{booking.time}} is confirmed. "
     "We look forward to seeing you.",
     "Your booking has changed. It is now for {{booking.people}} people on {{booking.date}} at {{booking.time}}.",
     "Your booking for {{booking.people}} people on {{booking.date}} at {{booking.time}} is canceled.",
     "A reminder of your booking for {{booking.people}} people on {{booking.date}} at {{booking.time}}."},
    "Change or cancel: {{booking.manageUrl}}",
    "Kind regards,"};

const Wording kDanish{
    "Kære {{guest.name}}",
    {"Din bookingforespørgsel hos {{restaurant.name}}", "Din booking hos {{restaurant.name}} er bekræftet",
     "Din booking hos {{restaurant.name}} er ændret", "Din booking hos {{restaurant.name}} er aflyst",
     "Vi ses snart hos {{restaurant.name}}"},
    {"Tak for din forespørgsel om et bord til {{booking.people}} personer {{booking.date}} kl. {{booking.time}}. "
     "Du hører fra os, så snart den er bekræftet.",
     "Dit bord til {{booking.people}} personer {{booking.date}} kl. {{booking.time}} er bekræftet. "
     "Vi glæder os til at se dig.",
     "Din booking er ændret. Den gælder nu {{booking.people}} personer {{booking.date}} kl. {{booking.time}}.",
     "Din booking til {{booking.people}} personer {{booking.date}} kl. {{booking.time}} er aflyst.",
     "En påmindelse om din booking til {{booking.people}} personer {{booking.date}} kl. {{booking.time}}."},
    "Ændr eller aflys: {{booking.manageUrl}}",
    "Venlig hilsen"};

const Wording kGerman{
    "Guten Tag {{guest.name}},",
    {"Ihre Reservierungsanfrage bei {{restaurant.name}}", "Ihre Reservierung bei {{restaurant.name}} ist bestätigt",
     "Ihre Reservierung bei {{restaurant.name}} wurde geändert",
     "Ihre Reservierung bei {{restaurant.name}} wurde storniert", "Bis bald bei {{restaurant.name}}"},
    {"Vielen Dank für Ihre Anfrage für {{booking.people}} Personen am {{booking.date}} um {{booking.time}} Uhr. "
     "Wir melden uns, sobald sie bestätigt ist.",
     "Ihr Tisch für {{booking.people}} Personen am {{booking.date}} um {{booking.time}} Uhr ist bestätigt. "
     "Wir freuen uns auf Ihren Besuch.",
     "Ihre Reservierung wurde geändert. Sie gilt jetzt für {{booking.people}} Personen am {{booking.date}} um "
     "{{booking.time}} Uhr.",
     "Ihre Reservierung für {{booking.people}} Personen am {{booking.date}} um {{booking.time}} Uhr wurde storniert.",
     "Eine Erinnerung an Ihre Reservierung für {{booking.people}} Personen am {{booking.date}} um {{booking.time}} "
     "Uhr."},
    "Ändern oder stornieren: {{booking.manageUrl}}",
    "Mit freundlichen Grüßen"};

const Wording& wording(std::string_view language) {
  if (language == "da") return kDanish;
  if (language == "de") return kGerman;
  return kEnglish;
}

}  // namespace

std::string_view mail_part_name(MailPart part) {
  switch (part) {
    case MailPart::subject: return "subject";
    case MailPart::text: return "text";
    case MailPart::html: return "html";
  }
  return "text";
}

std::string default_mail_template(MailKind kind, std::string_view language, MailPart part) {
  const auto& w = wording(language);
  const auto k = static_cast<std::size_t>(kind);
  if (part == MailPart::subject) return std::string(w.subjects[k]);
  std::string text = std::string(w.greeting) + "\n\n" + std::string(w.sentences[k]) + "\n\n";
  if (kind != MailKind::canceled) text += std::string(w.manage) + "\n\n";
  text += std::string(w.closing) + "\n{{restaurant.name}}\n{{restaurant.address}}\n{{restaurant.phone}}\n";
  return part == MailPart::text ? text : html_from_text_template(text);
}

std::string html_from_text_template(std::string_view text) {
  std::string body = "<p>";
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '\n') {
      body += escape_html(text.substr(i, 1));
    } else if (i + 1 < text.size() && text[i + 1] == '\n') {
      body += "</p>\n<p>";
      while (i + 1 < text.size() && text[i + 1] == '\n') ++i;
    } else if (i + 1 < text.size()) {
      body += "<br>\n";
    }
  }
  body += "</p>";
  return "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"></head><body>\n" + body + "\n</body></html>\n";
}

}  // namespace maitred::domain
