#pragma once
// A guest e-mail as the bytes SMTP carries (RFC 5322 + MIME):
//
//   multipart/mixed
//     multipart/alternative
//       text/plain; charset=utf-8      (base64)
//       text/html; charset=utf-8       (base64)
//     text/calendar; method=REQUEST    (invite.ics, base64)
//
// Base64 for every part: the lines stay short and 7-bit whatever the
// template holds, and every mail client decodes it.

#include <string>
#include <string_view>

#include "core/clock.hpp"

namespace maitred::domain {

struct MailAddress {
  std::string name;  // may be empty or non-ASCII
  std::string address;
};

struct MimeMail {
  MailAddress from;
  MailAddress to;
  std::string subject;
  std::string text;
  std::string html;
  std::string ics;         // empty: no attachment
  std::string ics_method;  // REQUEST or CANCEL
  core::SystemTime date;
  std::string message_id;  // without angle brackets: "<id>@maitred"
};

// CRLF line ends throughout.
std::string build_mime_message(const MimeMail& mail);

// RFC 2047: `text` unchanged when it is printable ASCII, else
// "=?UTF-8?B?...?=" words short enough for a header line.
std::string encode_header_text(std::string_view text);

// "Name <address>" with the name encoded (or quoted) as needed.
std::string format_address(const MailAddress& address);

// RFC 5322 date: "Fri, 18 Dec 2026 18:30:00 +0000".
std::string format_mail_date(core::SystemTime instant);

// Whether `address` is something we may put in a header: one local@domain,
// no spaces, no control characters, no angle brackets.
bool is_plain_mail_address(std::string_view address);

}  // namespace maitred::domain
