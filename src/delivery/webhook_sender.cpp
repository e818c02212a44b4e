#include "delivery/webhook_sender.hpp"

#include <algorithm>
#include <random>

#include "app/record_event.hpp"
#include "app/webhook_service.hpp"
#include "core/logging.hpp"
#include "delivery/webhook_payload.hpp"
#include "domain/webhook_schedule.hpp"
#include "domain/webhook_signature.hpp"
#include "json/webhook_codec.hpp"

namespace maitred::delivery {

struct WebhookSender::InFlight {
  store::WebhookDelivery delivery;
  core::SystemTime started{};
};

namespace {

const domain::Actor kSystem{"system", ""};

long long unix_seconds(core::SystemTime t) {
  return std::chrono::duration_cast<std::chrono::seconds>(t.time_since_epoch()).count();
}

double draw_jitter() {
  thread_local std::mt19937_64 generator{std::random_device{}()};
  return std::uniform_real_distribution<double>(0.0, 1.0)(generator);
}

std::string outcome_name(PostResult::Outcome outcome) {
  switch (outcome) {
    case PostResult::Outcome::answered: return "failed";
    case PostResult::Outcome::timeout: return "timeout";
    case PostResult::Outcome::refused: return "refused";
    case PostResult::Outcome::error: return "error";
  }
  return "error";
}

}  // namespace

WebhookSender::WebhookSender(store::Store& store, const core::Clock& clock, SenderOptions options)
    : store_(store), clock_(clock), options_(std::move(options)), poster_(options_.poster) {}

WebhookSender::~WebhookSender() {
  stop();
}

void WebhookSender::start() {
  thread_ = std::thread([this] { loop(); });
}

void WebhookSender::wake() {
  woken_ = true;
  poster_.wakeup();
}

void WebhookSender::stop() {
  stopping_ = true;
  poster_.wakeup();
  if (thread_.joinable()) thread_.join();
}

void WebhookSender::loop() {
  auto next_look = std::chrono::steady_clock::time_point{};
  while (!stopping_) {
    const auto now = std::chrono::steady_clock::now();
    if (woken_.exchange(false) || now >= next_look) {
      try {
        claim_and_start();
      } catch (const std::exception& e) {
        core::log().error("webhooks: looking for due deliveries failed: {}", e.what());
      }
      next_look = now + options_.poll_interval;
    }
    const auto wait = std::chrono::duration_cast<std::chrono::milliseconds>(
        std::max(next_look - std::chrono::steady_clock::now(), std::chrono::steady_clock::duration::zero()));
    const auto results = poster_.run(std::max(wait, std::chrono::milliseconds{1}));
    if (results.empty()) continue;
    // The attempts that ended together are recorded in one transaction: one
    // commit (one fsync on the embedded store, whose single writer the
    // booking writes wait for) instead of one per delivery
    // (docs/BENCHMARKS.md, "Webhooks").
    try {
      store_.atomically_unlocked([&] {
        for (const auto& result : results) {
          try {
            finish(result);
          } catch (const std::exception& e) {
            // Not recorded: the lease brings the delivery back for another attempt.
            core::log().error("webhooks: recording an attempt failed: {}", e.what());
          }
        }
      });
    } catch (const std::exception& e) {
      core::log().error("webhooks: recording {} attempt(s) failed: {}", results.size(), e.what());
    }
    // Room for more: look for due deliveries now, not at the next poll (a
    // backlog drained at 32 per poll interval before).
    woken_ = true;
  }
}

void WebhookSender::claim_and_start() {
  if (in_flight_.size() >= options_.max_in_flight) return;
  std::vector<std::string> busy;
  for (const auto& f : in_flight_) busy.push_back(f->delivery.id);
  std::vector<store::WebhookDelivery> claimed;
  const auto now = clock_.now();
  store_.atomically_unlocked([&] {
    claimed = store_.webhooks().claim_due_webhook_deliveries(now, now + options_.lease,
                                                             options_.max_in_flight - in_flight_.size(), busy);
  });
  for (const auto& delivery : claimed) {
    try {
      start_attempt(delivery);
    } catch (const std::exception& e) {
      core::log().error("webhooks: delivery {} could not start: {}", delivery.id, e.what());
    }
  }
}

void WebhookSender::start_attempt(const store::WebhookDelivery& delivery) {
  auto attempt = std::make_unique<InFlight>(InFlight{delivery, clock_.now()});
  std::optional<domain::WebhookEndpoint> endpoint;
  auto stored =
      store_.documents().find_document(store::Collection::webhooks, delivery.restaurant_id, delivery.endpoint_id);
  if (stored && !stored->deleted) endpoint = json::webhook_endpoint_from_stored(stored->json);
  if (!endpoint || !endpoint->enabled) {
    store::WebhookAttempt record{delivery.id,
                                 delivery.attempts,
                                 attempt->started,
                                 "canceled",
                                 0,
                                 std::nullopt,
                                 "",
                                 endpoint ? "the endpoint is disabled" : "the endpoint was deleted"};
    store_.webhooks().record_webhook_attempt({record, "canceled", std::nullopt});
    return;
  }
  const auto body = render_webhook_payload(store_, delivery);
  const auto timestamp = unix_seconds(attempt->started);
  const auto secrets =
      store_.webhooks().live_webhook_secrets(delivery.restaurant_id, delivery.endpoint_id, attempt->started);
  PostRequest request;
  request.tag = delivery.id;
  request.url = endpoint->url;
  request.body = body;
  request.timeout = options_.timeout;
  request.headers = {"content-type: application/json", "webhook-id: " + delivery.message_id,
                     "webhook-timestamp: " + std::to_string(timestamp),
                     "webhook-signature: " + domain::webhook_signature(delivery.message_id, timestamp, body, secrets)};
  poster_.start(std::move(request));
  in_flight_.push_back(std::move(attempt));
}

void WebhookSender::finish(const PostResult& result) {
  auto found = std::ranges::find_if(in_flight_, [&](const auto& f) { return f->delivery.id == result.tag; });
  if (found == in_flight_.end()) return;
  const std::unique_ptr<InFlight> attempt = std::move(*found);
  in_flight_.erase(found);
  store::WebhookAttempt record;
  record.delivery_id = attempt->delivery.id;
  record.number = attempt->delivery.attempts;
  record.at = attempt->started;
  record.duration_ms = result.duration_ms;
  record.response_body = result.body_start;
  if (result.outcome == PostResult::Outcome::answered) record.response_code = result.status;
  if (result.outcome == PostResult::Outcome::answered && result.status >= 200 && result.status < 300) {
    record.outcome = "delivered";
    store_.webhooks().record_webhook_attempt({record, "delivered", std::nullopt});
    return;
  }
  record.outcome = outcome_name(result.outcome);
  record.error = result.outcome == PostResult::Outcome::answered
                     ? "the receiver answered " + std::to_string(result.status) + ", not 2xx"
                     : result.error;
  record_failure(*attempt, std::move(record));
}

void WebhookSender::record_failure(const InFlight& attempt, store::WebhookAttempt record) {
  const int number = attempt.delivery.attempts;
  const auto next = domain::next_webhook_attempt(number, clock_.now(), draw_jitter());
  if (next) {
    store_.webhooks().record_webhook_attempt({record, "pending", next});
    return;
  }
  const auto error = record.error;
  store_.atomically([&] {
    store_.webhooks().record_webhook_attempt({record, "failed", std::nullopt});
    // Past the schedule (a manual retry that failed): the endpoint was
    // judged already.
    if (number == domain::kWebhookMaxAttempts) give_up(attempt, error);
  });
}

void WebhookSender::give_up(const InFlight& attempt, const std::string& last_error) {
  const auto& d = attempt.delivery;
  auto stored = store_.documents().find_document(store::Collection::webhooks, d.restaurant_id, d.endpoint_id);
  if (!stored || stored->deleted) return;
  // The endpoint's URL passed the server's checks when it was saved; this
  // write only switches it off.
  const app::WebhookOptions unchecked{.allow_private_addresses = true, .wake_sender = {}};
  app::WebhookService service(store_, clock_, d.restaurant_id, kSystem, unchecked);
  service.update(d.endpoint_id, [&](domain::WebhookEndpoint& endpoint) {
    endpoint.enabled = false;
    endpoint.disabled_reason = "Disabled after " + std::to_string(domain::kWebhookMaxAttempts) +
                               " failed attempts to deliver " + d.event_type + " (" + d.message_id +
                               "); the last: " + last_error;
  });
  app::record_event({store_, clock_, kSystem, d.restaurant_id}, "webhook.disabled", d.endpoint_id);
  store_.webhooks().end_pending_webhook_deliveries(d.restaurant_id, d.endpoint_id, "canceled");
  core::log().warn("webhooks: endpoint {} of restaurant {} disabled after {} failed attempts", d.endpoint_id,
                   d.restaurant_id, domain::kWebhookMaxAttempts);
}

}  // namespace maitred::delivery
