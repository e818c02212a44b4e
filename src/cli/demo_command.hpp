#pragma once
// `maitred demo [--no-bookings]`: creates the demo restaurant once (setup,
// two weeks of bookings, an API key) and prints its API key on the last
// line, where a script finds it.

#include "cli/command.hpp"

namespace maitred::cli {

Handler demo_command();

}  // namespace maitred::cli
