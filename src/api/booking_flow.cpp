#include "api/booking_flow.hpp"

#include <algorithm>

#include "api/booking_context.hpp"
#include "api/caller_restaurant.hpp"
#include "api/setup_documents.hpp"
#include "app/hold_service.hpp"
#include "app/restaurant_snapshot.hpp"
#include "domain/availability.hpp"
#include "domain/calendar.hpp"
#include "domain/custom_field_rules.hpp"
#include "domain/date_time_bounds.hpp"
#include "domain/time_zone.hpp"
#include "http/api_error.hpp"
#include "http/query_params.hpp"
#include "json/hold_codec.hpp"

namespace maitred::api {

namespace {

// The widest range /dates computes at once (a quarter).
constexpr int kMaxDateRange = 92;

app::LoadedRestaurant load(http::RequestContext& context, const domain::Restaurant& restaurant,
                           date::year_month_day first, date::year_month_day last) {
  return app::load_restaurant(context.services.store, restaurant, first, last, context.services.clock.now());
}

}  // namespace

date::year_month_day required_date(const http::QueryParams& query, const char* name) {
  auto text = query.get(name);
  if (!text || text->empty()) json::invalid(name, std::string("'") + name + "' is required.", "missing_parameter");
  auto day = domain::parse_iso_date(*text);
  if (!day) json::invalid(name, std::string("'") + name + "' must be a date as YYYY-MM-DD.", "invalid_parameter");
  if (!domain::is_supported_date(*day)) {
    json::invalid(name, "Dates must be from 1900-01-01 to 2037-12-31.", "invalid_parameter");
  }
  return *day;
}

namespace {

// The area all of a combination's tables are in; empty when they are in
// several (or none).
std::string shared_area(const std::vector<domain::Table>& tables, const domain::TableCombination& combination) {
  std::string area;
  for (const auto& id : combination.table_ids) {
    auto table = std::ranges::find(tables, id, &domain::Table::id);
    if (table == tables.end() || table->area_id.empty()) return {};
    if (!area.empty() && table->area_id != area) return {};
    area = table->area_id;
  }
  return area;
}

}  // namespace

http::Response booking_flow_times(http::RequestContext& context) {
  http::QueryParams query(context.request.query);
  domain::AvailabilityRequest request;
  request.day = required_date(query, "date");
  if (!query.get("people")) json::invalid("people", "'people' is required.", "missing_parameter");
  request.people = static_cast<int>(query.get_integer("people", 2, 1, 1000));
  request.only_bookable_online = query.get_bool("onlyBookableOnline", true);
  request.opening_hour_id = query.get("openingHourId").value_or("");
  request.area_id = query.get("areaId").value_or("");
  return times_answer(context, restaurant_of(context), request);
}

http::Response times_answer(http::RequestContext& context, const domain::Restaurant& restaurant,
                            const domain::AvailabilityRequest& request) {
  const auto loaded = load(context, restaurant, request.day, request.day);
  const auto services = domain::available_times(loaded.snapshot(), request, context.services.clock.now());

  // As GET /v1/customFields lists them.
  std::vector<const domain::CustomField*> fields_by_sort_index;
  for (const auto& f : loaded.custom_fields) fields_by_sort_index.push_back(&f);
  std::ranges::stable_sort(fields_by_sort_index, {}, [](const auto* f) { return f->sort_index; });

  std::string body;
  json::JsonWriter out(body);
  out.start_array();
  for (const auto& service : services) {
    const auto& h = *service.service;
    out.start_object();
    out.member("_id", h.id);
    out.member("name", h.name);
    out.member("note", h.note);
    out.key("availableTimes");
    out.start_array();
    for (const auto& slot : service.slots) {
      if (!slot.unavailable) out.string(domain::format_clock_time(slot.minutes));
    }
    out.end_array();
    out.key("unavailableTimes");
    out.start_array();
    for (const auto& slot : service.slots) {
      if (slot.unavailable) out.string(domain::format_clock_time(slot.minutes));
    }
    out.end_array();
    // (ours) why each unavailable time is not bookable.
    out.key("unavailableReasons");
    out.start_array();
    for (const auto& slot : service.slots) {
      if (!slot.unavailable) continue;
      out.start_object();
      out.member("time", domain::format_clock_time(slot.minutes));
      out.member("reason", domain::reason_code(*slot.unavailable));
      out.end_object();
    }
    out.end_array();
    out.key("activeCustomFields");
    out.start_array();
    for (const auto* f : fields_by_sort_index) {
      if (domain::applies_to_booking(*f, h.id)) json::write_custom_field(out, *f);
    }
    out.end_array();
    out.end_object();
  }
  out.end_array();
  return http::Response::json(200, std::move(body));
}

http::Response booking_flow_dates(http::RequestContext& context) {
  http::QueryParams query(context.request.query);
  const auto from = required_date(query, "fromDate");
  const auto to = required_date(query, "toDate");
  std::optional<int> people;
  if (query.get("people")) people = static_cast<int>(query.get_integer("people", 2, 1, 1000));
  return dates_answer(context, restaurant_of(context), from, to, people);
}

http::Response dates_answer(http::RequestContext& context, const domain::Restaurant& restaurant,
                            date::year_month_day from, date::year_month_day to, std::optional<int> people) {
  if (to < from) json::invalid("toDate", "toDate must not be before fromDate.", "invalid_parameter");
  if (date::sys_days{to} - date::sys_days{from} >= date::days{kMaxDateRange}) {
    json::invalid("toDate", "The range may span at most 92 days.", "invalid_parameter");
  }
  const auto loaded = load(context, restaurant, from, to);
  const auto now = context.services.clock.now();
  std::string body;
  json::JsonWriter out(body);
  out.start_array();
  for (auto day = date::sys_days{from}; day <= date::sys_days{to}; day += date::days{1}) {
    const date::year_month_day ymd{day};
    bool open = false;
    if (!people) {
      // Open when any service offers a start time on that date, including
      // the after-midnight starts of the day before's late service.
      domain::AvailabilityRequest request{ymd, 1, false, {}, {}};
      for (const auto& service : domain::available_times(loaded.snapshot(), request, now)) {
        open = open || !service.slots.empty();
      }
    } else {
      domain::AvailabilityRequest request{ymd, *people, true, {}, {}};
      for (const auto& service : domain::available_times(loaded.snapshot(), request, now)) {
        open = open || std::ranges::any_of(service.slots, [](const auto& s) { return !s.unavailable; });
      }
    }
    if (open) out.string(domain::format_iso_date(ymd));
  }
  out.end_array();
  return http::Response::json(200, std::move(body));
}

http::Response booking_flow_available_tables(http::RequestContext& context) {
  http::QueryParams query(context.request.query);
  if (!query.get("people")) json::invalid("people", "'people' is required.", "missing_parameter");
  const int people = static_cast<int>(query.get_integer("people", 2, 1, 1000));
  const bool all = query.get_bool("returnAllTables", false);
  const auto restaurant = restaurant_of(context);
  auto instant = [&](const char* name, domain::Bound bound) {
    auto text = query.get(name);
    if (!text || text->empty()) json::invalid(name, std::string("'") + name + "' is required.", "missing_parameter");
    auto t = domain::parse_date_time_bound(*text, restaurant.timezone, bound);
    if (!t) json::invalid(name, std::string("'") + name + "' must be a date-time.", "invalid_parameter");
    return *t;
  };
  const auto from = instant("fromDateTime", domain::Bound::from);
  const auto to = instant("toDateTime", domain::Bound::to);
  if (to <= from) json::invalid("toDateTime", "toDateTime must be after fromDateTime.", "invalid_parameter");
  if (to - from > std::chrono::hours{24})
    json::invalid("toDateTime", "The window may span at most 24 hours.", "invalid_parameter");

  const auto local = domain::utc_to_local(restaurant.timezone, from).day;
  const auto loaded = load(context, restaurant, local, local);
  const auto snapshot = loaded.snapshot();
  auto write_area = [&](json::JsonWriter& out, const std::string& area_id) {
    out.key("area");
    auto area = std::ranges::find(loaded.areas, area_id, &domain::Area::id);
    if (area == loaded.areas.end()) {
      out.null();
      return;
    }
    out.start_object();
    out.member("_id", area->id);
    out.member("name", area->name);
    out.end_object();
  };
  std::string body;
  json::JsonWriter out(body);
  out.start_array();
  for (const auto& t : loaded.tables) {
    const bool fits = people >= t.seats_min && people <= t.seats_max;
    const bool free = domain::is_table_free(snapshot, t.id, from, to);
    if (!all && !(fits && free)) continue;
    out.start_object();
    out.member("_id", t.id);
    out.member("name", t.name);
    write_area(out, t.area_id);
    if (all) out.member("booked", !free);
    out.end_object();
  }
  for (const auto& c : loaded.combinations) {
    const bool fits = people >= c.seats_min && people <= c.seats_max;
    const bool free =
        std::ranges::all_of(c.table_ids, [&](const auto& id) { return domain::is_table_free(snapshot, id, from, to); });
    if (!all && !(fits && free)) continue;
    out.start_object();
    out.member("_id", c.id);
    out.member("name", c.name);
    if (auto area = shared_area(loaded.tables, c); !area.empty()) write_area(out, area);
    out.key("tableIds");
    out.start_array();
    for (const auto& id : c.table_ids) out.string(id);
    out.end_array();
    if (all) out.member("booked", !free);
    out.end_object();
  }
  out.end_array();
  return http::Response::json(200, std::move(body));
}

app::HoldRequest read_hold_request(json::ObjectReader& in) {
  app::HoldRequest request;
  request.date = in.required_string("date", 10);
  request.time = in.required_string("time", 5);
  request.people = static_cast<int>(in.required_integer("people", 1, 1000));
  request.opening_hour_id = in.optional_string("openingHourId", 64).value_or("");
  request.area_id = in.optional_string("areaId", 64).value_or("");
  in.finish();
  return request;
}

http::Response create_hold(http::RequestContext& context) {
  const auto restaurant = restaurant_of(context);
  BodyReader body(context);
  auto hold = app::place_hold(booking_context(context, restaurant), read_hold_request(body.reader()));
  return http::Response::json(200, json::hold_to_json(hold));
}

http::Response release_hold(http::RequestContext& context) {
  const auto restaurant = restaurant_of(context);
  std::string id(context.path_param("id"));
  if (!app::release_hold(booking_context(context, restaurant), id)) {
    throw domain::NotFound("not_found", "_id", "There is no hold with id '" + id + "'.");
  }
  return json_true();
}

}  // namespace maitred::api
