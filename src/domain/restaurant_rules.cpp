#include "domain/restaurant_rules.hpp"

#include <date/tz.h>

#include <algorithm>
#include <array>
#include <stdexcept>
#include <vector>

#include "core/smtp_url.hpp"
#include "core/text.hpp"
#include "core/utf8.hpp"
#include "domain/booking_status.hpp"
#include "domain/errors.hpp"
#include "domain/guest_mail_content.hpp"
#include "domain/public_page_rules.hpp"

namespace maitred::domain {

namespace {

[[noreturn]] void fail(std::string field, const std::string& message) {
  throw InvalidInput("invalid_field", std::move(field), message);
}

constexpr std::array<std::string_view, 5> kLanguages = {"en", "es", "de", "da", "sv"};

void check_durations(const BookingRules& rules) {
  // Checked in order of minPeople, but errors name the rule by its position
  // in the request, which is what the client can find.
  std::vector<std::size_t> order(rules.durations.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::ranges::sort(order, {}, [&](std::size_t i) { return rules.durations[i].min_people; });
  for (std::size_t k = 0; k < order.size(); ++k) {
    const auto& d = rules.durations[order[k]];
    const std::string field = "bookingRules.durations[" + std::to_string(order[k]) + "]";
    if (d.min_people > d.max_people) fail(field, "A duration rule's minPeople must not exceed its maxPeople.");
    if (k > 0 && d.min_people <= rules.durations[order[k - 1]].max_people) {
      fail(field, "Duration rules overlap: " + std::to_string(d.min_people) + " people are covered twice.");
    }
  }
}

// Broken templates and SMTP URLs are refused when saved, so sending never
// meets one.
void check_guest_mail(const GuestMailSettings& settings) {
  if (settings.reminder_hours < 0 || settings.reminder_hours > 24 * 14) {
    fail("reminderHours", "reminderHours must be from 0 (no reminders) to 336 (two weeks).");
  }
  check_mail_templates(settings);
  const auto& smtp = settings.smtp;
  if (smtp.url.empty()) return;
  const auto parsed = core::parse_smtp_url(smtp.url);
  if (const auto* error = std::get_if<std::string>(&parsed)) fail("smtp.url", *error);
  if (!std::get<core::SmtpEndpoint>(parsed).password.empty()) {
    fail("smtp.url",
         "Put the SMTP password in smtp.password, not in the URL: the URL is shown back, the password never.");
  }
  if (smtp.from.empty()) fail("smtp.from", "An SMTP server of the restaurant's own needs a From address (smtp.from).");
}

}  // namespace

int duration_for(const BookingRules& rules, int people) {
  for (const auto& rule : rules.durations) {
    if (people >= rule.min_people && people <= rule.max_people) return rule.minutes;
  }
  return rules.default_duration;
}

std::optional<FieldError> check_restaurant_name(std::string_view name) {
  bool blank = name.find_first_not_of(" \t\r\n") == std::string_view::npos;
  if (blank) return FieldError{"name", "The restaurant needs a name."};
  // The API's reader refuses such text already; `maitred restaurant create`
  // comes here straight from the command line.
  if (!core::is_valid_utf8(name)) return FieldError{"name", "The restaurant name is not valid UTF-8."};
  if (core::utf8_length(name) > kMaxNameLength) {
    return FieldError{"name", "The restaurant name is longer than 200 characters."};
  }
  return std::nullopt;
}

bool is_known_timezone(std::string_view zone) {
  if (zone.empty() || zone.size() > 64) return false;
  try {
    (void)date::locate_zone(zone);
    return true;
  } catch (const std::runtime_error&) {
    return false;
  }
}

std::span<const std::string_view> supported_languages() {
  return kLanguages;
}

bool is_supported_language(std::string_view code) {
  return std::ranges::find(kLanguages, code) != kLanguages.end();
}

void check_restaurant(const Restaurant& r) {
  if (auto error = check_restaurant_name(r.name)) fail(error->field, error->message);
  if (!is_known_timezone(r.timezone)) {
    fail("timezone", "'" + r.timezone + "' is not an IANA time zone (for example Europe/Copenhagen).");
  }
  if (!is_supported_language(r.language)) {
    fail("language", "The language must be one of " + core::joined(kLanguages, ", ") + ".");
  }
  const auto& rules = r.booking_rules;
  if (rules.slot_interval < 5 || (60 % rules.slot_interval != 0 && rules.slot_interval % 60 != 0)) {
    fail("bookingRules.slotInterval",
         "The slot interval must divide an hour or be whole hours (5, 10, 15, 20, 30, 60, 120 minutes...).");
  }
  check_durations(rules);
  if (!is_booking_status(rules.default_status) ||
      (rules.default_status != "request" && rules.default_status != "approved" && rules.default_status != "waitlist")) {
    fail("bookingRules.defaultStatus", "A new booking's default status must be request, approved or waitlist.");
  }
  check_guest_mail(r.guest_mail);
  if (!r.slug.empty() && !is_valid_slug(r.slug)) {
    fail("slug",
         "The slug (the booking page's address) must be 2 to 64 lower-case letters, digits and '-', "
         "neither first nor last.");
  }
  for (const auto& origin : r.allowed_origins) {
    if (!is_valid_origin(origin)) {
      fail("allowedOrigins", "'" + origin + "' is not an origin like https://www.example.com (no path, lower case).");
    }
  }
}

}  // namespace maitred::domain
