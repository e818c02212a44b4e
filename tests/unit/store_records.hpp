#pragma once
// The restaurants and bookings the store tests write: the conformance suite
// (both stores) and the SQLite-only tests build them alike.

#include <string>

#include "core/ids.hpp"
#include "core/time_format.hpp"
#include "domain/booking.hpp"
#include "domain/restaurant.hpp"

namespace maitred::test {

inline const core::SystemTime kStoreNow{std::chrono::milliseconds{1'795'687'200'000}};

inline domain::Restaurant make_restaurant(const std::string& name, const std::string& zone) {
  domain::Restaurant r;
  r.id = core::new_id();
  r.name = name;
  r.timezone = zone;
  r.created_at = r.updated_at = kStoreNow;
  return r;
}

// `start` is the UTC instant as format_utc writes it; its date is taken as
// the local date, which is all the store looks at.
inline domain::Booking make_booking(const std::string& restaurant_id, const std::string& start, int people,
                                    const std::string& status = "request") {
  domain::Booking b;
  b.id = core::new_id();
  b.restaurant_id = restaurant_id;
  b.date = start.substr(0, 10);
  b.time = 19 * 60;
  b.date_time = *core::parse_utc(start);
  b.people = people;
  b.status = status;
  b.guest.name = "Guest " + std::to_string(people);
  b.created_at = b.activity_at = kStoreNow;
  return b;
}

}  // namespace maitred::test
