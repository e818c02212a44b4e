#include "domain/booking_status.hpp"

#include <algorithm>
#include <array>
#include <string>
#include <utility>

#include "core/text.hpp"
#include "domain/errors.hpp"

namespace maitred::domain {

namespace {

constexpr std::array<std::string_view, 9> kStatuses = {"request", "approved", "declined", "waitlist", "arrived",
                                                       "seated",  "left",     "no_show",  "canceled"};

struct Transition {
  std::string_view from;
  std::string_view to;
};

// Everything a restaurant does in a service, and its undos (a guest marked
// seated by mistake goes back to arrived; a no-show who turns up late is
// seated after all; a canceled booking can be reinstated).
constexpr std::array kTransitions = {
    Transition{"request", "approved"},  Transition{"request", "declined"},  Transition{"request", "waitlist"},
    Transition{"request", "canceled"},  Transition{"request", "arrived"},   Transition{"request", "seated"},
    Transition{"request", "no_show"},   Transition{"waitlist", "request"},  Transition{"waitlist", "approved"},
    Transition{"waitlist", "declined"}, Transition{"waitlist", "canceled"}, Transition{"approved", "request"},
    Transition{"approved", "declined"}, Transition{"approved", "arrived"},  Transition{"approved", "seated"},
    Transition{"approved", "canceled"}, Transition{"approved", "no_show"},  Transition{"arrived", "approved"},
    Transition{"arrived", "seated"},    Transition{"arrived", "left"},      Transition{"arrived", "canceled"},
    Transition{"arrived", "no_show"},   Transition{"seated", "arrived"},    Transition{"seated", "left"},
    Transition{"left", "seated"},       Transition{"declined", "request"},  Transition{"declined", "approved"},
    Transition{"canceled", "request"},  Transition{"canceled", "approved"}, Transition{"no_show", "approved"},
    Transition{"no_show", "arrived"},   Transition{"no_show", "seated"},
};

}  // namespace

std::span<const std::string_view> booking_statuses() {
  return kStatuses;
}

bool is_booking_status(std::string_view status) {
  return std::ranges::find(kStatuses, status) != kStatuses.end();
}

bool is_allowed_transition(std::string_view from, std::string_view to) {
  if (from == to) return true;
  return std::ranges::any_of(kTransitions, [&](const Transition& t) { return t.from == from && t.to == to; });
}

void check_new_status(std::string_view status) {
  if (is_booking_status(status)) return;
  throw InvalidInput("invalid_field", "status",
                     "'" + std::string(status) + "' is not a booking status (" + core::joined(kStatuses, ", ") + ").");
}

void check_status_change(std::string_view from, std::string_view to) {
  if (!is_booking_status(to)) {
    throw InvalidInput("invalid_field", "status", "'" + std::string(to) + "' is not a booking status.");
  }
  if (!is_allowed_transition(from, to)) {
    throw IllegalOperation("illegal_status_change", "status",
                           "A booking cannot go from " + std::string(from) + " to " + std::string(to) + ".");
  }
}

bool holds_tables(std::string_view status) {
  return status == "request" || status == "approved" || status == "arrived" || status == "seated" || status == "left";
}

bool is_confirmed(std::string_view status) {
  return status == "approved" || status == "arrived" || status == "seated" || status == "left";
}

void stamp_status(StatusStamps& stamps, std::string_view status, core::SystemTime at) {
  if (status == "approved")
    stamps.approved_at = at;
  else if (status == "declined")
    stamps.declined_at = at;
  else if (status == "canceled")
    stamps.canceled_at = at;
  else if (status == "arrived")
    stamps.arrived_at = at;
  else if (status == "seated")
    stamps.seated_at = at;
  else if (status == "left")
    stamps.left_at = at;
  else if (status == "no_show")
    stamps.no_show_at = at;
}

}  // namespace maitred::domain
