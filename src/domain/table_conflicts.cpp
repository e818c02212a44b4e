#include "domain/table_conflicts.hpp"

#include <algorithm>

#include "domain/booking_status.hpp"

namespace maitred::domain {

Occupancy occupancy(const Booking& booking, int turnover_buffer_minutes) {
  const auto start = booking.date_time;
  if (!holds_tables(booking.status)) return {start, start};
  auto end = start + std::chrono::minutes{booking.duration + turnover_buffer_minutes};
  if (booking.status == "left" && booking.stamps.left_at) end = std::clamp(*booking.stamps.left_at, start, end);
  return {start, end};
}

std::optional<TableConflict> find_table_conflict(const Booking& candidate, std::span<const Booking> others,
                                                 int turnover_buffer_minutes) {
  const auto mine = occupancy(candidate, turnover_buffer_minutes);
  if (mine.start == mine.end || candidate.tables.empty()) return std::nullopt;
  for (const auto& other : others) {
    if (other.id == candidate.id) continue;
    const auto theirs = occupancy(other, turnover_buffer_minutes);
    if (theirs.start == theirs.end) continue;
    if (!(mine.start < theirs.end && theirs.start < mine.end)) continue;
    for (const auto& table : candidate.tables) {
      auto held = std::ranges::find(other.tables, table.id, &BookedTable::id);
      if (held != other.tables.end()) return TableConflict{table.id, table.name, other.id};
    }
  }
  return std::nullopt;
}

}  // namespace maitred::domain
