#include "app/customer_service.hpp"

#include "core/ids.hpp"
#include "store/store.hpp"

namespace maitred::app {

void link_customer(const EventSource& source, domain::Booking& b) {
  auto& store = source.store;
  const auto& guest = b.guest;
  if (guest.email.empty() && guest.phone.empty()) {
    b.customer_id.clear();
    return;
  }
  domain::Customer candidate;
  candidate.id = core::new_id();
  candidate.name = guest.name;
  candidate.email = guest.email;
  candidate.phone = guest.phone;
  candidate.created_at = source.clock.now();
  // The store locks the e-mail and phone: of two bookings for one new guest
  // written side by side (other days), one creates the customer and the
  // other finds it.
  const auto found = store.guests().find_or_add_customer(b.restaurant_id, candidate);
  if (found.created) record_event(source, "customer.created", found.id);
  b.customer_id = found.id;
}

void refresh_customer(const EventSource& source, const std::string& customer_id, const domain::Guest* latest_guest) {
  if (customer_id.empty()) return;
  auto& store = source.store;
  const std::string restaurant_id(source.restaurant_id);
  // Its counts are read and written back: one body at a time per customer.
  auto locked = store.guests().find_customer_for_update(restaurant_id, customer_id);
  if (!locked) return;
  auto& customer = locked->customer;
  auto stats = store.guests().customer_booking_stats(restaurant_id, customer_id);
  customer.booking_count = stats.booking_count;
  customer.first_booking_at = stats.first;
  customer.last_booking_at = stats.last;
  if (latest_guest != nullptr) {
    if (!latest_guest->name.empty()) customer.name = latest_guest->name;
    if (!latest_guest->email.empty()) customer.email = latest_guest->email;
    if (!latest_guest->phone.empty()) customer.phone = latest_guest->phone;
  }
  // The counts follow the bookings (their own events); a customer.updated
  // event is for what the guest's details say.
  auto changes = store.guests().update_customer(restaurant_id, *locked, customer, customer.created_at,
                                                store::CustomerChanges::details_only);
  if (!changes.empty()) record_event(source, "customer.updated", customer.id, std::move(changes));
}

}  // namespace maitred::app
