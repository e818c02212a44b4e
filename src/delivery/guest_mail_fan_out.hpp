#pragma once
// The guest-mail outbox consumer's two feeds of the queue:
//
// - fan_out_guest_mail: its fan-out. Given a batch of one restaurant's
//   events (inside the transaction that advances the consumer's cursor), it
//   queues the e-mails they mean (app/guest_mail_queue.hpp), so an e-mail is
//   queued exactly when its change committed and never twice.
// - queue_reminders_everywhere: the periodic reminder scan over every
//   restaurant.
//
// Wiring, once delivery/outbox_consumer.hpp exists (docs/ARCHITECTURE.md
// "Guest e-mails"):
//
//   delivery::OutboxConsumer guest_mail_consumer(store, "guest-mail",
//       [&](const std::vector<domain::Event>& events) { fan_out_guest_mail(store, clock, events); });
//   worker.add_step([&] { guest_mail_consumer.pump(); });
//   worker.add_step([&] { queue_reminders_everywhere(store, clock); });   // throttled to once a minute
//   worker.add_step([&] { sender.send_due(); });

#include <cstddef>
#include <vector>

#include "app/guest_mail_queue.hpp"
#include "core/clock.hpp"
#include "domain/event.hpp"

namespace maitred::store {
class Store;
}

namespace maitred::delivery {

// Returns how many e-mails were queued.
std::size_t fan_out_guest_mail(store::Store& store, const core::Clock& clock, const std::vector<domain::Event>& events,
                               const app::GuestMailOptions& options = {});

// Returns how many reminders were queued. A restaurant whose scan fails is
// logged and skipped (the next scan tries again).
std::size_t queue_reminders_everywhere(store::Store& store, const core::Clock& clock,
                                       const app::GuestMailOptions& options = {});

}  // namespace maitred::delivery
