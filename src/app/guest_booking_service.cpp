#include "app/guest_booking_service.hpp"

#include <algorithm>
#include <array>

#include "core/crypto.hpp"
#include "core/ids.hpp"
#include "domain/booking_fields.hpp"
#include "domain/booking_time.hpp"
#include "domain/calendar.hpp"
#include "domain/errors.hpp"
#include "domain/guest_booking_rules.hpp"
#include "store/hold_documents.hpp"
#include "store/store.hpp"

namespace maitred::app {

namespace {

constexpr std::size_t kTokenBytes = 32;
constexpr std::size_t kTokenLength = 43;  // base64url of 32 bytes, unpadded

// RFC 4648 section 5, without padding: safe in a URL path as it is.
std::string base64url(std::span<const unsigned char> bytes) {
  std::string text = core::base64_encode(std::string_view(reinterpret_cast<const char*>(bytes.data()), bytes.size()));
  std::ranges::replace(text, '+', '-');
  std::ranges::replace(text, '/', '_');
  while (!text.empty() && text.back() == '=') text.pop_back();
  return text;
}

bool looks_like_token(std::string_view token) {
  return token.size() == kTokenLength && std::ranges::all_of(token, [](char c) {
           return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
         });
}

std::string token_hash(std::string_view token) {
  const auto digest = core::sha256(token);
  return core::to_hex(digest);
}

domain::Booking reload(const BookingContext& c, const std::string& id) {
  auto booking = c.store.bookings().find_booking(c.restaurant.id, id);
  if (!booking) throw domain::NotFound("not_found", "", "This booking no longer exists.");
  return std::move(*booking);
}

// Only bookings that still hold their table can move.
bool changeable_status(std::string_view status) {
  return status == "request" || status == "approved";
}

}  // namespace

ConfirmedBooking confirm_hold(const BookingContext& c, const GuestBookingRequest& r, const GuestBookingGuards& guards) {
  // The honeypot first: a bot learns nothing from the other checks.
  domain::check_honeypot(r.website);
  const auto contact = domain::checked_online_contact(r.name, r.email, r.phone);
  if (r.language_code) domain::check_booking_language(*r.language_code);
  domain::check_consent(r.consent);

  std::optional<domain::Hold> hold;
  if (core::is_valid_id(r.hold_id)) hold = store::find_hold(c.store.documents(), c.restaurant.id, r.hold_id);
  if (!hold) {
    throw domain::NotFound("unknown_reference", "holdId",
                           "This table is no longer held for you. Please choose a time again.");
  }
  const auto placed_at = domain::hold_placed_at(hold->expires_at, c.restaurant.booking_rules);
  if (auto wait = domain::fill_time_remaining(placed_at, c.clock.now(), guards.minimum_fill_time)) {
    throw domain::TooManyAttempts(*wait, "Please check your details for a moment, then confirm again.");
  }
  if (guards.count_booking) guards.count_booking(contact.email, contact.phone);

  domain::BookingDraft draft;
  draft.hold_id = hold->id;
  draft.date = hold->date;
  draft.time = domain::format_clock_time(hold->time);
  draft.people = hold->people;
  draft.source = std::string(domain::kOnlineSource);
  draft.guest_name = contact.name;
  draft.guest_email = contact.email;
  draft.guest_phone = contact.phone;
  draft.comment = r.comment;
  draft.custom_fields = r.custom_fields;
  draft.language_code = r.language_code;
  // The guest gave an e-mail address to get the confirmation (and the
  // manage link in it).
  draft.notification_email = true;

  ConfirmedBooking confirmed;
  // The booking and its first token land together.
  c.store.atomically_for_day(c.restaurant.id, hold->date, [&] {
    const auto created = create_booking(c, draft, std::nullopt);
    confirmed.booking = reload(c, created.id);
    confirmed.manage_token = issue_manage_token(c.store, c.clock, confirmed.booking);
  });
  return confirmed;
}

std::string issue_manage_token(store::Store& store, const core::Clock& clock, const domain::Booking& booking) {
  std::array<unsigned char, kTokenBytes> bytes{};
  core::random_bytes(bytes);
  std::string token = base64url(bytes);
  store.manage_tokens().insert_manage_token(
      {token_hash(token), booking.restaurant_id, booking.id, domain::booking_end(booking), clock.now()});
  return token;
}

std::optional<ManagedBooking> find_managed_booking(store::Store& store, const core::Clock& clock,
                                                   std::string_view token) {
  if (!looks_like_token(token)) return std::nullopt;
  const std::string hash = token_hash(token);
  // Found by its hash: the database compares hashes, never the secret.
  auto stored = store.manage_tokens().find_manage_token(hash);
  if (!stored) return std::nullopt;
  const auto as_bytes = [](const std::string& s) {
    return std::span<const unsigned char>(reinterpret_cast<const unsigned char*>(s.data()), s.size());
  };
  if (!core::constant_time_equal(as_bytes(stored->token_hash), as_bytes(hash))) return std::nullopt;
  if (stored->expires_at <= clock.now()) return std::nullopt;
  auto restaurant = store.restaurants().find_restaurant(stored->restaurant_id);
  if (!restaurant) return std::nullopt;
  auto booking = store.bookings().find_booking(stored->restaurant_id, stored->booking_id);
  if (!booking) return std::nullopt;
  return ManagedBooking{std::move(*restaurant), std::move(*booking)};
}

domain::Booking cancel_managed_booking(const BookingContext& c, const domain::Booking& booking) {
  // Canceling twice answers the booking as it is: a guest clicking again
  // (or a retry after a lost answer) is not an error.
  if (booking.status == "canceled") return booking;
  domain::check_before_deadline(booking, c.restaurant, c.clock.now());
  domain::BookingDraft draft;
  draft.status = "canceled";
  update_booking(c, booking.id, draft);
  return reload(c, booking.id);
}

domain::Booking change_managed_booking(const BookingContext& c, const domain::Booking& booking,
                                       const GuestChange& change) {
  domain::check_before_deadline(booking, c.restaurant, c.clock.now());
  if (!changeable_status(booking.status)) {
    throw domain::InvalidInput("not_changeable", "status",
                               "This booking is " + booking.status + " and can no longer be changed online.");
  }
  const std::string date = change.date.value_or(booking.date);
  const std::string time = change.time.value_or(domain::format_clock_time(booking.time));
  const int people = change.people.value_or(booking.people);
  const auto placed = domain::place_in_time(c.restaurant.timezone, date, time);
  domain::check_online_window(c.restaurant, placed.instant, placed.date, people, c.clock.now());

  domain::BookingDraft draft;
  draft.date = change.date;
  draft.time = change.time;
  if (change.people && *change.people != booking.people) {
    draft.people = people;
    // The stay follows the party size as for a new booking.
    draft.duration = domain::duration_for(c.restaurant.booking_rules, people);
  }
  update_booking(c, booking.id, draft);
  return reload(c, booking.id);
}

}  // namespace maitred::app
