#pragma once
// The demo restaurant's setup: two areas, twenty tables, combinations,
// lunch and dinner services, a closed day, a late opening and custom fields
// — enough to try every endpoint against something realistic.

#include <string>

#include "core/clock.hpp"

namespace maitred::store {
class Store;
}

namespace maitred::app {

// Adds the demo setup to `restaurant_id` unless it already has tables.
// Returns true when it added it.
bool ensure_demo_setup(store::Store& store, const core::Clock& clock, const std::string& restaurant_id);

}  // namespace maitred::app
