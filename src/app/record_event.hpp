#pragma once
// How a use case records what it changed: one event, appended to the
// atomically() body it runs in, so it commits with the change or not at all
// (store/event_log.hpp).

#include <string>
#include <string_view>

#include "core/clock.hpp"
#include "domain/event.hpp"

namespace maitred::store {
class Store;
}

namespace maitred::app {

struct EventSource {
  store::Store& store;
  const core::Clock& clock;
  const domain::Actor& actor;
  std::string_view restaurant_id;
};

// `changes_json`: for updates, the changed fields as a JSON array
// (json/document_diff.hpp); empty for the rest.
void record_event(const EventSource& source, std::string type, std::string resource_id, std::string changes_json = {});

}  // namespace maitred::app
