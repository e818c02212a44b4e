#pragma once
// An outbox consumer: reads every restaurant's events (store/event_log.hpp)
// after its own durable cursor and hands them to its fan-out, exactly once
// per event, in event order per restaurant.
//
// How to write one (webhooks: delivery/webhook_fan_out.cpp):
//
//   delivery::OutboxConsumer consumer(store, "guest-mail",
//       [&](const std::vector<domain::Event>& events) {
//         for (const auto& e : events)
//           if (e.type == "booking.created") ...store.documents()... // queue a message row
//       });
//   worker.add_step([&] { consumer.pump(); });   // delivery/delivery_worker.hpp
//
// The contract:
// - `name` identifies the cursor: a stable string, one per consumer kind
//   ("webhooks", "guest-mail"). The first construction ever registers it
//   (store/outbox_cursors.hpp): the restaurants that exist then start at
//   their latest event, so a new consumer does not replay history; events
//   of restaurants created later are all fanned out.
// - `fan_out` is called with a batch of ONE restaurant's events (at most
//   `batch_size`, ascending sequence, all types: filter yourself) INSIDE a
//   store transaction (Store::atomically_unlocked) that also advances the
//   cursor past them. Whatever it writes through the store (queue rows,
//   history entries, further events) commits together with the cursor, or
//   not at all: if it throws, nothing it wrote stays, the cursor stays, and
//   the same events come again at the next pump(). So: make it a quick,
//   database-only step that records WHAT to send; do the sending (network)
//   elsewhere, outside the transaction, from the rows it wrote.
// - It runs on the delivery worker's thread, never on an I/O thread, and may
//   use the store freely (it is inside the transaction: reads see its own
//   writes). It must not start another transaction of its own on a
//   different thread and wait for it.
// - Several server processes on one PostgreSQL database run the same
//   consumers: a process fanning out a restaurant holds that restaurant's
//   cursor (an advisory lock the others only try, then the row FOR UPDATE);
//   the others skip that restaurant without waiting and find the cursor
//   advanced later. Each event is fanned out by exactly
//   one process. Events dropped by retention before a consumer read them are
//   skipped (the cursor jumps over them).

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "domain/event.hpp"
#include "store/store.hpp"

namespace maitred::delivery {

class OutboxConsumer {
 public:
  using FanOut = std::function<void(const std::vector<domain::Event>& events)>;

  // Registers `name` in the store (idempotent; a store write).
  OutboxConsumer(store::Store& store, std::string name, FanOut fan_out, std::size_t batch_size = 100);

  const std::string& name() const { return name_; }

  // Fans out everything pending for every restaurant, batch by batch, and
  // returns how many events it handed to fan_out in committed batches. A
  // restaurant whose fan-out throws is logged and left for the next pump
  // (the others go on); restaurants another process holds are skipped.
  // Call it from one thread at a time (the delivery worker's).
  std::size_t pump();

  // One restaurant only (what pump() does for each). Returns the number of
  // events fanned out; throws what fan_out threw.
  std::size_t pump_restaurant(const std::string& restaurant_id);

 private:
  // One transaction: claim the cursor, read a batch, fan out, advance.
  // Returns the events fanned out and whether more may follow at once.
  std::pair<std::size_t, bool> pump_batch(const std::string& restaurant_id);

  store::Store& store_;
  std::string name_;
  FanOut fan_out_;
  std::size_t batch_size_;
};

}  // namespace maitred::delivery
