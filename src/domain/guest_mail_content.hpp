#pragma once
// The words of one guest e-mail: subject, plain text and HTML, from the
// restaurant's templates (or the built-in ones) and the booking's values.

#include <string>
#include <string_view>

#include "domain/booking.hpp"
#include "domain/guest_mail.hpp"
#include "domain/ics_invite.hpp"
#include "domain/mail_defaults.hpp"
#include "domain/mail_template.hpp"
#include "domain/restaurant.hpp"

namespace maitred::domain {

struct MailContent {
  std::string subject;
  std::string text;
  std::string html;
};

// The placeholder values for `booking` in `language`, its date and time on
// the restaurant's clock. `manage_url`: the guest's manage link (empty in
// a cancellation, which has nothing left to manage).
MailValues mail_values(const Restaurant& restaurant, const Booking& booking, std::string_view language,
                       std::string_view manage_url = {});

// The template a restaurant uses for `part`: its override, else the default.
// An overridden text without an overridden HTML yields HTML made from that text.
std::string mail_template_for(const Restaurant& restaurant, MailKind kind, std::string_view language, MailPart part);

MailContent compose_guest_mail(const Restaurant& restaurant, const Booking& booking, MailKind kind,
                               std::string_view language, std::string_view manage_url = {});

// The calendar entry of `booking` (domain/ics_invite.hpp) as both the
// e-mails' attachment and the guest's download start from it: UID, start,
// end, the restaurant as summary and location, `stamp` as DTSTAMP. Callers
// add what differs (method, sequence, organizer and attendee addresses).
InviteFacts booking_invite_facts(const Restaurant& restaurant, const Booking& booking, core::SystemTime stamp);

// "confirmed.da.subject": the key of GuestMailSettings::templates.
std::string mail_template_key(MailKind kind, std::string_view language, MailPart part);

// Every override in `settings` checked: throws InvalidInput naming
// "emailTemplates.<kind>.<language>.<part>" and the character position.
void check_mail_templates(const GuestMailSettings& settings);

}  // namespace maitred::domain
