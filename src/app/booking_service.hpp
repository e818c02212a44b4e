#pragma once
// The booking use cases: what happens, in which order and in which
// transaction, when a booking is created, changed, annotated or erased.
// Handlers decode the request and call these; the rules live in domain/.

#include <optional>
#include <string>

#include "core/clock.hpp"
#include "domain/booking_draft.hpp"
#include "domain/event.hpp"
#include "domain/restaurant.hpp"

namespace maitred::store {
class Store;
}

namespace maitred::app {

// Who made a change, for the history and the events.
using Actor = domain::Actor;

struct BookingContext {
  store::Store& store;
  const core::Clock& clock;
  const domain::Restaurant& restaurant;
  Actor actor;
};

struct IdempotentRequest {
  std::string key;           // the Idempotency-Key header
  std::string request_hash;  // of the request body
};

struct CreatedBooking {
  std::string id;
  bool replayed = false;  // an earlier request with the same Idempotency-Key made it
};

// POST /v1/bookings. Throws InvalidInput (422), NotFound (404).
CreatedBooking create_booking(const BookingContext& context, const domain::BookingDraft& changes,
                              const std::optional<IdempotentRequest>& idempotency);

// PUT /v1/bookings/{id}: partial; customFields replace the list.
void update_booking(const BookingContext& context, const std::string& id, const domain::BookingDraft& changes);

// POST /v1/bookings/{id}/restaurantNote and /comment: the new entry's id.
std::string add_restaurant_note(const BookingContext& context, const std::string& id, const std::string& text,
                                const std::string& author);
std::string add_comment(const BookingContext& context, const std::string& id, const std::string& text);

// DELETE /v1/bookings/{id}: erased with its history (data protection).
void erase_booking(const BookingContext& context, const std::string& id);

}  // namespace maitred::app
