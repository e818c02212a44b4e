#pragma once
// Customers follow from booking guests: a guest with an e-mail or phone is
// matched to the restaurant's customer with that e-mail (case-insensitive)
// or phone, or becomes a new one. Called inside the booking's transaction.

#include <string>

#include "core/clock.hpp"
#include "domain/booking.hpp"

namespace maitred::store {
class Store;
}

namespace maitred::app {

// Sets booking.customer_id (empty when the guest gave neither e-mail nor phone).
void link_customer(store::Store& store, const core::Clock& clock, domain::Booking& booking);

// Recounts a customer's bookings and copies in the latest contact data; call
// after the booking write. Does nothing for an empty id.
void refresh_customer(store::Store& store, const std::string& restaurant_id, const std::string& customer_id,
                      const domain::Guest* latest_guest);

}  // namespace maitred::app
