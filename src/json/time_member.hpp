#pragma once
// An instant that may be missing, written as every document writes one: a
// member with the UTC text (core::format_utc), or with null.

#include <optional>
#include <string_view>

#include "core/clock.hpp"
#include "json/json_writer.hpp"

namespace maitred::json {

void write_optional_time(JsonWriter& out, std::string_view key, const std::optional<core::SystemTime>& t);

}  // namespace maitred::json
