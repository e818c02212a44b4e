#include "cli/demo_command.hpp"

#include <iostream>

#include "app/admin.hpp"
#include "cli/store_options.hpp"
#include "store/store.hpp"

namespace maitred::cli {

namespace {

struct DemoArguments {
  StoreOptions store;
  bool no_bookings = false;
};

std::vector<Option> options(DemoArguments& a) {
  std::vector<Option> rows = {
      {.name = "--no-bookings", .target = &a.no_bookings, .help = "Only the setup: no bookings for the next 14 days"},
  };
  return with_store_options(a.store, std::move(rows));
}

int run(const DemoArguments& a, const core::Clock& clock) {
  auto store = open_admin_store(a.store);
  auto result = app::ensure_demo(*store, clock, a.store.data_dir, !a.no_bookings);
  std::cout << (result.created ? "Created" : "Using") << " the demo restaurant \"" << result.restaurant.name << "\" ("
            << result.restaurant.id << ", " << result.restaurant.timezone << ").\n";
  if (result.bookings_added > 0) {
    std::cout << "Booked its next 14 days with " << result.bookings_added << " bookings.\n";
  }
  std::cout << "Its API key:\n" << result.api_key << std::endl;
  return 0;
}

}  // namespace

Handler demo_command() {
  return handler<DemoArguments>(options, run);
}

}  // namespace maitred::cli
