#pragma once
// ISO 8601 instants in UTC with a `Z`, the only form the API emits.

#include <optional>
#include <string>
#include <string_view>

#include "core/clock.hpp"

namespace maitred::core {

// 2026-11-23T18:30:00Z (milliseconds are dropped: the API speaks whole seconds).
std::string format_utc(SystemTime t);

// Parses exactly the form format_utc writes; anything else is nullopt.
std::optional<SystemTime> parse_utc(std::string_view text);

}  // namespace maitred::core
