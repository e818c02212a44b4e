#include "json/customer_codec.hpp"

#include <cmath>

#include "core/time_format.hpp"
#include "domain/errors.hpp"
#include "json/time_member.hpp"

namespace maitred::json {

namespace {

std::optional<core::SystemTime> read_optional_time(ObjectReader& in, std::string_view key) {
  if (auto text = in.optional_string(key, 32)) return core::parse_utc(*text);
  return std::nullopt;
}

core::SystemTime read_time(ObjectReader& in, std::string_view key) {
  auto t = core::parse_utc(in.required_string(key, 32));
  if (!t) invalid(in.field(key), "bad stored time");
  return *t;
}

// Money as the API shows it: a number with at most two decimals.
void write_money(JsonWriter& out, std::string_view key, long long cents) {
  out.key(key);
  if (cents % 100 == 0)
    out.integer(cents / 100);
  else
    out.number(static_cast<double>(cents) / 100.0);
}

long long read_money(ObjectReader& in, std::string_view key) {
  auto value = in.optional_number(key, 0, 1e9);
  if (!value) return 0;
  double cents = *value * 100.0;
  if (std::fabs(cents - std::round(cents)) > 1e-6) {
    invalid(in.field(key), "'" + in.field(key) + "' has more than two decimals.");
  }
  return std::llround(cents);
}

}  // namespace

std::string customer_to_json(const domain::Customer& c) {
  std::string text;
  JsonWriter out(text);
  out.start_object();
  out.member("_id", c.id);
  out.member("name", c.name);
  out.member("email", c.email);
  out.member("phone", c.phone);
  out.member("bookingCount", c.booking_count);
  write_optional_time(out, "firstBookingAt", c.first_booking_at);
  write_optional_time(out, "lastBookingAt", c.last_booking_at);
  out.member("createdAt", core::format_utc(c.created_at));
  out.key("tags");
  out.start_array();
  for (const auto& tag : c.tags) out.string(tag);
  out.end_array();
  out.key("metadata");
  out.raw(c.metadata_json);
  out.end_object();
  return text;
}

domain::Customer customer_from_stored(std::string_view json) {
  auto doc = parse_body(json);
  ObjectReader in(doc);
  domain::Customer c;
  c.id = in.required_string("_id", 64);
  c.name = in.optional_string("name", 10000).value_or("");
  c.email = in.optional_string("email", 10000).value_or("");
  c.phone = in.optional_string("phone", 10000).value_or("");
  c.booking_count = static_cast<int>(in.optional_integer("bookingCount", 0, 1'000'000'000).value_or(0));
  c.first_booking_at = read_optional_time(in, "firstBookingAt");
  c.last_booking_at = read_optional_time(in, "lastBookingAt");
  c.created_at = read_time(in, "createdAt");
  c.tags = in.optional_string_array("tags", 1000, 10000).value_or(std::vector<std::string>{});
  if (const auto* metadata = in.raw("metadata")) c.metadata_json = serialize(*metadata);
  in.finish();
  return c;
}

std::string order_to_json(const domain::Order& o) {
  std::string text;
  JsonWriter out(text);
  out.start_object();
  out.member("_id", o.id);
  out.member("bookingId", o.booking_id);
  out.key("items");
  out.start_array();
  for (const auto& item : o.items) {
    out.start_object();
    out.member("name", item.name);
    out.member("quantity", item.quantity);
    write_money(out, "price", item.price_cents);
    out.member("notes", item.notes);
    out.end_object();
  }
  out.end_array();
  out.member("status", o.status);
  write_money(out, "totalAmount", domain::order_total_cents(o));
  out.member("createdAt", core::format_utc(o.created_at));
  out.end_object();
  return text;
}

void apply_order(ObjectReader& in, domain::Order& o) {
  if (auto id = in.optional_string("bookingId", 64)) o.booking_id = *id;
  if (auto items = in.optional_object_array("items", 200)) {
    o.items.clear();
    for (auto& i : *items) {
      domain::OrderItem item;
      item.name = i.required_name("name", 200);
      item.quantity = static_cast<int>(i.optional_integer("quantity", 1, 10000).value_or(1));
      item.price_cents = read_money(i, "price");
      item.notes = i.optional_string("notes", 2000).value_or("");
      i.finish();
      o.items.push_back(std::move(item));
    }
  }
  if (auto status = in.optional_string("status", 20)) {
    if (!domain::is_order_status(*status)) invalid("status", "status must be open, confirmed, served or canceled.");
    o.status = *status;
  }
  in.ignore("totalAmount");  // computed, never taken from the client
}

domain::Order order_from_stored(std::string_view json) {
  auto doc = parse_body(json);
  ObjectReader in(doc);
  domain::Order o;
  o.id = in.required_string("_id", 64);
  apply_order(in, o);
  o.created_at = read_time(in, "createdAt");
  in.finish();
  return o;
}

std::string feedback_to_json(const domain::Feedback& f) {
  std::string text;
  JsonWriter out(text);
  out.start_object();
  out.member("_id", f.id);
  out.member("bookingId", f.booking_id);
  out.member("rating", f.rating);
  out.member("comment", f.comment);
  out.member("isPublic", f.is_public);
  out.member("createdAt", core::format_utc(f.created_at));
  out.end_object();
  return text;
}

void apply_feedback(ObjectReader& in, domain::Feedback& f) {
  if (auto id = in.optional_string("bookingId", 64)) f.booking_id = *id;
  if (auto rating = in.optional_integer("rating", 1, 5)) f.rating = static_cast<int>(*rating);
  if (auto comment = in.optional_string("comment", 5000)) f.comment = *comment;
  if (auto is_public = in.optional_bool("isPublic")) f.is_public = *is_public;
}

domain::Feedback feedback_from_stored(std::string_view json) {
  auto doc = parse_body(json);
  ObjectReader in(doc);
  domain::Feedback f;
  f.id = in.required_string("_id", 64);
  apply_feedback(in, f);
  f.created_at = read_time(in, "createdAt");
  in.finish();
  return f;
}

}  // namespace maitred::json
