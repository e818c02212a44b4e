#include "domain/hold.hpp"

namespace maitred::domain {

bool is_active(const Hold& hold, core::SystemTime now) {
  return now < hold.expires_at;
}

Booking as_booking(const Hold& hold) {
  Booking b;
  b.id = hold.id;
  b.restaurant_id = hold.restaurant_id;
  b.date = hold.date;
  b.time = hold.time;
  b.date_time = hold.start;
  b.people = hold.people;
  b.duration = hold.duration;
  b.status = "request";
  b.tables = hold.tables;
  return b;
}

}  // namespace maitred::domain
