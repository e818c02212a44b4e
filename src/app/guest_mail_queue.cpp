#include "app/guest_mail_queue.hpp"

#include "core/ids.hpp"
#include "core/time_format.hpp"
#include "domain/guest_mail.hpp"
#include "domain/guest_message.hpp"
#include "domain/mail_locale.hpp"
#include "store/store.hpp"

namespace maitred::app {

namespace {

// The .ics SEQUENCE: how many calendar-changing messages went before. A
// reminder repeats the current version rather than making a new one.
int calendar_sequence(store::Store& store, const domain::Booking& booking, domain::MailKind kind) {
  int before = 0;
  for (const auto& m : store.guest_messages().list_guest_messages(booking.restaurant_id, booking.id)) {
    auto k = domain::mail_kind_from_name(m.kind);
    if (k && domain::updates_calendar(*k)) ++before;
  }
  if (domain::updates_calendar(kind)) return before;
  return before > 0 ? before - 1 : 0;
}

bool queue(store::Store& store, const core::Clock& clock, const domain::Restaurant& restaurant,
           const domain::Booking& booking, domain::MailKind kind, std::string dedupe_key) {
  domain::GuestMessage m;
  m.id = core::new_id();
  m.restaurant_id = restaurant.id;
  m.booking_id = booking.id;
  m.kind = domain::mail_kind_name(kind);
  m.language = domain::mail_language(booking.language_code, restaurant.language);
  m.to_address = booking.guest.email;
  m.created_at = clock.now();
  m.next_attempt_at = m.created_at;
  m.dedupe_key = std::move(dedupe_key);
  bool added = false;
  store.atomically([&] {
    m.sequence = calendar_sequence(store, booking, kind);
    added = store.guest_messages().queue_guest_message(m);
  });
  return added;
}

}  // namespace

bool queue_guest_mail_for_event(store::Store& store, const core::Clock& clock, const domain::Restaurant& restaurant,
                                const BookingEventInput& input, const GuestMailOptions& options) {
  const auto& event = input.event;
  if (domain::resource_type_of(event.type) != "booking") return false;
  const auto booking = store.bookings().find_booking(restaurant.id, event.resource_id);
  if (!booking || !domain::may_email_guest(*booking, options.include_imports)) return false;
  const auto kind = domain::mail_for_event({event.type, input.changed_fields, input.old_status}, *booking);
  if (!kind) return false;
  return queue(store, clock, restaurant, *booking, *kind, "event:" + event.id);
}

std::size_t queue_due_reminders(store::Store& store, const core::Clock& clock, const domain::Restaurant& restaurant,
                                const GuestMailOptions& options) {
  const int hours = restaurant.guest_mail.reminder_hours;
  if (hours <= 0) return 0;
  const auto now = clock.now();
  std::size_t queued = 0;
  // Through now + hours itself: a booking starting exactly then is due now
  // (the store's range is half-open, and whole seconds).
  const auto until = now + std::chrono::hours{hours} + std::chrono::seconds{1};
  for (const auto& booking : store.bookings().bookings_starting_between(restaurant.id, now, until)) {
    if (!domain::may_email_guest(booking, options.include_imports)) continue;
    const auto due = domain::reminder_due(booking, hours);
    if (!due || *due > now) continue;
    // Keyed by the start: a booking moved after its reminder gets a new one.
    const auto key = "reminder:" + booking.id + ":" + core::format_utc(booking.date_time);
    if (queue(store, clock, restaurant, booking, domain::MailKind::reminder, key)) ++queued;
  }
  return queued;
}

}  // namespace maitred::app
