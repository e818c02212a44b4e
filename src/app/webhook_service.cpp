#include "app/webhook_service.hpp"

#include <array>

#include "app/record_event.hpp"
#include "core/crypto.hpp"
#include "core/ids.hpp"
#include "domain/errors.hpp"
#include "domain/webhook_signature.hpp"
#include "json/webhook_codec.hpp"
#include "store/corrupt_document.hpp"

namespace maitred::app {

namespace {

constexpr auto kCollection = store::Collection::webhooks;

domain::WebhookEndpoint decode(const store::Document& stored) {
  return store::decode_document("webhook endpoint", stored.id,
                                [&] { return json::webhook_endpoint_from_stored(stored.json); });
}

store::DocumentWrite write_of(const domain::WebhookEndpoint& endpoint) {
  return {kCollection, {}, endpoint.id, json::webhook_endpoint_to_json(endpoint), std::nullopt, false, {}};
}

[[noreturn]] void no_endpoint(std::string_view id) {
  throw domain::NotFound("not_found", "_id", "There is no webhook endpoint with id '" + std::string(id) + "'.");
}

}  // namespace

std::string new_webhook_secret() {
  std::array<unsigned char, 32> bytes{};
  core::random_bytes(bytes);
  return std::string(domain::kWebhookSecretPrefix) +
         core::base64_encode(std::string_view(reinterpret_cast<const char*>(bytes.data()), bytes.size()));
}

std::string webhook_message_id(std::string_view event_id, std::string_view endpoint_id) {
  return "msg_" + std::string(event_id) + "_" + std::string(endpoint_id);
}

std::vector<domain::WebhookEndpoint> load_webhook_endpoints(store::Store& store, const std::string& restaurant_id) {
  std::vector<domain::WebhookEndpoint> endpoints;
  for (const auto& stored : store.documents().list_documents(kCollection, restaurant_id, false)) {
    endpoints.push_back(decode(stored));
  }
  return endpoints;
}

WebhookService::WebhookService(store::Store& store, const core::Clock& clock, std::string restaurant_id,
                               domain::Actor actor, const WebhookOptions& options)
    : store_(store),
      clock_(clock),
      restaurant_id_(std::move(restaurant_id)),
      actor_(std::move(actor)),
      options_(options),
      writes_(store, clock, restaurant_id_, actor_) {}

domain::WebhookEndpoint WebhookService::load(std::string_view id) {
  std::optional<store::Document> stored;
  if (core::is_valid_id(id)) stored = store_.documents().find_document(kCollection, restaurant_id_, id);
  if (!stored || stored->deleted) no_endpoint(id);
  return decode(*stored);
}

void WebhookService::wake() {
  if (options_.wake_sender) options_.wake_sender();
}

CreatedWebhook WebhookService::create(domain::WebhookEndpoint draft) {
  draft.id = core::new_id();
  draft.created_at = draft.updated_at = clock_.now();
  draft.disabled_reason.clear();
  domain::check_webhook_endpoint(draft, options_.allow_private_addresses);
  CreatedWebhook created{std::move(draft), new_webhook_secret()};
  writes_.atomically([&] {
    if (store_.documents().list_documents(kCollection, restaurant_id_, false).size() >= domain::kMaxWebhookEndpoints) {
      throw domain::IllegalOperation("limit_reached", "",
                                     "A restaurant can have at most 20 webhook endpoints; delete one first.");
    }
    writes_.create(write_of(created.endpoint));
    store_.webhooks().add_webhook_secret(restaurant_id_, created.endpoint.id, created.secret, clock_.now());
  });
  return created;
}

domain::WebhookEndpoint WebhookService::update(std::string_view id,
                                               const std::function<void(domain::WebhookEndpoint&)>& change) {
  domain::WebhookEndpoint endpoint;
  writes_.atomically([&] {
    endpoint = load(id);
    const auto before = json::webhook_endpoint_to_json(endpoint);
    change(endpoint);
    if (endpoint.enabled) endpoint.disabled_reason.clear();
    domain::check_webhook_endpoint(endpoint, options_.allow_private_addresses);
    if (json::webhook_endpoint_to_json(endpoint) == before) return;  // nothing changed: no write, no event
    endpoint.updated_at = clock_.now();
    writes_.update(write_of(endpoint), before);
  });
  return endpoint;
}

void WebhookService::remove(std::string_view id) {
  writes_.atomically([&] {
    const auto endpoint = load(id);
    writes_.erase(kCollection, endpoint.id);
    store_.webhooks().erase_webhook_data(restaurant_id_, endpoint.id);
  });
}

std::string WebhookService::rotate_secret(std::string_view id) {
  auto secret = new_webhook_secret();
  writes_.atomically([&] {
    const auto endpoint = load(id);
    const auto now = clock_.now();
    store_.webhooks().expire_webhook_secrets(restaurant_id_, endpoint.id, now + kWebhookSecretOverlap);
    store_.webhooks().add_webhook_secret(restaurant_id_, endpoint.id, secret, now);
    record_event({store_, clock_, actor_, restaurant_id_}, "webhook.secret_rotated", endpoint.id);
  });
  return secret;
}

std::string WebhookService::send_test(std::string_view id) {
  store::WebhookDelivery ping;
  writes_.atomically([&] {
    const auto endpoint = load(id);
    if (!endpoint.enabled) {
      throw domain::IllegalOperation("endpoint_disabled", "enabled",
                                     "This endpoint is disabled; enable it (PUT with enabled: true) first.");
    }
    const auto now = clock_.now();
    ping.id = core::new_id();
    ping.restaurant_id = restaurant_id_;
    ping.endpoint_id = endpoint.id;
    ping.event_id = "ping_" + ping.id;
    ping.message_id = webhook_message_id(ping.event_id, endpoint.id);
    ping.event_type = "ping";
    ping.event_at = now;
    ping.resource_id = endpoint.id;
    ping.next_attempt_at = now;
    ping.created_at = now;
    store_.webhooks().insert_webhook_delivery(ping);
  });
  wake();
  return ping.id;
}

void WebhookService::retry(std::string_view endpoint_id, std::string_view delivery_id) {
  writes_.atomically([&] {
    const auto endpoint = load(endpoint_id);
    auto delivery = store_.webhooks().find_webhook_delivery(restaurant_id_, endpoint.id, delivery_id);
    if (!delivery) {
      throw domain::NotFound("not_found", "deliveryId",
                             "There is no delivery with id '" + std::string(delivery_id) + "' for this endpoint.");
    }
    if (!endpoint.enabled) {
      throw domain::IllegalOperation("endpoint_disabled", "enabled",
                                     "This endpoint is disabled; enable it (PUT with enabled: true) first.");
    }
    store_.webhooks().reschedule_webhook_delivery(delivery->id, clock_.now());
  });
  wake();
}

std::vector<domain::WebhookEndpoint> WebhookService::list() {
  return load_webhook_endpoints(store_, restaurant_id_);
}

domain::WebhookEndpoint WebhookService::get(std::string_view id) {
  return load(id);
}

std::vector<WebhookDeliveryRecord> WebhookService::deliveries(std::string_view endpoint_id, std::size_t skip,
                                                              std::size_t limit) {
  const auto endpoint = load(endpoint_id);
  std::vector<WebhookDeliveryRecord> records;
  for (auto& delivery : store_.webhooks().list_webhook_deliveries(restaurant_id_, endpoint.id, skip, limit)) {
    auto attempts = store_.webhooks().webhook_attempts(delivery.id);
    records.push_back({std::move(delivery), std::move(attempts)});
  }
  return records;
}

}  // namespace maitred::app
