#pragma once
// The booking status lifecycle, as data: which statuses exist, which changes
// are allowed (and the refusals a client sees), which statuses hold tables,
// and which time stamp a change sets.

#include <span>
#include <string_view>

#include "core/clock.hpp"
#include "domain/booking.hpp"

namespace maitred::domain {

// request, approved, declined, waitlist, arrived, seated, left, no_show, canceled.
std::span<const std::string_view> booking_statuses();

// One of booking_statuses().
bool is_booking_status(std::string_view status);

// Staying in the same status is always allowed.
bool is_allowed_transition(std::string_view from, std::string_view to);

// The status a new booking is written with: throws InvalidInput (field
// status, the statuses listed) when it is not a booking status.
void check_new_status(std::string_view status);

// A booking's status changing from `from` to `to`: throws InvalidInput when
// `to` is not a booking status, IllegalOperation (illegal_status_change)
// when the lifecycle does not allow the change.
void check_status_change(std::string_view from, std::string_view to);

// request, approved, arrived and seated hold their tables; left holds them
// until the guest left; waitlist, declined, canceled and no_show hold none
// (resos-api.md, stricter than resOS).
bool holds_tables(std::string_view status);

// The statuses resOS calls confirmed (onlyConfirmed=true).
bool is_confirmed(std::string_view status);

// Sets the stamp that belongs to entering `status` (canceledAt for canceled...).
void stamp_status(StatusStamps& stamps, std::string_view status, core::SystemTime at);

}  // namespace maitred::domain
