#include "json/api_key_codec.hpp"

#include "core/time_format.hpp"
#include "json/json_writer.hpp"
#include "json/time_member.hpp"

namespace maitred::json {

std::string api_key_to_json(const domain::ApiKey& key) {
  std::string text;
  JsonWriter out(text);
  out.start_object();
  out.member("_id", key.id);
  out.member("restaurantId", key.restaurant_id);
  out.member("name", key.label);
  out.member("createdAt", core::format_utc(key.created_at));
  write_optional_time(out, "lastUsedAt", key.last_used_at);
  write_optional_time(out, "revokedAt", key.revoked_at);
  out.end_object();
  return text;
}

}  // namespace maitred::json
