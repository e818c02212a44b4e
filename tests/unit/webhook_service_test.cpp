// The webhook use cases and the fan-out against a real SQLite store: what a
// create, update, rotation and delete write and record as events, and which
// deliveries the "webhooks" consumer queues for an event.

#include "app/webhook_service.hpp"

#include <gtest/gtest.h>

#include "delivery/outbox_consumer.hpp"
#include "delivery/webhook_fan_out.hpp"
#include "domain/booking_draft.hpp"
#include "domain/errors.hpp"
#include "one_table_restaurant.hpp"

namespace maitred::app {
namespace {

using namespace std::chrono_literals;

class WebhookServiceTest : public OneTableRestaurant {
 protected:
  WebhookService service() { return {store_, clock_, restaurant_.id, {"apiKey", "K1"}, options_}; }
  static domain::WebhookEndpoint draft(std::vector<std::string> events, bool enabled = true) {
    domain::WebhookEndpoint e;
    e.url = "https://hooks.example.com/in";
    e.events = std::move(events);
    e.enabled = enabled;
    return e;
  }
  std::vector<std::string> event_types() {
    std::vector<std::string> types;
    for (const auto& e : store_.read_events({restaurant_.id, 0, 100, {}}).events)
      if (e.type.starts_with("webhook.")) types.push_back(e.type);
    return types;
  }

  WebhookOptions options_;
};

TEST_F(WebhookServiceTest, ACreateStoresTheEndpointAndItsSecretAndRecordsAnEvent) {
  auto created = service().create(draft({"booking.*"}));
  EXPECT_TRUE(created.secret.starts_with("whsec_"));
  EXPECT_EQ(created.secret.size(), 6u + 44u) << "base64 of 32 bytes";
  EXPECT_EQ(store_.webhooks().live_webhook_secrets(restaurant_.id, created.endpoint.id, clock_.now()),
            std::vector<std::string>{created.secret});
  EXPECT_EQ(service().get(created.endpoint.id).url, "https://hooks.example.com/in");
  EXPECT_EQ(event_types(), std::vector<std::string>{"webhook.created"});
}

TEST_F(WebhookServiceTest, AnUpdateThatChangesNothingRecordsNothingAndEnablingClearsTheReason) {
  auto id = service().create(draft({"booking.*"})).endpoint.id;
  service().update(id, [](domain::WebhookEndpoint&) {});
  EXPECT_EQ(event_types(), std::vector<std::string>{"webhook.created"});
  service().update(id, [](domain::WebhookEndpoint& e) {
    e.enabled = false;
    e.disabled_reason = "every attempt failed";
  });
  EXPECT_EQ(service().get(id).disabled_reason, "every attempt failed");
  clock_.advance(1s);
  auto enabled = service().update(id, [](domain::WebhookEndpoint& e) { e.enabled = true; });
  EXPECT_TRUE(enabled.disabled_reason.empty());
  EXPECT_EQ(enabled.updated_at, clock_.now());
  EXPECT_THROW(service().update(id, [](domain::WebhookEndpoint& e) { e.url = "http://10.0.0.1/"; }),
               domain::InvalidInput);
}

TEST_F(WebhookServiceTest, ARotationKeepsTheOldSecretFor24HoursAndADeleteTakesEverything) {
  auto created = service().create(draft({"*"}));
  const auto id = created.endpoint.id;
  const auto fresh = service().rotate_secret(id);
  EXPECT_EQ(store_.webhooks().live_webhook_secrets(restaurant_.id, id, clock_.now() + 1s).size(), 2u);
  EXPECT_EQ(store_.webhooks().live_webhook_secrets(restaurant_.id, id, clock_.now() + 24h),
            std::vector<std::string>{fresh});
  service().send_test(id);
  service().remove(id);
  EXPECT_THROW(service().get(id), domain::NotFound);
  EXPECT_TRUE(store_.webhooks().live_webhook_secrets(restaurant_.id, id, clock_.now()).empty());
  EXPECT_TRUE(store_.webhooks().list_webhook_deliveries(restaurant_.id, id, 0, 10).empty());
  EXPECT_EQ(event_types(), (std::vector<std::string>{"webhook.created", "webhook.secret_rotated", "webhook.deleted"}));
}

TEST_F(WebhookServiceTest, ARestaurantHasAtMost20Endpoints) {
  for (int i = 0; i < 20; ++i) service().create(draft({"*"}));
  EXPECT_THROW(service().create(draft({"*"})), domain::IllegalOperation);
}

TEST_F(WebhookServiceTest, TheFanOutQueuesAnEventForEachEnabledEndpointThatSubscribes) {
  auto bookings = service().create(draft({"booking.*"})).endpoint.id;
  auto tables = service().create(draft({"table.created"})).endpoint.id;
  auto off = service().create(draft({"*"}, false)).endpoint.id;
  delivery::OutboxConsumer consumer(store_, "webhooks-test", [&](const std::vector<domain::Event>& events) {
    delivery::queue_webhook_deliveries(store_, clock_, events);
  });
  create_booking(
      {store_, clock_, restaurant_, {"apiKey", "K1"}},
      [] {
        domain::BookingDraft c;
        c.date = "2026-12-04";
        c.time = "19:00";
        c.people = 2;
        c.guest_name = "Ann Hansen";
        return c;
      }(),
      std::nullopt);
  consumer.pump();
  auto queued = store_.webhooks().list_webhook_deliveries(restaurant_.id, bookings, 0, 10);
  ASSERT_EQ(queued.size(), 1u) << "booking.created, not customer.created";
  EXPECT_EQ(queued[0].event_type, "booking.created");
  EXPECT_EQ(queued[0].message_id, webhook_message_id(queued[0].event_id, bookings));
  EXPECT_EQ(queued[0].next_attempt_at, clock_.now());
  EXPECT_TRUE(store_.webhooks().list_webhook_deliveries(restaurant_.id, tables, 0, 10).empty());
  EXPECT_TRUE(store_.webhooks().list_webhook_deliveries(restaurant_.id, off, 0, 10).empty()) << "disabled";
  consumer.pump();
  EXPECT_EQ(store_.webhooks().list_webhook_deliveries(restaurant_.id, bookings, 0, 10).size(), 1u) << "once";
}

}  // namespace
}  // namespace maitred::app
