#include "json/webhook_codec.hpp"

#include "core/time_format.hpp"

namespace maitred::json {

void write_webhook_endpoint(JsonWriter& out, const domain::WebhookEndpoint& e) {
  out.start_object();
  out.member("_id", e.id);
  out.member("url", e.url);
  out.key("events");
  out.start_array();
  for (const auto& pattern : e.events) out.string(pattern);
  out.end_array();
  out.member("description", e.description);
  out.member("enabled", e.enabled);
  if (!e.disabled_reason.empty()) out.member("disabledReason", e.disabled_reason);
  out.member("createdAt", core::format_utc(e.created_at));
  out.member("updatedAt", core::format_utc(e.updated_at));
  out.end_object();
}

std::string webhook_endpoint_to_json(const domain::WebhookEndpoint& endpoint) {
  std::string out;
  JsonWriter writer(out);
  write_webhook_endpoint(writer, endpoint);
  return out;
}

void apply_webhook_endpoint(ObjectReader& in, domain::WebhookEndpoint& e) {
  // Lengths are checked by the use case with messages of their own; these
  // bounds only stop absurd bodies early.
  if (auto url = in.optional_string("url", 100'000)) e.url = std::move(*url);
  if (auto events = in.optional_string_array("events", 1000, 200)) e.events = std::move(*events);
  if (auto description = in.optional_string("description", 100'000)) e.description = std::move(*description);
  if (auto enabled = in.optional_bool("enabled")) e.enabled = *enabled;
  for (auto read_only : {"_id", "createdAt", "updatedAt", "disabledReason"}) in.ignore(read_only);
}

domain::WebhookEndpoint webhook_endpoint_from_stored(std::string_view json) {
  auto parsed = parse_body(json);
  ObjectReader in(parsed);
  domain::WebhookEndpoint e;
  e.id = in.required_string("_id", 64);
  e.url = in.required_string("url", 100'000);
  e.events = in.optional_string_array("events", 1000, 200).value_or(std::vector<std::string>{});
  e.description = in.optional_string("description", 100'000).value_or("");
  e.enabled = in.optional_bool("enabled").value_or(true);
  e.disabled_reason = in.optional_string("disabledReason", 2000).value_or("");
  auto time = [&](std::string_view key) {
    const auto text = in.required_string(key, 64);
    const auto at = core::parse_utc(text);
    if (!at) invalid(std::string(key), std::string(key) + " is not a UTC time.");
    return *at;
  };
  e.created_at = time("createdAt");
  e.updated_at = time("updatedAt");
  in.finish();
  return e;
}

}  // namespace maitred::json
