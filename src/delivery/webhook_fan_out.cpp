#include "delivery/webhook_fan_out.hpp"

#include "app/webhook_service.hpp"
#include "core/ids.hpp"

namespace maitred::delivery {

std::size_t queue_webhook_deliveries(store::Store& store, const core::Clock& clock,
                                     const std::vector<domain::Event>& events) {
  if (events.empty()) return 0;
  const auto endpoints = app::load_webhook_endpoints(store, events.front().restaurant_id);
  if (endpoints.empty()) return 0;
  const auto now = clock.now();
  std::size_t queued = 0;
  for (const auto& event : events) {
    for (const auto& endpoint : endpoints) {
      if (!domain::webhook_subscribes(endpoint, event.type)) continue;
      store::WebhookDelivery d;
      d.id = core::new_id();
      d.restaurant_id = event.restaurant_id;
      d.endpoint_id = endpoint.id;
      d.message_id = app::webhook_message_id(event.id, endpoint.id);
      d.event_id = event.id;
      d.event_sequence = event.sequence;
      d.event_type = event.type;
      d.event_at = event.at;
      d.resource_id = event.resource_id;
      d.changes_json = event.changes_json;
      d.next_attempt_at = now;
      d.created_at = now;
      if (store.webhooks().insert_webhook_delivery(d)) ++queued;
    }
  }
  return queued;
}

}  // namespace maitred::delivery
