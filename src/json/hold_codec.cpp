#include "json/hold_codec.hpp"

#include "core/time_format.hpp"
#include "domain/calendar.hpp"
#include "json/json_reader.hpp"
#include "json/json_writer.hpp"

namespace maitred::json {

std::string hold_to_json(const domain::Hold& h) {
  std::string text;
  JsonWriter out(text);
  out.start_object();
  out.member("_id", h.id);
  out.member("restaurantId", h.restaurant_id);
  out.member("date", h.date);
  out.member("time", domain::format_clock_time(h.time));
  out.member("dateTime", core::format_utc(h.start));
  out.member("people", h.people);
  out.member("duration", h.duration);
  out.key("tables");
  out.start_array();
  for (const auto& t : h.tables) {
    out.start_object();
    out.member("_id", t.id);
    out.member("name", t.name);
    out.member("areaId", t.area_id);
    out.member("areaName", t.area_name);
    out.end_object();
  }
  out.end_array();
  out.member("openingHourId", h.opening_hour_id);
  out.member("expiresAt", core::format_utc(h.expires_at));
  out.end_object();
  return text;
}

domain::Hold hold_from_stored(std::string_view json) {
  auto doc = parse_body(json);
  ObjectReader in(doc);
  domain::Hold h;
  h.id = in.required_string("_id", 64);
  h.restaurant_id = in.required_string("restaurantId", 64);
  h.date = in.required_string("date", 10);
  h.time = domain::parse_clock_time(in.required_string("time", 5)).value_or(0);
  h.start = core::parse_utc(in.required_string("dateTime", 32)).value_or(core::SystemTime{});
  h.people = static_cast<int>(in.required_integer("people", 1, 100000));
  h.duration = static_cast<int>(in.required_integer("duration", 1, 100000));
  for (auto& t : in.optional_object_array("tables", 100).value_or(std::vector<ObjectReader>{})) {
    domain::BookedTable table;
    table.id = t.required_string("_id", 64);
    table.name = t.optional_string("name", 10000).value_or("");
    table.area_id = t.optional_string("areaId", 64).value_or("");
    table.area_name = t.optional_string("areaName", 10000).value_or("");
    t.finish();
    h.tables.push_back(std::move(table));
  }
  h.opening_hour_id = in.optional_string("openingHourId", 64).value_or("");
  h.expires_at = core::parse_utc(in.required_string("expiresAt", 32)).value_or(core::SystemTime{});
  in.finish();
  return h;
}

}  // namespace maitred::json
