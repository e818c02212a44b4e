#include "domain/mime_message.hpp"

#include <date/date.h>

#include "core/crypto.hpp"

namespace maitred::domain {

namespace {

bool is_printable_ascii(std::string_view text) {
  for (char c : text) {
    auto u = static_cast<unsigned char>(c);
    if (u < 0x20 || u > 0x7E) return false;
  }
  return true;
}

// base64 in lines of 76 characters (RFC 2045).
std::string base64_lines(std::string_view data) {
  const auto encoded = core::base64_encode(data);
  std::string out;
  for (std::size_t i = 0; i < encoded.size(); i += 76) {
    out.append(encoded, i, 76);
    out += "\r\n";
  }
  return out;
}

std::string part(std::string_view content_type, std::string_view body, std::string_view extra_headers = {}) {
  std::string out = "Content-Type: " + std::string(content_type) + "\r\nContent-Transfer-Encoding: base64\r\n";
  out += extra_headers;
  out += "\r\n" + base64_lines(body);
  return out;
}

// Boundaries come from the Message-ID: unique per message, and base64 and
// base64url never contain "=_", so no encoded line can look like one.
std::string boundary(std::string_view message_id, std::string_view which) {
  return "=_maitred_" + std::string(which) + "_" + core::base64_encode(message_id).substr(0, 24);
}

}  // namespace

std::string encode_header_text(std::string_view text) {
  if (is_printable_ascii(text)) return std::string(text);
  // Each encoded word holds at most 45 bytes (60 base64 characters), split
  // between UTF-8 characters, so lines stay under 78 characters.
  std::string out;
  while (!text.empty()) {
    std::size_t take = std::min<std::size_t>(45, text.size());
    while (take < text.size() && take > 0 && (static_cast<unsigned char>(text[take]) & 0xC0) == 0x80) --take;
    if (!out.empty()) out += "\r\n ";
    out += "=?UTF-8?B?" + core::base64_encode(text.substr(0, take)) + "?=";
    text.remove_prefix(take);
  }
  return out;
}

std::string format_address(const MailAddress& a) {
  if (a.name.empty()) return "<" + a.address + ">";
  if (!is_printable_ascii(a.name)) return encode_header_text(a.name) + " <" + a.address + ">";
  std::string quoted = "\"";
  for (char c : a.name) {
    if (c == '"' || c == '\\') quoted += '\\';
    quoted += c;
  }
  return quoted + "\" <" + a.address + ">";
}

std::string format_mail_date(core::SystemTime instant) {
  return date::format("%a, %d %b %Y %H:%M:%S +0000", std::chrono::floor<std::chrono::seconds>(instant));
}

bool is_plain_mail_address(std::string_view address) {
  const auto at = address.find('@');
  if (at == std::string_view::npos || at == 0 || at + 1 >= address.size()) return false;
  if (address.find('@', at + 1) != std::string_view::npos) return false;
  for (char c : address) {
    auto u = static_cast<unsigned char>(c);
    if (u <= 0x20 || u == 0x7F || c == '<' || c == '>' || c == ',' || c == '"') return false;
  }
  return true;
}

std::string build_mime_message(const MimeMail& m) {
  const auto mixed = boundary(m.message_id, "mixed");
  const auto alternative = boundary(m.message_id, "alt");
  std::string out;
  out += "From: " + format_address(m.from) + "\r\n";
  out += "To: " + format_address(m.to) + "\r\n";
  out += "Subject: " + encode_header_text(m.subject) + "\r\n";
  out += "Date: " + format_mail_date(m.date) + "\r\n";
  out += "Message-ID: <" + m.message_id + ">\r\n";
  out += "MIME-Version: 1.0\r\n";
  out += "Auto-Submitted: auto-generated\r\n";
  out += "Content-Type: multipart/mixed; boundary=\"" + mixed + "\"\r\n\r\n";
  out += "--" + mixed + "\r\n";
  out += "Content-Type: multipart/alternative; boundary=\"" + alternative + "\"\r\n\r\n";
  out += "--" + alternative + "\r\n" + part("text/plain; charset=utf-8", m.text);
  out += "--" + alternative + "\r\n" + part("text/html; charset=utf-8", m.html);
  out += "--" + alternative + "--\r\n";
  if (!m.ics.empty()) {
    out += "--" + mixed + "\r\n" +
           part("text/calendar; charset=utf-8; method=" + m.ics_method + "; name=\"invite.ics\"", m.ics,
                "Content-Disposition: attachment; filename=\"invite.ics\"\r\n");
  }
  out += "--" + mixed + "--\r\n";
  return out;
}

}  // namespace maitred::domain
