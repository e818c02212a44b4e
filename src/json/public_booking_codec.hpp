#pragma once
// What the public booking API (/public/{slug}/...) tells a guest: about the
// restaurant, what a guest needs to book, and about a hold, what the page
// shows; nothing that only staff should see (no ids of keys or tables, no
// settings beyond the online rules).

#include <string>

#include "core/clock.hpp"
#include "domain/hold.hpp"
#include "domain/restaurant.hpp"

namespace maitred::json {

// `now` is the server's time, so the page computes "today" and countdowns
// from the clock that decides, not the guest's device.
std::string public_restaurant_to_json(const domain::Restaurant& restaurant, core::SystemTime now);

// {"_id", "date", "time", "people", "expiresAt", "now"}: the page counts the
// hold down from the server's now.
std::string public_hold_to_json(const domain::Hold& hold, core::SystemTime now);

}  // namespace maitred::json
