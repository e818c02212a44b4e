#pragma once
// The guest's own booking use cases (the public booking API): confirming a
// hold with the guest's details, and the manage link that lets the guest see,
// cancel or change the booking later. Each goes through the booking use cases
// the API uses (booking_service.hpp), with the actor the caller gives (the
// guest), so history, events and seating checks are the same.
//
// Manage tokens: 32 random bytes, base64url; only their SHA-256 is stored.
// Every call of issue_manage_token makes a new token, and all stay valid
// until the booking ends: the confirmation answer has one, and each guest
// e-mail about the booking renders its own.

#include <chrono>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "app/booking_service.hpp"
#include "domain/booking.hpp"
#include "domain/booking_draft.hpp"

namespace maitred::app {

struct GuestBookingRequest {
  std::string hold_id;
  std::string name;
  std::string email;
  std::string phone;
  std::string comment;
  std::vector<domain::CustomFieldAnswerDraft> custom_fields;
  std::optional<std::string> language_code;
  bool consent = false;
  std::string website;  // the honeypot: people leave it empty
};

// The abuse checks the caller owns (they count in its memory).
struct GuestBookingGuards {
  std::chrono::milliseconds minimum_fill_time{3000};
  // Counts one confirmed-booking attempt of this contact; throws
  // TooManyAttempts over the limit.
  std::function<void(std::string_view email, std::string_view phone)> count_booking;
};

struct ConfirmedBooking {
  domain::Booking booking;
  std::string manage_token;  // plain: shown to the guest once, never stored
};

// POST /public/{slug}/bookings: the hold becomes a booking with source
// "online", the restaurant's defaultStatus and notificationEmail true (the
// guest gave the address for the confirmation), through create_booking. Throws
// InvalidInput (422) for the guest's details, `rejected` for the honeypot,
// TooManyAttempts (429) for a form filled in faster than a person can, or
// over the contact's daily limit, NotFound for an unknown hold.
ConfirmedBooking confirm_hold(const BookingContext& context, const GuestBookingRequest& request,
                              const GuestBookingGuards& guards);

// A new manage token of the booking, valid until the booking ends. Joins the
// caller's transaction when there is one.
std::string issue_manage_token(store::Store& store, const core::Clock& clock, const domain::Booking& booking);

// The booking a manage token opens, with its restaurant; nullopt for an
// unknown, malformed or expired token (one answer for all three).
struct ManagedBooking {
  domain::Restaurant restaurant;
  domain::Booking booking;
};
std::optional<ManagedBooking> find_managed_booking(store::Store& store, const core::Clock& clock,
                                                   std::string_view token);

// POST /public/manage/{token}/cancel: canceled through update_booking, until
// the cancellation deadline. Already canceled: nothing changes. Returns the
// booking as it is now.
domain::Booking cancel_managed_booking(const BookingContext& context, const domain::Booking& booking);

struct GuestChange {
  std::optional<std::string> date;
  std::optional<std::string> time;
  std::optional<int> people;
};

// PUT /public/manage/{token}: date, time, party size, through update_booking
// (its seating check) after the online window (largest online party, notice,
// days ahead) and before the deadline. Returns the booking as it is now.
domain::Booking change_managed_booking(const BookingContext& context, const domain::Booking& booking,
                                       const GuestChange& change);

}  // namespace maitred::app
