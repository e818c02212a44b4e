#pragma once
// Queuing guest e-mails: what a committed booking event means for the guest
// (domain/guest_mail.hpp decides), and the reminders that have come due.
// Both only add guest_messages rows; the sender (delivery/guest_mail_sender)
// sends them on its own thread. Both are idempotent (each row has a
// dedupe key), so an outbox consumer that redelivers after a crash, or two
// reminder scans, queue nothing twice.

#include <cstddef>
#include <span>
#include <string>
#include <string_view>

#include "core/clock.hpp"
#include "domain/event.hpp"
#include "domain/restaurant.hpp"

namespace maitred::store {
class Store;
}

namespace maitred::app {

struct GuestMailOptions {
  bool include_imports = false;  // e-mail the guests of imported bookings too
};

// A committed booking event as the decision needs it: the event's changed
// fields and the status before, read from its changes by the caller
// (json::read_booking_event_changes), so no JSON comes in here.
struct BookingEventInput {
  const domain::Event& event;
  std::span<const std::string> changed_fields;
  std::string_view old_status;
};

// For the guest-mail outbox consumer: call inside the atomically() body
// that advances its cursor past the event. True when a message was queued.
bool queue_guest_mail_for_event(store::Store& store, const core::Clock& clock, const domain::Restaurant& restaurant,
                                const BookingEventInput& input, const GuestMailOptions& options = {});

// Queues the reminder of each booking of `restaurant` whose reminder time
// (restaurant setting reminderHours) has come and whose start has not.
// Returns how many were queued.
std::size_t queue_due_reminders(store::Store& store, const core::Clock& clock, const domain::Restaurant& restaurant,
                                const GuestMailOptions& options = {});

}  // namespace maitred::app
