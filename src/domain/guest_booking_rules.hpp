#pragma once
// What a guest booking online must satisfy beyond a staff booking: contact
// details that let the restaurant reach the guest, consent, a form a person
// filled in, the online booking window on a change, and the deadline after
// which the manage link no longer cancels or changes.

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

#include "core/clock.hpp"
#include "domain/booking.hpp"
#include "domain/restaurant.hpp"

namespace maitred::domain {

struct GuestContact {
  std::string name;
  std::string email;
  std::string phone;  // E.164, "+4511111111"
};

// Name, e-mail and phone are all required online; the phone is written with
// its country code (+ and digits, spaces allowed). Throws InvalidInput
// naming guest.name, guest.email or guest.phone.
GuestContact checked_online_contact(std::string_view name, std::string_view email, std::string_view phone);

// Throws InvalidInput consent_required unless the guest consented.
void check_consent(bool consent);

// The honeypot: a field people never see, so never fill. Throws InvalidInput
// `rejected` with a neutral message (a bot learns nothing from it).
void check_honeypot(std::string_view website);

// The hold's placing time, from its expiry and the restaurant's holdMinutes.
core::SystemTime hold_placed_at(core::SystemTime expires_at, const BookingRules& rules);

// How much longer a person would at least have needed to fill in the form
// after the hold was placed; nullopt when enough time has passed.
std::optional<std::chrono::milliseconds> fill_time_remaining(core::SystemTime placed_at, core::SystemTime now,
                                                             std::chrono::milliseconds minimum);

// Until when the guest may cancel or change the booking online: its start
// less the restaurant's cancellationDeadlineMinutes.
core::SystemTime cancel_until(const Booking& booking, const BookingRules& rules);

// The instant a booking ends (when its manage link stops working).
core::SystemTime booking_end(const Booking& booking);

// Throws InvalidInput cancellation_deadline_passed (with the restaurant's
// phone in the message) when `now` is past cancel_until.
void check_before_deadline(const Booking& booking, const Restaurant& restaurant, core::SystemTime now);

// What the manage link lets the guest do now: cancel while the booking is
// still upcoming (request, approved, waitlist) and before the deadline;
// change the same, for a booking that holds a table (request, approved) and
// while the restaurant takes bookings online. A guest can always cancel,
// even when online booking is switched off.
struct GuestPermissions {
  core::SystemTime cancel_until;
  bool cancel = false;
  bool change = false;
};
GuestPermissions guest_permissions(const Booking& booking, const Restaurant& restaurant, core::SystemTime now);

// The online window for a guest moving a booking to `start` on local `day`
// for `people`: the largest online party, the minimum notice, the days
// ahead. Throws InvalidInput with the availability engine's reason codes
// (party_too_large, too_soon, too_far_ahead).
void check_online_window(const Restaurant& restaurant, core::SystemTime start, std::string_view day, int people,
                         core::SystemTime now);

}  // namespace maitred::domain
