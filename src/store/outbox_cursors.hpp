#pragma once
// Where each outbox consumer (delivery/outbox_consumer.hpp) has got to in
// each restaurant's events: one durable cursor per (consumer, restaurant),
// the sequence of the last event it fanned out.
//
// A consumer registers once; from then on every restaurant's events after
// its cursor are pending for it. Registration starts the cursors of the
// restaurants that exist then at their latest event, so a consumer added to
// a running installation does not replay history (a webhook or an e-mail
// for a booking made last year); a restaurant created later has no cursor
// row and starts at 0.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace maitred::store {

class OutboxCursors {
 public:
  virtual ~OutboxCursors() = default;

  // Idempotent; safe when several processes register at once.
  virtual void register_consumer(std::string_view consumer) = 0;

  // The restaurants with events after the consumer's cursor (a hint: read
  // without locks, claim_cursor() decides).
  virtual std::vector<std::string> restaurants_behind(std::string_view consumer) = 0;

  // Inside Store::atomically_unlocked(): locks the consumer's cursor of the
  // restaurant until the transaction ends and returns its sequence; nullopt
  // when another transaction holds it (PostgreSQL: another process is fanning
  // that restaurant out now; its lock is only tried, so nobody waits).
  virtual std::optional<std::uint64_t> claim_cursor(std::string_view consumer, std::string_view restaurant_id) = 0;

  // Inside the transaction that claimed it.
  virtual void set_cursor(std::string_view consumer, std::string_view restaurant_id, std::uint64_t sequence) = 0;
};

}  // namespace maitred::store
