#pragma once
// The clock every command of the binary runs on.

#include <memory>

#include "core/clock.hpp"

namespace maitred::cli {

// The system clock; in a test build (MAITRED_BUILD_TESTS), the pinned clock
// named by the environment variable MAITRED_TEST_NOW when it is set (an
// instant, or @FILE holding one: core/pinned_clock.hpp). A release binary
// refuses to run with MAITRED_TEST_NOW set (app::UsageError) rather than
// ignore it silently or honour it.
std::unique_ptr<core::Clock> process_clock();

inline constexpr const char* kTestNowVariable = "MAITRED_TEST_NOW";

}  // namespace maitred::cli
