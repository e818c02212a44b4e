#include "app/customer_service.hpp"

#include "core/ids.hpp"
#include "core/text.hpp"
#include "json/customer_codec.hpp"
#include "json/document_diff.hpp"
#include "store/corrupt_document.hpp"
#include "store/store.hpp"

namespace maitred::app {

namespace {

store::DocumentWrite customer_write(const std::string& restaurant_id, const domain::Customer& c, core::SystemTime at) {
  return {store::Collection::customers, restaurant_id, c.id, json::customer_to_json(c), std::nullopt, false, at};
}

}  // namespace

void link_customer(const EventSource& source, domain::Booking& b) {
  auto& store = source.store;
  const auto& guest = b.guest;
  if (guest.email.empty() && guest.phone.empty()) {
    b.customer_id.clear();
    return;
  }
  // Two bookings for one new guest may be written side by side (other days):
  // one of them creates the customer, the other finds it. Order: the
  // Idempotency-Key (create_booking), e-mail, phone, then the customer
  // (refresh_customer).
  if (!guest.email.empty()) store.serialize_on(b.restaurant_id, "email:" + core::ascii_lowered(guest.email));
  if (!guest.phone.empty()) store.serialize_on(b.restaurant_id, "phone:" + guest.phone);
  if (auto found = store.find_customer_by_contact(b.restaurant_id, guest.email, guest.phone)) {
    b.customer_id = found->id;
    return;
  }
  domain::Customer customer;
  customer.id = core::new_id();
  customer.name = guest.name;
  customer.email = guest.email;
  customer.phone = guest.phone;
  customer.created_at = source.clock.now();
  store.insert_document(customer_write(b.restaurant_id, customer, customer.created_at));
  record_event(source, "customer.created", customer.id);
  b.customer_id = customer.id;
}

void refresh_customer(const EventSource& source, const std::string& customer_id, const domain::Guest* latest_guest) {
  if (customer_id.empty()) return;
  auto& store = source.store;
  const std::string restaurant_id(source.restaurant_id);
  // Its counts are read and written back: one body at a time per customer.
  store.serialize_on(restaurant_id, "customer:" + customer_id);
  auto stored = store.find_document(store::Collection::customers, restaurant_id, customer_id);
  if (!stored) return;
  auto customer =
      store::decode_document("customer", customer_id, [&] { return json::customer_from_stored(stored->json); });
  auto stats = store.customer_booking_stats(restaurant_id, customer_id);
  customer.booking_count = stats.booking_count;
  customer.first_booking_at = stats.first;
  customer.last_booking_at = stats.last;
  if (latest_guest != nullptr) {
    if (!latest_guest->name.empty()) customer.name = latest_guest->name;
    if (!latest_guest->email.empty()) customer.email = latest_guest->email;
    if (!latest_guest->phone.empty()) customer.phone = latest_guest->phone;
  }
  auto after = json::customer_to_json(customer);
  // The counts follow the bookings (their own events); a customer.updated
  // event is for what the guest's details say.
  std::string changes;
  json::JsonWriter out(changes);
  json::write_document_diff(out, stored->json, after, {"bookingCount", "firstBookingAt", "lastBookingAt"});
  store.update_document({store::Collection::customers, restaurant_id, customer.id, std::move(after), std::nullopt,
                         false, customer.created_at});
  if (changes != "[]") record_event(source, "customer.updated", customer.id, std::move(changes));
}

}  // namespace maitred::app
