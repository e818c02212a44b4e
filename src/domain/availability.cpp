#include "domain/availability.hpp"

#include <algorithm>
#include <limits>
#include <tuple>
#include <unordered_map>

#include "domain/calendar.hpp"
#include "domain/cover_limits.hpp"
#include "domain/restaurant_rules.hpp"
#include "domain/table_conflicts.hpp"
#include "domain/time_zone.hpp"

namespace maitred::domain {

namespace {

using std::chrono::minutes;

date::year_month_day add_days(date::year_month_day day, int n) {
  return date::year_month_day{date::sys_days{day} + date::days{n}};
}

bool covers(const OpeningHour& h, date::year_month_day day) {
  auto from = parse_iso_date(h.date);
  if (!from) return false;
  if (h.to_date.empty()) return *from == day;
  auto to = parse_iso_date(h.to_date);
  return to && *from <= day && day <= *to;
}

// Built once per question and shared by every slot: which table is busy
// when, and the tables and combinations that can seat the party, best first.
// A slot then costs a walk down the ranked list to the first free entry, so
// a day's answer grows with that day's bookings, not with their square.

struct Busy {
  core::SystemTime start;
  core::SystemTime end;
};

class TableCalendar {
 public:
  TableCalendar(std::span<const Table> tables, std::span<const Booking> bookings, int buffer) : busy_(tables.size()) {
    index_.reserve(tables.size());
    for (std::size_t i = 0; i < tables.size(); ++i) index_.emplace(tables[i].id, static_cast<int>(i));
    for (const auto& b : bookings) {
      const auto span = occupancy(b, buffer);
      if (span.start == span.end) continue;
      for (const auto& t : b.tables) {
        if (auto it = index_.find(t.id); it != index_.end())
          busy_[static_cast<std::size_t>(it->second)].push_back({span.start, span.end});
      }
    }
  }
  // -1 for a table that is not in the restaurant's list.
  int index_of(std::string_view table_id) const {
    auto it = index_.find(table_id);
    return it == index_.end() ? -1 : it->second;
  }
  bool is_free(int table, core::SystemTime start, core::SystemTime end) const {
    return std::ranges::none_of(busy_[static_cast<std::size_t>(table)],
                                [&](const Busy& b) { return start < b.end && b.start < end; });
  }

 private:
  std::unordered_map<std::string_view, int> index_;
  std::vector<std::vector<Busy>> busy_;  // per table, by index
};

int area_priority(std::span<const Area> areas, const std::string& area_id) {
  auto it = std::ranges::find(areas, area_id, &Area::id);
  return it == areas.end() ? 0 : it->booking_priority;
}

bool in_areas(const Table& t, const std::string& area_id, const std::vector<std::string>& service_areas) {
  if (!area_id.empty() && t.area_id != area_id) return false;
  if (!service_areas.empty() && std::ranges::find(service_areas, t.area_id) == service_areas.end()) return false;
  return true;
}

// The seatings that can take the party, ranked: the fewest empty seats, then
// the lowest priority (a combination's tables' summed), then the lowest area
// priority (a combination's most preferred), then the name. Single tables
// always come before combinations.
class RankedSeatings {
 public:
  RankedSeatings(const RestaurantSnapshot& s, const TableCalendar& calendar, int people, bool only_bookable_online,
                 const std::string& area_id, const std::vector<std::string>& service_area_ids)
      : s_(s), calendar_(calendar) {
    std::vector<char> usable(s.tables.size(), 0);
    std::vector<int> area_rank(s.tables.size(), 0);
    for (std::size_t i = 0; i < s.tables.size(); ++i) {
      const Table& t = s.tables[i];
      usable[i] = (!only_bookable_online || t.bookable_online) && in_areas(t, area_id, service_area_ids);
      area_rank[i] = area_priority(s.areas, t.area_id);
      if (usable[i] && t.seats_min <= people && people <= t.seats_max) {
        entries_.push_back({t.seats_max - people, t.priority, area_rank[i], &t.name, {static_cast<int>(i)}, nullptr});
      }
    }
    std::ranges::stable_sort(entries_, less);
    const auto singles = entries_.size();
    for (const auto& c : s.combinations) {
      if (people < c.seats_min || people > c.seats_max) continue;
      if (only_bookable_online && !c.bookable_online) continue;
      Entry e{c.seats_max - people, 0, std::numeric_limits<int>::max(), &c.name, {}, &c};
      for (const auto& id : c.table_ids) {
        const int i = calendar.index_of(id);
        if (i < 0 || !usable[static_cast<std::size_t>(i)]) {
          e.tables.clear();
          break;
        }
        e.tables.push_back(i);
        e.priority += s.tables[static_cast<std::size_t>(i)].priority;
        e.area_priority = std::min(e.area_priority, area_rank[static_cast<std::size_t>(i)]);
      }
      if (!e.tables.empty()) entries_.push_back(std::move(e));
    }
    std::stable_sort(entries_.begin() + static_cast<std::ptrdiff_t>(singles), entries_.end(), less);
  }

