#include "api/public_limits.hpp"

#include <string>

#include "core/text.hpp"
#include "domain/errors.hpp"

namespace maitred::api {
namespace {

using std::chrono::hours;
using std::chrono::minutes;

void require(const http::RateDecision& decision, const std::string& message) {
  if (!decision.allowed) throw domain::TooManyAttempts(decision.reset_in, message);
}

}  // namespace

PublicLimits::PublicLimits(const PublicLimitSettings& settings, const core::Clock& clock)
    : settings_(settings),
      holds_per_address_(settings.holds_per_address_per_hour, hours(1), clock),
      holds_per_restaurant_(settings.holds_per_restaurant_per_minute, minutes(1), clock),
      bookings_per_contact_(settings.bookings_per_contact_per_day, hours(24), clock),
      manage_lookups_(settings.manage_lookups_per_address_per_hour, hours(1), clock) {}

void PublicLimits::count_hold(std::string_view client_address, std::string_view restaurant_id) {
  require(holds_per_address_.hit(client_address),
          "Too many tables held from your connection in the last hour. Please try again later or call the "
          "restaurant.");
  require(holds_per_restaurant_.hit(restaurant_id),
          "The restaurant is receiving very many online bookings right now. Please try again in a minute.");
}

void PublicLimits::count_booking(std::string_view restaurant_id, std::string_view email, std::string_view phone) {
  const std::string message =
      "Too many online bookings with these contact details today. Please call the restaurant to book more.";
  // Per restaurant: a guest may well book at two restaurants of a group.
  const std::string prefix = std::string(restaurant_id) + "|";
  if (!email.empty()) require(bookings_per_contact_.hit(prefix + "e:" + core::ascii_lowered(email)), message);
  if (!phone.empty()) require(bookings_per_contact_.hit(prefix + "p:" + std::string(phone)), message);
}

void PublicLimits::count_manage_lookup(std::string_view client_address) {
  require(manage_lookups_.hit(client_address),
          "Too many booking links opened from your connection in the last hour. Please try again later.");
}

}  // namespace maitred::api
