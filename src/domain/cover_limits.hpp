#pragma once
// A service's cover limits (ours): at most `maxPeoplePerSlot` covers start in
// one slot (pacing), at most `maxPeople` in the whole service. Covers are the
// people of the bookings that hold tables, counted where they start; waitlist
// and cancelled bookings never count. The booking flow (availability.cpp) and
// the check of a booking write (seating.cpp) both ask here, so a time the
// flow offers is a time a write accepts.

#include <optional>
#include <span>
#include <utility>
#include <vector>

#include "core/clock.hpp"
#include "domain/availability.hpp"
#include "domain/booking.hpp"
#include "domain/setup.hpp"

namespace maitred::domain {

// The covers of holding bookings by start, sorted once so that each window
// costs two binary searches: the booking flow asks for every slot of a day.
class CoverCounter {
 public:
  explicit CoverCounter(std::span<const Booking> bookings);
  // Covers of the holding bookings starting in [from, to).
  int starting_between(core::SystemTime from, core::SystemTime to) const;

 private:
  std::vector<std::pair<core::SystemTime, int>> starts_;
  std::vector<int> running_;  // running_[i]: covers of the first i starts
};

// The pacing slot `start` falls in. Slots run from the service's opening
// every start_interval() minutes, so a start at 19:10 counts in the 19:00
// slot. They run in real time: on a daylight-saving day they go on across
// the jump and never overlap.
ServiceWindow pacing_slot(const OpeningHour& service, const ServiceWindow& window, core::SystemTime start);

// Whether the service limits its covers at all (maxPeople or maxPeoplePerSlot).
bool has_cover_limits(const OpeningHour& service);

struct CoverLimitHit {
  Unavailable reason;  // pacing_full or service_full
  int taken;           // covers already starting in the slot, or the service
  int limit;
};

// Whether `people` more covers starting at `start`, in `service` open during
// `window`, break one of its limits; pacing is checked first.
std::optional<CoverLimitHit> cover_limit_hit(const CoverCounter& covers, const OpeningHour& service,
                                             const ServiceWindow& window, core::SystemTime start, int people);

}  // namespace maitred::domain
