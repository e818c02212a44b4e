#include "app/hold_service.hpp"

#include <algorithm>

#include "app/record_event.hpp"
#include "app/restaurant_snapshot.hpp"
#include "core/ids.hpp"
#include "domain/calendar.hpp"
#include "domain/errors.hpp"
#include "domain/restaurant_rules.hpp"
#include "domain/time_zone.hpp"
#include "store/hold_documents.hpp"
#include "store/store.hpp"

namespace maitred::app {

namespace {
[[noreturn]] void invalid(std::string field, const std::string& message, std::string code = "invalid_field") {
  throw domain::InvalidInput(std::move(code), std::move(field), message);
}
}  // namespace

domain::Hold place_hold(const BookingContext& c, const HoldRequest& r) {
  auto day = domain::parse_iso_date(r.date);
  if (!day) invalid("date", "date format invalid, should be YYYY-MM-DD.");
  if (!domain::is_supported_date(*day)) invalid("date", "Dates must be from 1900-01-01 to 2037-12-31.");
  auto minutes = domain::parse_clock_time(r.time);
  if (!minutes) invalid("time", "time format invalid, should be HH:MM.");

  domain::Hold hold;
  c.store.atomically_for_day(c.restaurant.id, r.date, [&] {
    const auto now = c.clock.now();
    const auto loaded = load_restaurant(c.store, c.restaurant, *day, *day, now);
    const auto snapshot = loaded.snapshot();
    domain::AvailabilityRequest request{*day, r.people, true, r.opening_hour_id, r.area_id};
    for (const auto& service : domain::available_times(snapshot, request, now)) {
      auto slot =
          std::ranges::find_if(service.slots, [&](const auto& s) { return s.date == r.date && s.minutes == *minutes; });
      if (slot == service.slots.end()) continue;
      if (slot->unavailable) {
        invalid("time",
                r.time + " on " + r.date + " cannot be booked for " + std::to_string(r.people) +
                    " people: " + std::string(domain::reason_code(*slot->unavailable)) + ".",
                std::string(domain::reason_code(*slot->unavailable)));
      }
      const int duration = domain::duration_for(c.restaurant.booking_rules, r.people);
      auto choice =
          domain::choose_tables(snapshot, r.people, slot->start, duration, true, r.area_id, service.service->area_ids);
      if (!choice) invalid("time", "No suitable table was found.", "no_table");
      hold.id = core::new_id();
      hold.restaurant_id = c.restaurant.id;
      hold.date = r.date;
      hold.time = *minutes;
      hold.start = slot->start;
      hold.people = r.people;
      hold.duration = duration;
      hold.opening_hour_id = service.service->id;
      for (const auto& id : choice->table_ids) {
        hold.tables.push_back(loaded.booked(id));
      }
      hold.expires_at = now + std::chrono::minutes{c.restaurant.booking_rules.hold_minutes};
      store::insert_hold(c.store.documents(), hold, now);
      record_event({c.store, c.clock, c.actor, c.restaurant.id}, "hold.created", hold.id);
      return;
    }
    invalid("time", r.time + " is not a start time the restaurant offers on " + r.date + ".", "not_bookable");
  });
  return hold;
}

bool release_hold(const BookingContext& c, const std::string& hold_id) {
  if (!core::is_valid_id(hold_id)) return false;
  bool released = false;
  c.store.atomically([&] {
    released = c.store.documents().erase_document(store::Collection::holds, c.restaurant.id, hold_id);
    if (released) record_event({c.store, c.clock, c.actor, c.restaurant.id}, "hold.released", hold_id);
  });
  return released;
}

}  // namespace maitred::app
