#pragma once
// Which e-mail a guest gets for a booking change, and when a reminder is due.
// Pure decisions on domain values: the outbox consumer feeds them the event
// (its type and changed fields, decoded by json/) and the booking as it is
// now, and queues what they answer.

#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "core/clock.hpp"
#include "domain/booking.hpp"

namespace maitred::domain {

enum class MailKind { requested, confirmed, changed, canceled, reminder };

// "requested", "confirmed", "changed", "canceled", "reminder": the names the
// messages endpoint, the settings (emailTemplates) and the store use.
std::string_view mail_kind_name(MailKind kind);
std::optional<MailKind> mail_kind_from_name(std::string_view name);
std::span<const MailKind> mail_kinds();

// Whether this booking's guest may be e-mailed at all: an address, the
// guest's consent (notificationEmail), and not an imported booking unless
// the import asked for e-mails (imported bookings happened elsewhere; their
// guests were told there).
bool may_email_guest(const Booking& booking, bool include_imports = false);

// What one booking event means for the guest, given the booking after it.
// `changed_fields`: the event's changed field names ("date", "time",
// "people", "status", ...); `old_status`: the status before, for
// status changes (empty otherwise).
struct BookingEventFacts {
  std::string_view type;  // booking.created, booking.updated, booking.status_changed, ...
  std::span<const std::string> changed_fields;
  std::string_view old_status;
};
std::optional<MailKind> mail_for_event(const BookingEventFacts& event, const Booking& now);

// When the reminder of `booking` is due: `hours` before its start. None when
// reminders are off (hours 0), the booking is not confirmed, or it was made
// later than that before its start (the guest just booked; a reminder would
// arrive at once and say nothing new).
std::optional<core::SystemTime> reminder_due(const Booking& booking, int hours);

// How long to wait after the `attempts_made`-th attempt failed for a
// temporary reason (4xx, no connection): 1 min, 5 min, 30 min, 2 h, 6 h;
// none after the sixth attempt (the message has then been tried for about
// 8.5 hours and is given up).
std::optional<std::chrono::minutes> mail_retry_delay(int attempts_made);

// Whether a message of `kind` changes the guest's calendar entry (and so
// bumps the .ics SEQUENCE): everything but the reminder.
bool updates_calendar(MailKind kind);

}  // namespace maitred::domain
