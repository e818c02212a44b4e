#pragma once
// Administrative operations behind the CLI subcommands. Each checks its input
// completely before it writes, so a bad argument never leaves a half-made
// change behind.

#include <filesystem>
#include <stdexcept>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "domain/api_key.hpp"
#include "domain/restaurant.hpp"

namespace maitred::store {
class Store;
}

namespace maitred::app {

// A mistake in what the user asked for; the CLI prints it and exits non-zero.
struct UsageError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

domain::Restaurant create_restaurant(store::Store& store, const core::Clock& clock, const std::string& name,
                                     const std::string& timezone);

// Returns the secret, the only time it exists outside a hash.
std::string create_api_key(store::Store& store, const core::Clock& clock, const std::string& restaurant_id,
                           const std::string& label);

std::vector<domain::ApiKey> list_api_keys(store::Store& store, const std::string& restaurant_id);

domain::ApiKey revoke_api_key(store::Store& store, const core::Clock& clock, const std::string& key_id);

struct DemoRestaurant {
  domain::Restaurant restaurant;
  std::string api_key;
  bool created;            // false when it already existed
  int bookings_added = 0;  // demo bookings made by this call
};

// Creates the demo restaurant once; later calls return the same restaurant and
// key. The demo key is kept in `data_dir`/demo-api-key (mode 0600) so that it
// can be printed again: it is a convenience for trying maitred out, not for
// production keys, which are only ever stored hashed. When it gets its
// setup, `with_bookings` also fills its next 14 days with bookings.
DemoRestaurant ensure_demo(store::Store& store, const core::Clock& clock, const std::filesystem::path& data_dir,
                           bool with_bookings = true);

}  // namespace maitred::app
