#pragma once
// What the public booking API tells anyone about a restaurant
// (GET /public/{slug}/restaurant): what a guest needs to book, nothing that
// only staff should see (no ids of keys, no settings beyond the online rules).

#include <string>

#include "core/clock.hpp"
#include "domain/restaurant.hpp"

namespace maitred::json {

// `now` is the server's time, so the page computes "today" and countdowns
// from the clock that decides, not the guest's device.
std::string public_restaurant_to_json(const domain::Restaurant& restaurant, core::SystemTime now);

}  // namespace maitred::json
