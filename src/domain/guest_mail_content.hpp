#pragma once
// The words of one guest e-mail: subject, plain text and HTML, from the
// restaurant's templates (or the built-in ones) and the booking's values.

#include <string>
#include <string_view>

#include "domain/booking.hpp"
#include "domain/guest_mail.hpp"
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
// the restaurant's clock. `manage_url` is empty until guests have a page of
// their own to manage a booking.
MailValues mail_values(const Restaurant& restaurant, const Booking& booking, std::string_view language,
                       std::string_view manage_url = {});

// The template a restaurant uses for `part`: its override, else the default.
// An overridden text without an overridden HTML yields HTML made from that text.
std::string mail_template_for(const Restaurant& restaurant, MailKind kind, std::string_view language, MailPart part);

MailContent compose_guest_mail(const Restaurant& restaurant, const Booking& booking, MailKind kind,
                               std::string_view language);

// "confirmed.da.subject": the key of GuestMailSettings::templates.
std::string mail_template_key(MailKind kind, std::string_view language, MailPart part);

// Every override in `settings` checked: throws InvalidInput naming
// "emailTemplates.<kind>.<language>.<part>" and the character position.
void check_mail_templates(const GuestMailSettings& settings);

}  // namespace maitred::domain
