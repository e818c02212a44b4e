#pragma once
// Queuing guest e-mails: what a committed booking event means for the guest
// (domain/guest_mail.hpp decides), and the reminders that have come due.
// Both only add guest_messages rows; the sender (delivery/guest_mail_sender)
// sends them on its own thread. Both are idempotent (each row has a
// dedupe key), so an outbox consumer that redelivers after a crash, or two
// reminder scans, queue nothing twice.

#include <cstddef>

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

// For the guest-mail outbox consumer: call inside the atomically() body
// that advances its cursor past `event`. True when a message was queued.
bool queue_guest_mail_for_event(store::Store& store, const core::Clock& clock, const domain::Restaurant& restaurant,
                                const domain::Event& event, const GuestMailOptions& options = {});

// Queues the reminder of each booking of `restaurant` whose reminder time
// (restaurant setting reminderHours) has come and whose start has not.
// Returns how many were queued.
std::size_t queue_due_reminders(store::Store& store, const core::Clock& clock, const domain::Restaurant& restaurant,
                                const GuestMailOptions& options = {});

}  // namespace maitred::app
