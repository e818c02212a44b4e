#pragma once
// The fromDateTime/toDateTime parameters of GET /v1/bookings, exactly as
// resos-api.md describes them:
//   "2026-01-20"              from the start of that local day / to its end
//   "2026-01-20T18:00:00Z"    that instant (also with an offset, +01:00)
//   "2026-01-20T00:00:00"     the restaurant's wall clock (what integrations
//                             mean by "today's bookings")

#include <optional>
#include <string_view>

#include "core/clock.hpp"

namespace maitred::domain {

enum class Bound { from, to };

// The instant the bound stands for (a `to` date is the last second of that
// day, so both ends are inclusive); nullopt when the text is none of the forms.
std::optional<core::SystemTime> parse_date_time_bound(std::string_view text, std::string_view zone, Bound bound);

}  // namespace maitred::domain
