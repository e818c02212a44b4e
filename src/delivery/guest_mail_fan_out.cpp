#include "delivery/guest_mail_fan_out.hpp"

#include "core/logging.hpp"
#include "json/guest_message_codec.hpp"
#include "store/store.hpp"

namespace maitred::delivery {

std::size_t fan_out_guest_mail(store::Store& store, const core::Clock& clock, const std::vector<domain::Event>& events,
                               const app::GuestMailOptions& options) {
  if (events.empty()) return 0;
  // A batch is one restaurant's (outbox_consumer.hpp): read its settings once.
  const auto restaurant = store.restaurants().find_restaurant(events.front().restaurant_id);
  if (!restaurant) return 0;  // deleted meanwhile: nobody to write for
  std::size_t queued = 0;
  for (const auto& event : events) {
    if (domain::resource_type_of(event.type) != "booking") continue;
    const auto changes = json::read_booking_event_changes(event.changes_json);
    if (app::queue_guest_mail_for_event(store, clock, *restaurant, {event, changes.fields, changes.old_status},
                                        options)) {
      ++queued;
    }
  }
  return queued;
}

std::size_t queue_reminders_everywhere(store::Store& store, const core::Clock& clock,
                                       const app::GuestMailOptions& options) {
  std::size_t queued = 0;
  for (const auto& restaurant : store.restaurants().list_restaurants()) {
    try {
      queued += app::queue_due_reminders(store, clock, restaurant, options);
    } catch (const std::exception& e) {
      core::log().warn("guest e-mail reminders of restaurant {}: {}", restaurant.id, e.what());
    }
  }
  return queued;
}

}  // namespace maitred::delivery
