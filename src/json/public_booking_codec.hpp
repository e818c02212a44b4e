#pragma once
// What the public booking API (/public/{slug}/...) tells a guest: about the
// restaurant, what a guest needs to book, and about a hold, what the page
// shows; nothing that only staff should see (no ids of keys or tables, no
// settings beyond the online rules).

#include <string>
#include <string_view>

#include "core/clock.hpp"
#include "domain/booking.hpp"
#include "domain/guest_booking_rules.hpp"
#include "domain/hold.hpp"
#include "domain/restaurant.hpp"

namespace maitred::json {

// `now` is the server's time, so the page computes "today" and countdowns
// from the clock that decides, not the guest's device.
std::string public_restaurant_to_json(const domain::Restaurant& restaurant, core::SystemTime now);

// {"_id", "date", "time", "people", "expiresAt", "now"}: the page counts the
// hold down from the server's now.
std::string public_hold_to_json(const domain::Hold& hold, core::SystemTime now);

// The confirmed booking: {"_id", "date", "time", "people", "status",
// "awaitsApproval", "manageToken", "manageUrl"}; no other ids.
std::string confirmed_booking_to_json(const domain::Booking& booking, std::string_view manage_token);

// The booking as its manage link shows it: the restaurant's public info,
// when and for how many, its status, the guest's name and comment, until
// when it can be canceled, what the guest may do now, and the server's now.
std::string managed_booking_to_json(const domain::Restaurant& restaurant, const domain::Booking& booking,
                                    const domain::GuestPermissions& may, core::SystemTime now);

}  // namespace maitred::json
