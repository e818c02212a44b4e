#pragma once
// Sends due webhook deliveries, on a thread of its own: claims them from
// the store (store/webhook_repository.hpp), signs them (Standard Webhooks),
// posts them through the HttpPoster (libcurl multi: many at once, each with
// its 10 s timeout), and records every attempt. 2xx is delivered; anything
// else is retried on the schedule (domain/webhook_schedule.hpp); after the
// last attempt fails the delivery is given up, its endpoint disabled (event
// webhook.disabled) and the endpoint's other pending deliveries canceled.
//
// It wakes when woken (the outbox worker queued deliveries, a ping or a
// retry was asked for) and otherwise every `poll_interval` of steady time
// to look for retries that came due on the store's clock, which may be a
// test's pinned clock that jumps.

#include <atomic>
#include <chrono>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "core/clock.hpp"
#include "delivery/http_poster.hpp"
#include "store/store.hpp"

namespace maitred::delivery {

struct SenderOptions {
  PosterOptions poster;
  std::chrono::milliseconds poll_interval{500};
  std::chrono::milliseconds timeout{10'000};  // per attempt
  std::size_t max_in_flight = 32;
  // A claimed delivery is due again after this if its attempt never gets
  // recorded (the process died mid-attempt): longer than any attempt.
  std::chrono::milliseconds lease{60'000};
};

class WebhookSender {
 public:
  WebhookSender(store::Store& store, const core::Clock& clock, SenderOptions options);
  ~WebhookSender();  // stop()
  WebhookSender(const WebhookSender&) = delete;
  WebhookSender& operator=(const WebhookSender&) = delete;

  void start();
  // Look for due deliveries now; any thread.
  void wake();
  // Ends the thread; attempts in flight are abandoned (their lease brings
  // them back).
  void stop();

 private:
  struct InFlight;
  void loop();
  void claim_and_start();
  void start_attempt(const store::WebhookDelivery& delivery);
  void finish(const PostResult& result);
  // Records an attempt that ended without a 2xx: retry later or give up.
  void record_failure(const InFlight& attempt, store::WebhookAttempt record);
  void give_up(const InFlight& attempt, const std::string& last_error);

  store::Store& store_;
  const core::Clock& clock_;
  SenderOptions options_;
  HttpPoster poster_;
  std::vector<std::unique_ptr<InFlight>> in_flight_;
  std::atomic<bool> stopping_{false};
  std::atomic<bool> woken_{false};
  std::thread thread_;
};

}  // namespace maitred::delivery
