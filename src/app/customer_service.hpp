#pragma once
// Customers follow from booking guests: a guest with an e-mail or phone is
// matched to the restaurant's customer with that e-mail (case-insensitive)
// or phone, or becomes a new one. Called inside the booking's transaction.

#include <string>

#include "app/record_event.hpp"
#include "domain/booking.hpp"

namespace maitred::app {

// Sets booking.customer_id (empty when the guest gave neither e-mail nor
// phone); a new customer is recorded as customer.created.
void link_customer(const EventSource& source, domain::Booking& booking);

// Recounts a customer's bookings and copies in the latest contact data; call
// after the booking write. Changed contact data is recorded as
// customer.updated. Does nothing for an empty id.
void refresh_customer(const EventSource& source, const std::string& customer_id, const domain::Guest* latest_guest);

}  // namespace maitred::app
