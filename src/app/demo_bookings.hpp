#pragma once
// Bookings for the demo restaurant: the next two weeks filled the way a
// popular bistro's are (busy weekend evenings, quiet weekday lunches, mostly
// couples and fours), so the booking flow has something to route around.

#include "core/clock.hpp"
#include "domain/restaurant.hpp"

namespace maitred::store {
class Store;
}

namespace maitred::app {

// Books the restaurant's services from today for `days` days through the
// same use case as POST /v1/bookings (so every booking passes the seating
// check; attempts that do not fit are dropped). The same `seed` gives the
// same bookings for the same setup and day. Returns how many were made.
int add_demo_bookings(store::Store& store, const core::Clock& clock, const domain::Restaurant& restaurant,
                      int days = 14, unsigned seed = 2026);

}  // namespace maitred::app
