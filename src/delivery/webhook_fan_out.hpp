#pragma once
// The fan-out of the "webhooks" outbox consumer (delivery/outbox_consumer.hpp):
// one delivery row per event and enabled endpoint of its restaurant that
// subscribes to its type, due at once. It runs inside the consumer's
// transaction, so the rows and the cursor move commit together: an event is
// queued for each endpoint exactly once, crash or not.

#include <cstddef>
#include <vector>

#include "core/clock.hpp"
#include "domain/event.hpp"
#include "store/store.hpp"

namespace maitred::delivery {

inline constexpr const char* kWebhookConsumer = "webhooks";

// `events`: one restaurant's, in order. Returns how many deliveries it queued.
std::size_t queue_webhook_deliveries(store::Store& store, const core::Clock& clock,
                                     const std::vector<domain::Event>& events);

}  // namespace maitred::delivery
