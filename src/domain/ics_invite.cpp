#include "domain/ics_invite.hpp"

#include <date/date.h>

namespace maitred::domain {

namespace {

bool starts_utf8_character(char c) {
  return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
}

// A parameter value in quotes may hold anything but a quote or a control character.
std::string quoted_parameter(std::string_view value) {
  std::string out = "\"";
  for (char c : value) {
    if (c != '"' && static_cast<unsigned char>(c) >= 0x20) out += c;
  }
  return out + "\"";
}

}  // namespace

std::string ics_escape_text(std::string_view text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '\\' || c == ';' || c == ',') {
      out += '\\';
      out += c;
    } else if (c == '\r') {
      if (i + 1 < text.size() && text[i + 1] == '\n') ++i;
      out += "\\n";
    } else if (c == '\n') {
      out += "\\n";
    } else {
      out += c;
    }
  }
  return out;
}

std::string ics_fold(std::string_view line) {
  std::string out;
  std::size_t limit = 75;  // the first line; continuations lose one octet to the leading space
  while (line.size() > limit) {
    std::size_t cut = limit;
    while (cut > 0 && !starts_utf8_character(line[cut])) --cut;
    out.append(line.substr(0, cut));
    out += "\r\n ";
    line.remove_prefix(cut);
    limit = 74;
  }
  out.append(line);
  out += "\r\n";
  return out;
}

std::string ics_utc(core::SystemTime instant) {
  return date::format("%Y%m%dT%H%M%SZ", std::chrono::floor<std::chrono::seconds>(instant));
}

std::string ics_invite(const InviteFacts& f) {
  std::string out;
  auto line = [&](std::string_view text) { out += ics_fold(text); };
  auto text_property = [&](std::string_view name, std::string_view value) {
    line(std::string(name) + ":" + ics_escape_text(value));
  };
  line("BEGIN:VCALENDAR");
  line("VERSION:2.0");
  line("PRODID:-//maitred//guest e-mail//EN");
  line("CALSCALE:GREGORIAN");
  line(f.publish ? "METHOD:PUBLISH" : f.cancel ? "METHOD:CANCEL" : "METHOD:REQUEST");
  line("BEGIN:VEVENT");
  line("UID:" + f.uid);
  line("SEQUENCE:" + std::to_string(f.sequence));
  line("DTSTAMP:" + ics_utc(f.stamp));
  line("DTSTART:" + ics_utc(f.start));
  line("DTEND:" + ics_utc(f.end));
  text_property("SUMMARY", f.summary);
  if (!f.location.empty()) text_property("LOCATION", f.location);
  if (!f.description.empty()) text_property("DESCRIPTION", f.description);
  const auto organizer_cn = f.organizer_name.empty() ? std::string() : ";CN=" + quoted_parameter(f.organizer_name);
  if (!f.organizer_email.empty()) line("ORGANIZER" + organizer_cn + ":mailto:" + f.organizer_email);
  if (!f.attendee_email.empty()) {
    line("ATTENDEE;CN=" + quoted_parameter(f.attendee_name) +
         ";ROLE=REQ-PARTICIPANT;PARTSTAT=ACCEPTED:mailto:" + f.attendee_email);
  }
  line(f.cancel ? "STATUS:CANCELLED" : "STATUS:CONFIRMED");
  line("TRANSP:OPAQUE");
  line("END:VEVENT");
  line("END:VCALENDAR");
  return out;
}

}  // namespace maitred::domain
