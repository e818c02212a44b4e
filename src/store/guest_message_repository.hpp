#pragma once
// The guest e-mail queue and log (domain/guest_message.hpp): queued by the
// guest-mail outbox consumer, claimed and finished by the sender, listed by
// GET /v1/bookings/{id}/messages.

#include <cstddef>
#include <string_view>
#include <vector>

#include "core/clock.hpp"
#include "domain/guest_message.hpp"

namespace maitred::store {

class GuestMessageRepository {
 public:
  virtual ~GuestMessageRepository() = default;

  // Adds `message` unless one with its restaurant and dedupe_key exists;
  // true when added. Joins the atomically() body it runs in.
  virtual bool queue_guest_message(const domain::GuestMessage& message) = 0;

  // Takes up to `limit` queued messages due at `now` (any restaurant), oldest
  // due first: each gets attempts + 1 and next_attempt_at = `lease_until`,
  // so a sender that dies mid-send leaves it to be taken again then, and no
  // other sender (another process on PostgreSQL) takes it meanwhile.
  virtual std::vector<domain::GuestMessage> claim_due_guest_messages(core::SystemTime now, std::size_t limit,
                                                                     core::SystemTime lease_until) = 0;

  // Writes the outcome of an attempt: status, next_attempt_at, last_error,
  // sent_at, message_id (matched on restaurant and id).
  virtual void finish_guest_message_attempt(const domain::GuestMessage& message) = 0;

  // A booking's messages, oldest first.
  virtual std::vector<domain::GuestMessage> list_guest_messages(std::string_view restaurant_id,
                                                                std::string_view booking_id) = 0;
};

}  // namespace maitred::store
