#pragma once
// A booking's history at the edge of the store: what a write changed and
// the entry that records it, as JSON text. Domain types in, text out: the
// use cases (app/booking_service.cpp) hand the text to the store and the
// events without reading it, and never see RapidJSON.

#include <string>
#include <string_view>

#include "core/clock.hpp"
#include "domain/booking.hpp"
#include "domain/event.hpp"

namespace maitred::json {

// The fields a write changed, as the history and the events list them
// (json/document_diff.hpp over the two stored documents; activityAt moves on
// every write: left out); empty when none.
std::string booking_changes(const domain::Booking& before, const domain::Booking& after);

// One history entry: {"at", "actor": {"type", "id"}, "action", "overbooked"
// (only when true), "changes" ([] when empty)}.
std::string booking_history_entry(core::SystemTime at, const domain::Actor& actor, std::string_view action,
                                  bool overbooked, std::string_view changes);

}  // namespace maitred::json
