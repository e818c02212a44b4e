#include "app/record_event.hpp"

#include "core/ids.hpp"
#include "store/store.hpp"

namespace maitred::app {

void record_event(const EventSource& source, std::string type, std::string resource_id, std::string changes_json) {
  domain::Event event;
  event.id = core::new_id();
  event.restaurant_id = std::string(source.restaurant_id);
  event.type = std::move(type);
  event.at = source.clock.now();
  event.actor = source.actor;
  event.resource_id = std::move(resource_id);
  event.changes_json = std::move(changes_json);
  source.store.events().append_event(std::move(event));
}

}  // namespace maitred::app
