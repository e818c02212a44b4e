#include "delivery/delivery_worker.hpp"

#include "core/logging.hpp"

namespace maitred::delivery {

DeliveryWorker::DeliveryWorker(core::EventBell& bell, std::chrono::milliseconds poll_interval)
    : bell_(bell), poll_interval_(poll_interval) {}

DeliveryWorker::~DeliveryWorker() {
  stop();
}

void DeliveryWorker::add_step(Step step) {
  steps_.push_back(std::move(step));
}

void DeliveryWorker::start() {
  thread_ = std::thread([this] { loop(); });
}

void DeliveryWorker::wake() {
  {
    std::lock_guard lock(mutex_);
    woken_ = true;
  }
  wake_.notify_all();
}

void DeliveryWorker::stop() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  if (thread_.joinable()) thread_.join();
}

std::uint64_t DeliveryWorker::rounds() const {
  std::lock_guard lock(mutex_);
  return rounds_;
}

void DeliveryWorker::loop() {
  for (;;) {
    // Look at the bell before the steps read: a commit during the round
    // rings a newer count, and the wait below returns at once for it.
    const auto seen = bell_.rings_of_any();
    for (auto& step : steps_) {
      try {
        step();
      } catch (const std::exception& e) {
        core::log().error("delivery step failed: {}", e.what());
      }
    }
    std::unique_lock lock(mutex_);
    ++rounds_;
    if (stopping_) return;
    lock.unlock();
    // The bell's callback must be quick and must not call back into the
    // bell: it only sets the flag.
    const auto ticket = bell_.wait_any(seen, [this] { wake(); });
    lock.lock();
    wake_.wait_for(lock, poll_interval_, [this] { return woken_ || stopping_; });
    woken_ = false;
    const bool stopping = stopping_;
    lock.unlock();
    bell_.cancel(ticket);
    if (stopping) return;
  }
}

}  // namespace maitred::delivery
