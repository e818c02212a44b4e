#include "domain/cover_limits.hpp"

#include <algorithm>

#include "domain/booking_status.hpp"

namespace maitred::domain {

CoverCounter::CoverCounter(std::span<const Booking> bookings) {
  for (const auto& b : bookings) {
    if (holds_tables(b.status)) starts_.emplace_back(b.date_time, b.people);
  }
  std::ranges::sort(starts_);
  running_.reserve(starts_.size() + 1);
  running_.push_back(0);
  for (const auto& [start, people] : starts_) running_.push_back(running_.back() + people);
}

int CoverCounter::starting_between(core::SystemTime from, core::SystemTime to) const {
  auto first = std::ranges::lower_bound(starts_, from, {}, &std::pair<core::SystemTime, int>::first);
  auto last = std::ranges::lower_bound(starts_, to, {}, &std::pair<core::SystemTime, int>::first);
  return running_[static_cast<std::size_t>(last - starts_.begin())] -
         running_[static_cast<std::size_t>(first - starts_.begin())];
}

ServiceWindow pacing_slot(const OpeningHour& service, const ServiceWindow& window, core::SystemTime start) {
  const auto interval = std::chrono::minutes{start_interval(service)};
  const auto slot_start = window.start + (start - window.start) / interval * interval;
  return {slot_start, slot_start + interval};
}

bool has_cover_limits(const OpeningHour& service) {
  return service.max_people_per_slot.has_value() || service.max_people.has_value();
}

std::optional<CoverLimitHit> cover_limit_hit(const CoverCounter& covers, const OpeningHour& service,
                                             const ServiceWindow& window, core::SystemTime start, int people) {
  if (service.max_people_per_slot) {
    const auto slot = pacing_slot(service, window, start);
    const int taken = covers.starting_between(slot.start, slot.end);
    if (taken + people > *service.max_people_per_slot) {
      return CoverLimitHit{Unavailable::pacing_full, taken, *service.max_people_per_slot};
    }
  }
  if (service.max_people) {
    const int taken = covers.starting_between(window.start, window.end);
    if (taken + people > *service.max_people)
      return CoverLimitHit{Unavailable::service_full, taken, *service.max_people};
  }
  return std::nullopt;
}

}  // namespace maitred::domain
