#pragma once
// The webhook use cases: endpoints (create with a secret shown once, update,
// delete, rotate the secret), a test ping, a manual retry, and the delivery
// log. Each write owns its transaction and records its event
// (webhook.created, webhook.updated, webhook.deleted,
// webhook.secret_rotated) through app::DocumentWrites / record_event.
// Sending is not done here: a write queues a delivery row, the sender
// (delivery/webhook_sender.hpp) sends it.

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "app/document_writes.hpp"
#include "core/clock.hpp"
#include "domain/event.hpp"
#include "domain/webhook_endpoint.hpp"
#include "store/store.hpp"

namespace maitred::app {

// The server's webhook settings, shared by the handlers and the sender.
struct WebhookOptions {
  // serve --webhook-allow-private: loopback, private and link-local
  // receivers allowed (tests, on-premise systems).
  bool allow_private_addresses = false;
  // Asks the sender to look for due deliveries now (a ping or a retry was
  // queued); empty where nothing sends (tests of the use cases).
  std::function<void()> wake_sender;
};

// How long a rotated-out secret keeps signing beside the new one.
inline constexpr std::chrono::hours kWebhookSecretOverlap{24};

// "whsec_" and the base64 of 32 random bytes.
std::string new_webhook_secret();

// The webhook-id of an event's delivery to an endpoint: the same on every
// attempt, after a restart too.
std::string webhook_message_id(std::string_view event_id, std::string_view endpoint_id);

struct CreatedWebhook {
  domain::WebhookEndpoint endpoint;
  std::string secret;  // answered once, never again
};

struct WebhookDeliveryRecord {
  store::WebhookDelivery delivery;
  std::vector<store::WebhookAttempt> attempts;
};

class WebhookService {
 public:
  WebhookService(store::Store& store, const core::Clock& clock, std::string restaurant_id, domain::Actor actor,
                 const WebhookOptions& options);

  // `draft`: url, events, description, enabled as the caller sent them.
  // InvalidInput for a bad one; IllegalOperation past kMaxWebhookEndpoints.
  CreatedWebhook create(domain::WebhookEndpoint draft);
  // `change` applies the request to the stored endpoint inside the
  // transaction; the result is checked like a create. Enabling clears the
  // reason the server disabled it for.
  domain::WebhookEndpoint update(std::string_view id, const std::function<void(domain::WebhookEndpoint&)>& change);
  // The endpoint with its secrets, deliveries and attempts.
  void remove(std::string_view id);
  // A new secret (returned, shown once); the current one signs beside it for
  // kWebhookSecretOverlap.
  std::string rotate_secret(std::string_view id);
  // Queues a `ping` to the endpoint; returns the delivery's id.
  std::string send_test(std::string_view id);
  // Makes a delivery due now again (IllegalOperation while the endpoint is
  // disabled).
  void retry(std::string_view endpoint_id, std::string_view delivery_id);

  std::vector<domain::WebhookEndpoint> list();
  domain::WebhookEndpoint get(std::string_view id);  // NotFound
  // The endpoint's deliveries, newest first, each with its attempts.
  std::vector<WebhookDeliveryRecord> deliveries(std::string_view endpoint_id, std::size_t skip, std::size_t limit);

 private:
  domain::WebhookEndpoint load(std::string_view id);
  void wake();

  store::Store& store_;
  const core::Clock& clock_;
  std::string restaurant_id_;
  domain::Actor actor_;
  const WebhookOptions& options_;
  DocumentWrites writes_;
};

// The endpoints of a restaurant (for the fan-out).
std::vector<domain::WebhookEndpoint> load_webhook_endpoints(store::Store& store, const std::string& restaurant_id);

}  // namespace maitred::app
