#pragma once
// What webhooks keep besides their endpoint documents (collection
// `webhooks`): the signing secrets, one delivery per (endpoint, event), and
// every attempt of each delivery. Times are the store clock's instants,
// kept as Unix milliseconds.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/clock.hpp"

namespace maitred::store {

struct WebhookDelivery {
  std::string id;
  std::string restaurant_id;
  std::string endpoint_id;
  std::string message_id;  // the webhook-id header: the same on every attempt
  std::string event_id;
  std::uint64_t event_sequence = 0;  // 0 for a ping
  std::string event_type;
  core::SystemTime event_at{};
  std::string resource_id;
  std::string changes_json;                         // the event's changes ("" for none)
  std::string status = "pending";                   // pending, delivered, failed, canceled
  int attempts = 0;                                 // made (or, once claimed, being made)
  std::optional<core::SystemTime> next_attempt_at;  // pending only
  core::SystemTime created_at{};
};

struct WebhookAttempt {
  std::string delivery_id;
  int number = 0;  // 1 for the first
  core::SystemTime at{};
  std::string outcome;  // delivered, failed (an answer not 2xx), timeout, refused (SSRF), error
  long long duration_ms = 0;
  std::optional<int> response_code;
  std::string response_body;  // the first KiB
  std::string error;          // what went wrong, in words ("" when delivered)
};

// A claimed delivery's attempt ended: record it and move the delivery on.
struct WebhookAttemptResult {
  WebhookAttempt attempt;
  std::string status;                               // the delivery's status from now on
  std::optional<core::SystemTime> next_attempt_at;  // when it stays pending
};

class WebhookRepository {
 public:
  virtual ~WebhookRepository() = default;

  // Secrets. The current one has no expiry; a rotated-out one signs until
  // its expiry.
  virtual void add_webhook_secret(std::string_view restaurant_id, std::string_view endpoint_id, std::string_view secret,
                                  core::SystemTime at) = 0;
  // Gives the current secret(s) an expiry (a rotation).
  virtual void expire_webhook_secrets(std::string_view restaurant_id, std::string_view endpoint_id,
                                      core::SystemTime expires_at) = 0;
  // The secrets that sign at `now`, the newest first.
  virtual std::vector<std::string> live_webhook_secrets(std::string_view restaurant_id, std::string_view endpoint_id,
                                                        core::SystemTime now) = 0;
  // An endpoint's secrets, deliveries and attempts (its deletion).
  virtual void erase_webhook_data(std::string_view restaurant_id, std::string_view endpoint_id) = 0;

  // False (and nothing written) when the endpoint already has a delivery
  // of that event.
  virtual bool insert_webhook_delivery(const WebhookDelivery& delivery) = 0;

  // Inside Store::atomically_unlocked(): up to `limit` pending deliveries
  // due at `now` and not in `busy` (this process's deliveries in flight),
  // oldest due first, never one with an earlier pending delivery of the same
  // endpoint and resource (events of one resource arrive in order). Each is
  // claimed: its attempts count goes up by one (the returned value is the
  // number of the attempt to make) and it is due again at `lease_until`, so
  // a process that dies mid-attempt leaves it to be tried again. On
  // PostgreSQL rows another transaction claims are skipped (SKIP LOCKED):
  // two processes never claim the same delivery at once.
  virtual std::vector<WebhookDelivery> claim_due_webhook_deliveries(core::SystemTime now, core::SystemTime lease_until,
                                                                    std::size_t limit,
                                                                    const std::vector<std::string>& busy) = 0;
  virtual void record_webhook_attempt(const WebhookAttemptResult& result) = 0;

  // An endpoint's deliveries, the newest first.
  virtual std::vector<WebhookDelivery> list_webhook_deliveries(std::string_view restaurant_id,
                                                               std::string_view endpoint_id, std::size_t skip,
                                                               std::size_t limit) = 0;
  virtual std::optional<WebhookDelivery> find_webhook_delivery(std::string_view restaurant_id,
                                                               std::string_view endpoint_id,
                                                               std::string_view delivery_id) = 0;
  // A delivery's attempts, in order.
  virtual std::vector<WebhookAttempt> webhook_attempts(std::string_view delivery_id) = 0;
  // Makes the delivery pending and due at `now` (a manual retry).
  virtual void reschedule_webhook_delivery(std::string_view delivery_id, core::SystemTime now) = 0;
  // Ends every pending delivery of the endpoint as `status` (its endpoint
  // was disabled); returns how many.
  virtual std::size_t end_pending_webhook_deliveries(std::string_view restaurant_id, std::string_view endpoint_id,
                                                     std::string_view status) = 0;
};

}  // namespace maitred::store
