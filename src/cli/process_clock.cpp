#include "cli/process_clock.hpp"

#include <cstdlib>
#include <stdexcept>
#include <string>

#include "app/admin.hpp"
#include "core/pinned_clock.hpp"

namespace maitred::cli {

std::unique_ptr<core::Clock> process_clock() {
  const char* pin = std::getenv(kTestNowVariable);
  if (pin == nullptr) return std::make_unique<core::SystemClock>();
#ifdef MAITRED_TEST_CLOCK
  try {
    return std::make_unique<core::PinnedClock>(pin);
  } catch (const std::invalid_argument& e) {
    throw app::UsageError(std::string(kTestNowVariable) + ": " + e.what());
  }
#else
  throw app::UsageError(std::string(kTestNowVariable) +
                        " is set, but only test builds pin the clock; unset it to run this binary");
#endif
}

}  // namespace maitred::cli