  std::optional<TableChoice> first_free(core::SystemTime start, core::SystemTime end) const {
    for (const auto& e : entries_) {
      if (!std::ranges::all_of(e.tables, [&](int t) { return calendar_.is_free(t, start, end); })) continue;
      if (e.combination == nullptr) {
        const Table& t = s_.tables[static_cast<std::size_t>(e.tables.front())];
        return TableChoice{{t.id}, {}, t.name};
      }
      return TableChoice{e.combination->table_ids, e.combination->id, e.combination->name};
    }
    return std::nullopt;
  }

 private:
  struct Entry {
    int empty_seats;
    int priority;
    int area_priority;
    const std::string* name;
    std::vector<int> tables;
    const TableCombination* combination;  // null: a single table
  };
  static bool less(const Entry& a, const Entry& b) {
    return std::tie(a.empty_seats, a.priority, a.area_priority, *a.name) <
           std::tie(b.empty_seats, b.priority, b.area_priority, *b.name);
  }

  const RestaurantSnapshot& s_;
  const TableCalendar& calendar_;
  std::vector<Entry> entries_;
};

}  // namespace

int start_interval(const OpeningHour& service) {
  return std::max(service.seating.interval, 5);
}

ServiceWindow service_window(const std::string& zone, date::year_month_day service_day, const OpeningHour& h) {
  const auto start = local_to_utc(zone, service_day, hhmm_to_minutes(h.open)).instant;
  const auto close_day = h.close < h.open ? add_days(service_day, 1) : service_day;
  return {start, local_to_utc(zone, close_day, hhmm_to_minutes(h.close)).instant};
}

std::string_view reason_code(Unavailable reason) {
  switch (reason) {
    case Unavailable::too_soon: return "too_soon";
    case Unavailable::too_far_ahead: return "too_far_ahead";
    case Unavailable::party_too_large: return "party_too_large";
    case Unavailable::pacing_full: return "pacing_full";
    case Unavailable::service_full: return "service_full";
    case Unavailable::no_table: return "no_table";
  }
  return "unavailable";
}

std::vector<const OpeningHour*> services_on(std::span<const OpeningHour> hours, date::year_month_day day) {
  std::vector<const OpeningHour*> specials;
  for (const auto& h : hours) {
    if (h.deleted || !h.special || !covers(h, day)) continue;
    if (!h.is_open) return {};  // closed that day (or a closure over it)
    specials.push_back(&h);
  }
  auto by_open = [](const OpeningHour* h) { return h->open; };
  if (!specials.empty()) {
    std::ranges::stable_sort(specials, {}, by_open);
    return specials;
  }
  std::vector<const OpeningHour*> regular;
  const int weekday = iso_weekday(day);
  for (const auto& h : hours) {
    if (!h.deleted && !h.special && h.day == weekday) regular.push_back(&h);
  }
  std::ranges::stable_sort(regular, {}, by_open);  // lunch before dinner, whatever was created first
  return regular;
}

std::optional<TableChoice> choose_tables(const RestaurantSnapshot& s, int people, core::SystemTime start, int duration,
                                         bool only_bookable_online, const std::string& area_id,
                                         const std::vector<std::string>& service_area_ids) {
  const int buffer = s.restaurant.booking_rules.turnover_buffer;
  const TableCalendar calendar(s.tables, s.bookings, buffer);
  const RankedSeatings seatings(s, calendar, people, only_bookable_online, area_id, service_area_ids);
  return seatings.first_free(start, start + minutes{duration + buffer});
}

std::vector<ServiceSlots> available_times(const RestaurantSnapshot& s, const AvailabilityRequest& r,
                                          core::SystemTime now) {
  const auto& rules = s.restaurant.booking_rules;
  const auto& zone = s.restaurant.timezone;
  const int duration = duration_for(rules, r.people);
  const auto today = utc_to_local(zone, now).day;
  const auto last_bookable_day = add_days(today, rules.max_days_ahead);
  const auto earliest = now + minutes{rules.min_notice_minutes};
  const int buffer = rules.turnover_buffer;
  const TableCalendar calendar(s.tables, s.bookings, buffer);
  const CoverCounter covers(s.bookings);

  std::vector<ServiceSlots> out;
  // This day's services, and the day before's that run past midnight.
  for (int offset : {-1, 0}) {
    const auto service_day = add_days(r.day, offset);
    for (const OpeningHour* h : services_on(s.opening_hours, service_day)) {
      if (!r.opening_hour_id.empty() && h->id != r.opening_hour_id) continue;
      const int open = hhmm_to_minutes(h->open);
      const int length = service_length_minutes(h->open, h->close);
      const int interval = start_interval(*h);
      const auto window = service_window(zone, service_day, *h);
      const RankedSeatings seatings(s, calendar, r.people, r.only_bookable_online, r.area_id, h->area_ids);
      ServiceSlots service{h, {}};
      for (int m = open; m < open + length; m += interval) {
        // A start time belongs to the calendar date it falls on.
        const bool next_day = m >= 24 * 60;
        if ((offset == -1) != next_day) continue;
        const auto slot_day = next_day ? add_days(service_day, 1) : service_day;
        const int local = m % (24 * 60);
        const auto utc = local_to_utc(zone, slot_day, local);
        if (utc.kind == LocalTimeKind::nonexistent) continue;
        // The last start lets the booking end by closing, in real time.
        if (utc.instant + minutes{duration} > window.end) continue;
        Slot slot{format_iso_date(slot_day), local, utc.instant, std::nullopt};
        // The online booking window binds guests, not staff.
        if (r.only_bookable_online && utc.instant < earliest) {
          slot.unavailable = Unavailable::too_soon;
        } else if (r.only_bookable_online && slot_day > last_bookable_day) {
          slot.unavailable = Unavailable::too_far_ahead;
        } else if (r.only_bookable_online && r.people > rules.max_online_party_size) {
          slot.unavailable = Unavailable::party_too_large;
        } else if (auto hit = cover_limit_hit(covers, *h, window, utc.instant, r.people)) {
          slot.unavailable = hit->reason;
        } else if (!seatings.first_free(utc.instant, utc.instant + minutes{duration + buffer})) {
          slot.unavailable = Unavailable::no_table;
        }
        service.slots.push_back(std::move(slot));
      }
      if (!service.slots.empty() || offset == 0) out.push_back(std::move(service));
    }
  }
  return out;
}

bool is_table_free(const RestaurantSnapshot& snapshot, const std::string& table_id, core::SystemTime start,
                   core::SystemTime end) {
  const int buffer = snapshot.restaurant.booking_rules.turnover_buffer;
  return std::ranges::none_of(snapshot.bookings, [&](const Booking& b) {
    const auto span = occupancy(b, buffer);
    return span.start != span.end && span.start < end && start < span.end &&
           std::ranges::find(b.tables, table_id, &BookedTable::id) != b.tables.end();
  });
}

}  // namespace maitred::domain
