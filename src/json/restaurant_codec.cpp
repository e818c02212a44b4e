#include "json/restaurant_codec.hpp"

#include "core/time_format.hpp"
#include "domain/errors.hpp"
#include "domain/public_page_rules.hpp"

namespace maitred::json {

namespace {

void write_rules(JsonWriter& out, const domain::BookingRules& rules) {
  out.start_object();
  out.member("slotInterval", rules.slot_interval);
  out.key("durations");
  out.start_array();
  for (const auto& d : rules.durations) {
    out.start_object();
    out.member("minPeople", d.min_people);
    out.member("maxPeople", d.max_people);
    out.member("minutes", d.minutes);
    out.end_object();
  }
  out.end_array();
  out.member("defaultDuration", rules.default_duration);
  out.member("turnoverBuffer", rules.turnover_buffer);
  out.member("minNoticeMinutes", rules.min_notice_minutes);
  out.member("maxDaysAhead", rules.max_days_ahead);
  out.member("defaultStatus", rules.default_status);
  out.member("maxOnlinePartySize", rules.max_online_party_size);
  out.member("holdMinutes", rules.hold_minutes);
  out.member("onlineBooking", rules.online_booking);
  out.member("cancellationDeadlineMinutes", rules.cancellation_deadline_minutes);
  out.end_object();
}

void set_if(std::optional<std::string> value, std::string& target) {
  if (value) target = std::move(*value);
}
template <typename Int>
void set_if(std::optional<long long> value, Int& target) {
  if (value) target = static_cast<Int>(*value);
}

void apply_rules(ObjectReader& in, domain::BookingRules& rules) {
  set_if(in.optional_integer("slotInterval", 5, 240), rules.slot_interval);
  if (auto durations = in.optional_object_array("durations", 50)) {
    rules.durations.clear();
    for (auto& d : *durations) {
      domain::DurationRule rule{};
      rule.min_people = static_cast<int>(d.required_integer("minPeople", 1, 1000));
      rule.max_people = static_cast<int>(d.required_integer("maxPeople", 1, 1000));
      rule.minutes = static_cast<int>(d.required_integer("minutes", 15, 1440));
      d.finish();
      rules.durations.push_back(rule);
    }
  }
  set_if(in.optional_integer("defaultDuration", 15, 1440), rules.default_duration);
  set_if(in.optional_integer("turnoverBuffer", 0, 240), rules.turnover_buffer);
  set_if(in.optional_integer("minNoticeMinutes", 0, 60 * 24 * 30), rules.min_notice_minutes);
  set_if(in.optional_integer("maxDaysAhead", 1, 730), rules.max_days_ahead);
  set_if(in.optional_string("defaultStatus", 20), rules.default_status);
  set_if(in.optional_integer("maxOnlinePartySize", 1, 1000), rules.max_online_party_size);
  set_if(in.optional_integer("holdMinutes", 1, 60), rules.hold_minutes);
  if (auto online = in.optional_bool("onlineBooking")) rules.online_booking = *online;
  set_if(in.optional_integer("cancellationDeadlineMinutes", 0, 60 * 24 * 30), rules.cancellation_deadline_minutes);
  in.finish();
}

void apply_settings(ObjectReader& in, domain::Restaurant& r) {
  if (in.is_null("name")) invalid("name", "'name' must not be empty.");
  if (in.has("name")) r.name = in.required_name("name", 200);
  set_if(in.optional_string("timezone", 64), r.timezone);
  set_if(in.optional_string("language", 5), r.language);
  if (auto contact = in.optional_object("contact")) {
    set_if(contact->optional_string("phone", 40), r.contact.phone);
    set_if(contact->optional_string("email", 254), r.contact.email);
    set_if(contact->optional_string("website", 500), r.contact.website);
    contact->finish();
  }
  if (auto address = in.optional_object("address")) {
    set_if(address->optional_string("street", 200), r.address.street);
    set_if(address->optional_string("city", 100), r.address.city);
    set_if(address->optional_string("postalCode", 20), r.address.postal_code);
    set_if(address->optional_string("country", 100), r.address.country);
    address->finish();
  }
  if (auto rules = in.optional_object("bookingRules")) apply_rules(*rules, r.booking_rules);
  set_if(in.optional_string("slug", domain::kMaxSlugLength), r.slug);
  if (auto origins = in.optional_string_array("allowedOrigins", domain::kMaxAllowedOrigins, 300)) {
    r.allowed_origins = std::move(*origins);
  }
}

}  // namespace

void write_restaurant(JsonWriter& out, const domain::Restaurant& r) {
  out.start_object();
  out.member("_id", r.id);
  out.member("name", r.name);
  out.member("timezone", r.timezone);
  out.member("language", r.language);
  out.key("contact");
  out.start_object();
  out.member("phone", r.contact.phone);
  out.member("email", r.contact.email);
  out.member("website", r.contact.website);
  out.end_object();
  out.key("address");
  out.start_object();
  out.member("street", r.address.street);
  out.member("city", r.address.city);
  out.member("postalCode", r.address.postal_code);
  out.member("country", r.address.country);
  out.end_object();
  out.key("bookingRules");
  write_rules(out, r.booking_rules);
  out.member("slug", r.slug);
  out.key("allowedOrigins");
  out.start_array();
  for (const auto& origin : r.allowed_origins) out.string(origin);
  out.end_array();
  out.member("createdAt", core::format_utc(r.created_at));
  out.member("updatedAt", core::format_utc(r.updated_at));
  out.end_object();
}

std::string restaurant_to_json(const domain::Restaurant& restaurant) {
  std::string out;
  JsonWriter writer(out);
  write_restaurant(writer, restaurant);
  return out;
}

void apply_restaurant_changes(ObjectReader& in, domain::Restaurant& restaurant) {
  if (auto id = in.optional_string("_id", 64); id && *id != restaurant.id) {
    invalid("_id", "The restaurant's _id cannot be changed.");
  }
  if (auto id = in.optional_string("restaurantId", 64); id && *id != restaurant.id) {
    invalid("restaurantId", "restaurantId must be your own restaurant's id.");
  }
  in.ignore("createdAt");
  in.ignore("updatedAt");
  apply_settings(in, restaurant);
  in.finish();
}

std::optional<domain::Restaurant> restaurant_from_json(std::string_view text) {
  try {
    auto doc = parse_body(text);
    ObjectReader in(doc);
    domain::Restaurant r;
    r.id = in.required_string("_id", 64);
    auto created = core::parse_utc(in.required_string("createdAt", 32));
    auto updated = core::parse_utc(in.required_string("updatedAt", 32));
    if (!created || !updated) return std::nullopt;
    r.created_at = *created;
    r.updated_at = *updated;
    apply_settings(in, r);
    in.finish();
    if (r.timezone.empty()) return std::nullopt;
    return r;
  } catch (const domain::InvalidInput&) {
    return std::nullopt;
  }
}

}  // namespace maitred::json
