#include "domain/availability.hpp"

#include <algorithm>
#include <limits>
#include <tuple>

#include "domain/booking_status.hpp"
#include "domain/calendar.hpp"
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

// Busy intervals of one table, from the bookings that hold it.
struct Busy {
  core::SystemTime start;
  core::SystemTime end;
};

class TableCalendar {
 public:
  TableCalendar(std::span<const Booking> bookings, int buffer) {
    for (const auto& b : bookings) {
      const auto span = occupancy(b, buffer);
      if (span.start == span.end) continue;
      for (const auto& t : b.tables) busy_.emplace_back(t.id, Busy{span.start, span.end});
    }
  }
  bool is_free(const std::string& table_id, core::SystemTime start, core::SystemTime end) const {
    return std::ranges::none_of(busy_, [&](const auto& entry) {
      return entry.first == table_id && start < entry.second.end && entry.second.start < end;
    });
  }

 private:
  std::vector<std::pair<std::string, Busy>> busy_;
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

}  // namespace

int covers_starting_between(std::span<const Booking> bookings, core::SystemTime from, core::SystemTime to) {
  int people = 0;
  for (const auto& b : bookings) {
    if (holds_tables(b.status) && from <= b.date_time && b.date_time < to) people += b.people;
  }
  return people;
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
  const auto end = start + minutes{duration + buffer};
  const TableCalendar calendar(s.bookings, buffer);
  auto usable = [&](const Table& t) {
    return (!only_bookable_online || t.bookable_online) && in_areas(t, area_id, service_area_ids) &&
           calendar.is_free(t.id, start, end);
  };

  const Table* best = nullptr;
  auto rank = [&](const Table& t) {
    return std::tuple(t.seats_max - people, t.priority, area_priority(s.areas, t.area_id), t.name);
  };
  for (const auto& t : s.tables) {
    if (people < t.seats_min || people > t.seats_max || !usable(t)) continue;
    if (best == nullptr || rank(t) < rank(*best)) best = &t;
  }
  if (best != nullptr) return TableChoice{{best->id}, {}, best->name};

  // Ranked as tables are: empty seats, then priority (its tables' summed),
  // then area priority (the most preferred of its tables' areas), then name.
  const TableCombination* best_combination = nullptr;
  std::tuple<int, int, int, std::string> best_rank;
  for (const auto& c : s.combinations) {
    if (people < c.seats_min || people > c.seats_max) continue;
    if (only_bookable_online && !c.bookable_online) continue;
    bool all_usable = true;
    int priority = 0;
    int preferred_area = std::numeric_limits<int>::max();
    for (const auto& id : c.table_ids) {
      auto t = std::ranges::find(s.tables, id, &Table::id);
      if (t == s.tables.end() || !usable(*t)) {
        all_usable = false;
        break;
      }
      priority += t->priority;
      preferred_area = std::min(preferred_area, area_priority(s.areas, t->area_id));
    }
    if (!all_usable) continue;
    auto rank = std::tuple(c.seats_max - people, priority, preferred_area, c.name);
    if (best_combination == nullptr || rank < best_rank) {
      best_combination = &c;
      best_rank = std::move(rank);
    }
  }
  if (best_combination != nullptr) {
    return TableChoice{best_combination->table_ids, best_combination->id, best_combination->name};
  }
  return std::nullopt;
}

std::vector<ServiceSlots> available_times(const RestaurantSnapshot& s, const AvailabilityRequest& r,
                                          core::SystemTime now) {
  const auto& rules = s.restaurant.booking_rules;
  const auto& zone = s.restaurant.timezone;
  const int duration = duration_for(rules, r.people);
  const auto today = utc_to_local(zone, now).day;
  const auto last_bookable_day = add_days(today, rules.max_days_ahead);
  const auto earliest = now + minutes{rules.min_notice_minutes};

  std::vector<ServiceSlots> out;
  // This day's services, and the day before's that run past midnight.
  for (int offset : {-1, 0}) {
    const auto service_day = add_days(r.day, offset);
    for (const OpeningHour* h : services_on(s.opening_hours, service_day)) {
      if (!r.opening_hour_id.empty() && h->id != r.opening_hour_id) continue;
      const int open = hhmm_to_minutes(h->open);
      const int length = service_length_minutes(h->open, h->close);
      const int interval = std::max(h->seating.interval, 5);
      const auto window = service_window(zone, service_day, *h);
      const auto service_start = window.start;
      const auto service_end = window.end;
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
        if (utc.instant + minutes{duration} > service_end) continue;
        Slot slot{format_iso_date(slot_day), local, utc.instant, std::nullopt};
        // The online booking window binds guests, not staff.
        if (r.only_bookable_online && utc.instant < earliest) {
          slot.unavailable = Unavailable::too_soon;
        } else if (r.only_bookable_online && slot_day > last_bookable_day) {
          slot.unavailable = Unavailable::too_far_ahead;
        } else if (r.only_bookable_online && r.people > rules.max_online_party_size) {
          slot.unavailable = Unavailable::party_too_large;
        } else if (h->max_people_per_slot &&
                   covers_starting_between(s.bookings, utc.instant, utc.instant + minutes{interval}) + r.people >
                       *h->max_people_per_slot) {
          slot.unavailable = Unavailable::pacing_full;
        } else if (h->max_people &&
                   covers_starting_between(s.bookings, service_start, service_end) + r.people > *h->max_people) {
          slot.unavailable = Unavailable::service_full;
        } else if (!choose_tables(s, r.people, utc.instant, duration, r.only_bookable_online, r.area_id, h->area_ids)) {
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
  const TableCalendar calendar(snapshot.bookings, snapshot.restaurant.booking_rules.turnover_buffer);
  return calendar.is_free(table_id, start, end);
}

}  // namespace maitred::domain
