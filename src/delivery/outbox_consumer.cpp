#include "delivery/outbox_consumer.hpp"

#include "core/logging.hpp"

namespace maitred::delivery {

OutboxConsumer::OutboxConsumer(store::Store& store, std::string name, FanOut fan_out, std::size_t batch_size)
    : store_(store), name_(std::move(name)), fan_out_(std::move(fan_out)), batch_size_(batch_size) {
  store_.outbox().register_consumer(name_);
}

std::size_t OutboxConsumer::pump() {
  std::size_t fanned_out = 0;
  for (const auto& restaurant_id : store_.outbox().restaurants_behind(name_)) {
    try {
      fanned_out += pump_restaurant(restaurant_id);
    } catch (const std::exception& e) {
      // Left for the next pump: the batch rolled back with its cursor.
      core::log().error("outbox consumer {}: restaurant {}: {}", name_, restaurant_id, e.what());
    }
  }
  return fanned_out;
}

std::size_t OutboxConsumer::pump_restaurant(const std::string& restaurant_id) {
  std::size_t fanned_out = 0;
  for (;;) {
    const auto [count, more] = pump_batch(restaurant_id);
    fanned_out += count;
    if (!more) return fanned_out;
  }
}

std::pair<std::size_t, bool> OutboxConsumer::pump_batch(const std::string& restaurant_id) {
  std::size_t count = 0;
  bool more = false;
  store_.atomically_unlocked([&] {
    const auto cursor = store_.outbox().claim_cursor(name_, restaurant_id);
    if (!cursor) return;  // another process is on it
    const auto page = store_.events().read_events({restaurant_id, *cursor, batch_size_, {}});
    if (!page.events.empty()) fan_out_(page.events);
    // page.next also moves past events dropped by retention.
    if (page.next != *cursor) store_.outbox().set_cursor(name_, restaurant_id, page.next);
    count = page.events.size();
    more = page.more;
  });
  return {count, more};
}

}  // namespace maitred::delivery
