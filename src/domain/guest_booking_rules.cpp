#include "domain/guest_booking_rules.hpp"

#include <algorithm>

#include "domain/calendar.hpp"
#include "domain/errors.hpp"
#include "domain/guest_rules.hpp"
#include "domain/time_zone.hpp"

namespace maitred::domain {

namespace {

using std::chrono::minutes;

[[noreturn]] void invalid(std::string code, std::string field, const std::string& message) {
  throw InvalidInput(std::move(code), std::move(field), message);
}

bool blank(std::string_view text) {
  return text.find_first_not_of(" \t\r\n") == std::string_view::npos;
}

// "+" then digits, spaces allowed between them: what the page asks for. The
// API's wider forms (00 prefix, dashes) are not offered to guests.
bool written_with_country_code(std::string_view phone) {
  if (phone.empty() || phone.front() != '+') return false;
  const auto rest = phone.substr(1);
  return std::ranges::any_of(rest, [](char c) { return c >= '0' && c <= '9'; }) &&
         std::ranges::all_of(rest, [](char c) { return (c >= '0' && c <= '9') || c == ' '; });
}

std::string phone_or_restaurant(const Restaurant& restaurant) {
  return restaurant.contact.phone.empty() ? std::string("the restaurant") : restaurant.contact.phone;
}

}  // namespace

GuestContact checked_online_contact(std::string_view name, std::string_view email, std::string_view phone) {
  if (blank(name)) invalid("missing_field", "guest.name", "Please enter your name.");
  if (blank(email)) invalid("missing_field", "guest.email", "Please enter your e-mail address.");
  if (blank(phone)) invalid("missing_field", "guest.phone", "Please enter your phone number.");
  if (!written_with_country_code(phone)) {
    invalid("invalid_field", "guest.phone",
            "Please enter your phone number with its country code, e.g. +45 11 11 11 11.");
  }
  return {checked_guest_name(name), checked_guest_email(email), checked_guest_phone(phone)};
}

void check_consent(bool consent) {
  if (!consent) invalid("consent_required", "consent", "Please accept the privacy notice to book online.");
}

void check_honeypot(std::string_view website) {
  if (!website.empty()) {
    invalid("rejected", "", "We could not take this booking online. Please call the restaurant.");
  }
}

core::SystemTime hold_placed_at(core::SystemTime expires_at, const BookingRules& rules) {
  return expires_at - minutes{rules.hold_minutes};
}

std::optional<std::chrono::milliseconds> fill_time_remaining(core::SystemTime placed_at, core::SystemTime now,
                                                             std::chrono::milliseconds minimum) {
  const auto elapsed = std::chrono::duration_cast<std::chrono::milliseconds>(now - placed_at);
  if (elapsed >= minimum) return std::nullopt;
  return minimum - elapsed;
}

core::SystemTime cancel_until(const Booking& booking, const BookingRules& rules) {
  return booking.date_time - minutes{rules.cancellation_deadline_minutes};
}

core::SystemTime booking_end(const Booking& booking) {
  return booking.date_time + minutes{booking.duration};
}

void check_before_deadline(const Booking& booking, const Restaurant& restaurant, core::SystemTime now) {
  if (now < cancel_until(booking, restaurant.booking_rules)) return;
  invalid(
      "cancellation_deadline_passed", "",
      "It is too late to change or cancel this booking online. Please call " + phone_or_restaurant(restaurant) + ".");
}

GuestPermissions guest_permissions(const Booking& booking, const Restaurant& restaurant, core::SystemTime now) {
  GuestPermissions may;
  may.cancel_until = cancel_until(booking, restaurant.booking_rules);
  const bool in_time = now < may.cancel_until;
  const bool upcoming = booking.status == "request" || booking.status == "approved" || booking.status == "waitlist";
  may.cancel = in_time && upcoming;
  may.change = in_time && (booking.status == "request" || booking.status == "approved") &&
               restaurant.booking_rules.online_booking;
  return may;
}

void check_online_window(const Restaurant& restaurant, core::SystemTime start, std::string_view day, int people,
                         core::SystemTime now) {
  const auto& rules = restaurant.booking_rules;
  if (people > rules.max_online_party_size) {
    invalid("party_too_large", "people",
            "Online bookings are for at most " + std::to_string(rules.max_online_party_size) + " people. Please call " +
                phone_or_restaurant(restaurant) + ".");
  }
  if (start < now + minutes{rules.min_notice_minutes}) {
    invalid("too_soon", "time", "This time is too soon to book online.");
  }
  const auto local_day = parse_iso_date(day);
  const auto today = utc_to_local(restaurant.timezone, now).day;
  if (local_day && date::sys_days(*local_day) > date::sys_days(today) + date::days{rules.max_days_ahead}) {
    invalid("too_far_ahead", "date",
            "Online bookings can be made at most " + std::to_string(rules.max_days_ahead) + " days ahead.");
  }
}

}  // namespace maitred::domain
