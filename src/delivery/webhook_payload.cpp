#include "delivery/webhook_payload.hpp"

#include <array>
#include <utility>

#include "app/setup_kinds.hpp"
#include "core/time_format.hpp"
#include "domain/event.hpp"
#include "json/booking_codec.hpp"
#include "json/json_writer.hpp"
#include "json/restaurant_codec.hpp"
#include "json/setup_codec.hpp"
#include "store/corrupt_document.hpp"

namespace maitred::delivery {

namespace {

using store::Collection;

// Resources served as stored, by the resource part of their event type.
constexpr std::array<std::pair<std::string_view, Collection>, 10> kStoredAsServed = {{
    {"area", Collection::areas},
    {"table_combination", Collection::table_combinations},
    {"opening_hour", Collection::opening_hours},
    {"custom_field", Collection::custom_fields},
    {"customer", Collection::customers},
    {"order", Collection::orders},
    {"feedback", Collection::feedback},
    {"hold", Collection::holds},
    {"import", Collection::imports},
    {"webhook", Collection::webhooks},
}};

bool names_a_removal(std::string_view type) {
  for (std::string_view ending : {".deleted", ".erased", ".released", ".revoked"}) {
    if (type.ends_with(ending)) return true;
  }
  return false;
}

std::string ids_only(std::string_view id) {
  std::string out;
  json::JsonWriter writer(out);
  writer.start_object();
  writer.member("_id", id);
  writer.end_object();
  return out;
}

// A table is served with its area embedded (api/tables.cpp).
std::optional<std::string> render_table(store::Store& store, const store::WebhookDelivery& d) {
  auto stored = store.documents().find_document(Collection::tables, d.restaurant_id, d.resource_id);
  if (!stored || stored->deleted) return std::nullopt;
  const auto table = app::decode_stored<domain::Table>(*stored);
  std::optional<domain::Area> area;
  if (!table.area_id.empty()) {
    if (auto a = store.documents().find_document(Collection::areas, d.restaurant_id, table.area_id))
      area = app::decode_stored<domain::Area>(*a);
  }
  std::string out;
  json::JsonWriter writer(out);
  json::write_table(writer, table, area ? &*area : nullptr, true);
  return out;
}

// The resource as the API serves it now; nullopt when it is gone or is
// never sent whole.
std::optional<std::string> render_resource(store::Store& store, const store::WebhookDelivery& d) {
  const auto resource = domain::resource_type_of(d.event_type);
  if (resource == "booking") {
    auto booking = store.bookings().find_booking(d.restaurant_id, d.resource_id);
    if (!booking) return std::nullopt;
    return json::booking_to_json(*booking);
  }
  if (resource == "restaurant") {
    auto restaurant = store.restaurants().find_restaurant(d.restaurant_id);
    if (!restaurant) return std::nullopt;
    return json::restaurant_to_json(*restaurant);
  }
  if (resource == "table") return render_table(store, d);
  for (const auto& [name, collection] : kStoredAsServed) {
    if (resource != name) continue;
    auto stored = store.documents().find_document(collection, d.restaurant_id, d.resource_id);
    if (!stored || stored->deleted) return std::nullopt;
    return stored->json;
  }
  return std::nullopt;  // api_key, staff_user, and types added later: ids only
}

}  // namespace

std::string render_webhook_payload(store::Store& store, const store::WebhookDelivery& d) {
  std::string data;
  if (d.event_type == "ping") {
    json::JsonWriter writer(data);
    writer.start_object();
    writer.member("webhookId", d.endpoint_id);
    writer.end_object();
  } else if (names_a_removal(d.event_type)) {
    data = ids_only(d.resource_id);
  } else {
    try {
      data = render_resource(store, d).value_or(ids_only(d.resource_id));
    } catch (const store::CorruptDocument& e) {
      store::log_corrupt(e, "sending its id only");
      data = ids_only(d.resource_id);
    }
  }
  std::string body;
  json::JsonWriter out(body);
  out.start_object();
  out.member("type", d.event_type);
  out.member("timestamp", core::format_utc(d.event_at));
  out.key("data");
  out.raw(data);
  if (!d.changes_json.empty()) {
    out.key("changes");
    out.raw(d.changes_json);
  }
  out.end_object();
  return body;
}

}  // namespace maitred::delivery
