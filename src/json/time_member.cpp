#include "json/time_member.hpp"

#include "core/time_format.hpp"

namespace maitred::json {

void write_optional_time(JsonWriter& out, std::string_view key, const std::optional<core::SystemTime>& t) {
  out.key(key);
  if (t)
    out.string(core::format_utc(*t));
  else
    out.null();
}

}  // namespace maitred::json
