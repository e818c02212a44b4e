#pragma once
// The calendar invitation attached to a guest e-mail (RFC 5545, with the
// iTIP methods of RFC 5546), so the booking lands in the guest's calendar
// and later e-mails update or remove that same entry: the UID stays the
// booking's, the SEQUENCE grows with each change.

#include <string>
#include <string_view>

#include "core/clock.hpp"

namespace maitred::domain {

struct InviteFacts {
  std::string uid;  // stable per booking: "<bookingId>@maitred"
  int sequence = 0;
  bool cancel = false;  // METHOD:CANCEL and STATUS:CANCELLED
  // METHOD:PUBLISH: a calendar entry to import (a download), not an
  // invitation sent by e-mail; with `cancel`, only STATUS:CANCELLED.
  bool publish = false;
  core::SystemTime start;
  core::SystemTime end;
  core::SystemTime stamp;  // when this version was made (DTSTAMP)
  std::string summary;
  std::string location;
  std::string description;
  std::string organizer_name;
  std::string organizer_email;  // empty: no ORGANIZER line
  std::string attendee_name;
  std::string attendee_email;
};

// The whole VCALENDAR: CRLF line ends, lines folded at 75 octets, times in UTC.
std::string ics_invite(const InviteFacts& facts);

// TEXT value escaping: backslash, semicolon, comma and line breaks.
std::string ics_escape_text(std::string_view text);

// One content line folded at 75 octets (never inside a UTF-8 character),
// continuation lines starting with a space, each ended by CRLF.
std::string ics_fold(std::string_view line);

// 20261218T183000Z
std::string ics_utc(core::SystemTime instant);

}  // namespace maitred::domain
