#pragma once
// The thread the outbox consumers and senders run on: never an I/O thread,
// so a slow database, DNS lookup or receiver costs the API nothing.
//
// It runs its steps, in the order added, whenever
//   - events commit (the store's bell rings for any restaurant; on
//     PostgreSQL also other processes' commits, via LISTEN/NOTIFY),
//   - wake() is called (a sender that queued work, a test moving the clock),
//   - or `poll_interval` of steady time passed since the last run (retries
//     that came due on the store's clock, which the bell knows nothing of;
//     and a safety net for a lost notification).
// A step that throws is logged; the others still run and it runs again at
// the next wake.
//
// Typical wiring (cli/serve_command.cpp):
//   delivery::DeliveryWorker worker(store.events().bell(), 1s);
//   delivery::OutboxConsumer webhooks(store, "webhooks", fan_out);
//   worker.add_step([&] { webhooks.pump(); });
//   worker.start();   ...   worker.stop();   // before the consumers go

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

#include "core/event_bell.hpp"

namespace maitred::delivery {

class DeliveryWorker {
 public:
  using Step = std::function<void()>;

  DeliveryWorker(core::EventBell& bell, std::chrono::milliseconds poll_interval);
  ~DeliveryWorker();  // stop()
  DeliveryWorker(const DeliveryWorker&) = delete;
  DeliveryWorker& operator=(const DeliveryWorker&) = delete;

  // Before start().
  void add_step(Step step);

  // Starts the thread; the steps run once at once (work left by a previous
  // process: events committed before a crash, deliveries due).
  void start();
  // Makes the steps run again soon; callable from any thread.
  void wake();
  // Waits for the steps running now to finish, then ends the thread.
  void stop();

  // How many times the steps have run (tests wait on it).
  std::uint64_t rounds() const;

 private:
  void loop();

  core::EventBell& bell_;
  std::chrono::milliseconds poll_interval_;
  std::vector<Step> steps_;
  mutable std::mutex mutex_;
  std::condition_variable wake_;
  bool woken_ = false;
  bool stopping_ = false;
  std::uint64_t rounds_ = 0;
  std::thread thread_;
};

}  // namespace maitred::delivery
