#include "json/booking_codec.hpp"

#include <rapidjson/writer.h>

#include "core/text.hpp"
#include "core/time_format.hpp"
#include "domain/calendar.hpp"
#include "json/custom_field_answers.hpp"

namespace maitred::json {

namespace {

void write_time(JsonWriter& out, std::string_view key, const std::optional<core::SystemTime>& t) {
  if (!t) return;
  out.member(key, core::format_utc(*t));
}

// Writes stored JSON text (already validated) as a value.
void write_raw(JsonWriter& out, std::string_view key, std::string_view json_text);

core::SystemTime read_time(ObjectReader& in, std::string_view key) {
  auto text = in.required_string(key, 32);
  auto t = core::parse_utc(text);
  if (!t) invalid(in.field(key), "bad time stamp");
  return *t;
}

std::optional<core::SystemTime> read_optional_time(ObjectReader& in, std::string_view key) {
  auto text = in.optional_string(key, 32);
  if (!text) return std::nullopt;
  auto t = core::parse_utc(*text);
  if (!t) invalid(in.field(key), "bad time stamp");
  return t;
}

}  // namespace

void write_booking(JsonWriter& out, const domain::Booking& b) {
  out.start_object();
  out.member("_id", b.id);
  out.member("restaurantId", b.restaurant_id);
  out.member("date", b.date);
  out.member("time", domain::format_clock_time(b.time));
  out.member("dateTime", core::format_utc(b.date_time));
  out.member("people", b.people);
  out.member("duration", b.duration);
  out.member("status", b.status);
  out.member("source", b.source);
  out.member("languageCode", b.language_code);
  out.key("guest");
  out.start_object();
  out.member("name", b.guest.name);
  out.member("email", b.guest.email);
  out.member("phone", b.guest.phone);
  out.member("notificationSms", b.guest.notification_sms);
  out.member("notificationEmail", b.guest.notification_email);
  out.end_object();
  out.key("customFields");
  out.start_array();
  for (const auto& a : b.custom_fields) {
    out.start_object();
    out.member("_id", a.id);
    out.member("name", a.name);
    out.key("value");
    write_answer_value(out, a.value);
    if (!a.multiple_choice_value_name.empty()) out.member("multipleChoiceValueName", a.multiple_choice_value_name);
    out.end_object();
  }
  out.end_array();
  out.key("restaurantNotes");
  out.start_array();
  for (const auto& n : b.restaurant_notes) {
    out.start_object();
    out.member("_id", n.id);
    out.member("restaurantNote", n.text);
    out.member("author", n.author);
    out.member("createdAt", core::format_utc(n.created_at));
    out.end_object();
  }
  out.end_array();
  out.key("comments");
  out.start_array();
  for (const auto& c : b.comments) {
    out.start_object();
    out.member("_id", c.id);
    out.member("comment", c.text);
    out.member("role", c.role);
    out.member("createdAt", core::format_utc(c.created_at));
    out.end_object();
  }
  out.end_array();
  out.key("tables");
  out.start_array();
  for (const auto& t : b.tables) {
    out.start_object();
    out.member("_id", t.id);
    out.member("name", t.name);
    out.key("area");
    if (t.area_id.empty()) {
      out.null();
    } else {
      out.start_object();
      out.member("_id", t.area_id);
      out.member("name", t.area_name);
      out.end_object();
    }
    out.end_object();
  }
  out.end_array();
  out.member("openingHourId", b.opening_hour_id);
  out.member("openingHourName", b.opening_hour_name);
  out.member("comment", b.comment);
  out.member("referrer", b.referrer);
  write_raw(out, "metadata", b.metadata_json);
  out.member("customerId", b.customer_id);
  out.member("createdAt", core::format_utc(b.created_at));
  out.member("activityAt", core::format_utc(b.activity_at));
  write_time(out, "approvedAt", b.stamps.approved_at);
  write_time(out, "declinedAt", b.stamps.declined_at);
  write_time(out, "canceledAt", b.stamps.canceled_at);
  write_time(out, "arrivedAt", b.stamps.arrived_at);
  write_time(out, "seatedAt", b.stamps.seated_at);
  write_time(out, "leftAt", b.stamps.left_at);
  write_time(out, "noShowAt", b.stamps.no_show_at);
  out.end_object();
}

std::string booking_to_json(const domain::Booking& booking) {
  std::string out;
  JsonWriter writer(out);
  write_booking(writer, booking);
  return out;
}

namespace {
void write_raw(JsonWriter& out, std::string_view key, std::string_view json_text) {
  out.key(key);
  out.raw(json_text);
}
}  // namespace

domain::Booking booking_from_stored(std::string_view json) {
  auto doc = parse_body(json);
  ObjectReader in(doc);
  domain::Booking b;
  b.id = in.required_string("_id", 64);
  b.restaurant_id = in.required_string("restaurantId", 64);
  b.date = in.required_string("date", 10);
  // Corrupt unless it is a day: the use cases rely on that (MAITRED_CHECK).
  if (!domain::parse_iso_date(b.date)) invalid("date", "bad stored date");
  auto time = domain::parse_clock_time(in.required_string("time", 5));
  if (!time) invalid("time", "bad stored time");
  b.time = *time;
  b.date_time = read_time(in, "dateTime");
  b.people = static_cast<int>(in.required_integer("people", 0, 100000));
  b.duration = static_cast<int>(in.required_integer("duration", 0, 100000));
  b.status = in.required_string("status", 20);
  b.source = in.required_string("source", 20);
  b.language_code = in.required_string("languageCode", 5);
  auto guest = in.optional_object("guest");
  if (guest) {
    b.guest.name = guest->required_string("name", 10000);
    b.guest.email = guest->optional_string("email", 10000).value_or("");
    b.guest.phone = guest->optional_string("phone", 10000).value_or("");
    b.guest.notification_sms = guest->optional_bool("notificationSms").value_or(false);
    b.guest.notification_email = guest->optional_bool("notificationEmail").value_or(false);
    guest->finish();
  }
  for (auto& a : in.optional_object_array("customFields", 100000).value_or(std::vector<ObjectReader>{})) {
    domain::CustomFieldAnswer answer;
    answer.id = a.required_string("_id", 64);
    answer.name = a.optional_string("name", 10000).value_or("");
    const auto* v = a.raw("value");
    answer.value = domain::StoredAnswer{v != nullptr ? serialize(*v) : "null"};
    answer.multiple_choice_value_name = a.optional_string("multipleChoiceValueName", 10000).value_or("");
    a.finish();
    b.custom_fields.push_back(std::move(answer));
  }
  for (auto& n : in.optional_object_array("restaurantNotes", 100000).value_or(std::vector<ObjectReader>{})) {
    domain::RestaurantNote note;
    note.id = n.required_string("_id", 64);
    note.text = n.required_string("restaurantNote", 100000);
    note.author = n.optional_string("author", 10000).value_or("");
    note.created_at = read_time(n, "createdAt");
    n.finish();
    b.restaurant_notes.push_back(std::move(note));
  }
  for (auto& c : in.optional_object_array("comments", 100000).value_or(std::vector<ObjectReader>{})) {
    domain::BookingComment comment;
    comment.id = c.required_string("_id", 64);
    comment.text = c.required_string("comment", 100000);
    comment.role = c.required_string("role", 20);
    comment.created_at = read_time(c, "createdAt");
    c.finish();
    b.comments.push_back(std::move(comment));
  }
  for (auto& t : in.optional_object_array("tables", 100000).value_or(std::vector<ObjectReader>{})) {
    domain::BookedTable table;
    table.id = t.required_string("_id", 64);
    table.name = t.optional_string("name", 10000).value_or("");
    if (auto area = t.optional_object("area")) {
      table.area_id = area->required_string("_id", 64);
      table.area_name = area->optional_string("name", 10000).value_or("");
      area->finish();
    } else {
      t.ignore("area");
    }
    t.finish();
    b.tables.push_back(std::move(table));
  }
  b.opening_hour_id = in.optional_string("openingHourId", 64).value_or("");
  b.opening_hour_name = in.optional_string("openingHourName", 10000).value_or("");
  b.comment = in.optional_string("comment", 100000).value_or("");
  b.referrer = in.optional_string("referrer", 100000).value_or("");
  if (const auto* metadata = in.raw("metadata")) b.metadata_json = serialize(*metadata);
  b.customer_id = in.optional_string("customerId", 64).value_or("");
  b.created_at = read_time(in, "createdAt");
  b.activity_at = read_time(in, "activityAt");
  b.stamps.approved_at = read_optional_time(in, "approvedAt");
  b.stamps.declined_at = read_optional_time(in, "declinedAt");
  b.stamps.canceled_at = read_optional_time(in, "canceledAt");
  b.stamps.arrived_at = read_optional_time(in, "arrivedAt");
  b.stamps.seated_at = read_optional_time(in, "seatedAt");
  b.stamps.left_at = read_optional_time(in, "leftAt");
  b.stamps.no_show_at = read_optional_time(in, "noShowAt");
  in.finish();
  return b;
}

domain::BookingDraft read_booking_changes(ObjectReader& in) {
  domain::BookingDraft c;
  c.date = in.optional_string("date", 10);
  c.time = in.optional_string("time", 8);
  if (auto v = in.optional_integer("people", 1, 1000)) c.people = static_cast<int>(*v);
  if (auto v = in.optional_integer("duration", 5, 24 * 60)) c.duration = static_cast<int>(*v);
  c.status = in.optional_string("status", 20);
  c.source = in.optional_string("source", 20);
  c.language_code = in.optional_string("languageCode", 5);
  if (auto guest = in.optional_object("guest")) {
    c.guest_name = guest->optional_string("name", 200);
    c.guest_email = guest->optional_string("email", 254);
    c.guest_phone = guest->optional_string("phone", 40);
    c.notification_sms = guest->optional_bool("notificationSms");
    c.notification_email = guest->optional_bool("notificationEmail");
    guest->finish();
  }
  if (const auto* tables = in.raw("tables")) {
    if (!tables->IsArray()) invalid("tables", "'tables' must be an array of table ids.");
    if (tables->Size() > 20) invalid("tables", "A booking can have at most 20 tables.");
    std::vector<std::string> ids;
    for (rapidjson::SizeType i = 0; i < tables->Size(); ++i) {
      const auto& t = (*tables)[i];
      // An id, or a table object as reads show it ({_id, name, area}).
      if (t.IsString())
        ids.emplace_back(t.GetString(), t.GetStringLength());
      else if (t.IsObject() && t.HasMember("_id") && t["_id"].IsString()) {
        ids.emplace_back(t["_id"].GetString(), t["_id"].GetStringLength());
      } else
        invalid("tables[" + std::to_string(i) + "]", "Each table must be a table id.");
    }
    c.table_ids = std::move(ids);
  }
  if (const auto* answers = in.raw("customFields")) c.custom_fields = read_custom_field_drafts(*answers);
  c.comment = in.optional_string("comment", 5000);
  c.note = in.optional_string("note", 5000);
  c.note_author = in.optional_string("noteAuthor", 200);
  c.referrer = in.optional_string("referrer", 2000);
  if (const auto* metadata = in.raw("metadata")) {
    if (!metadata->IsObject()) invalid("metadata", "'metadata' must be a JSON object.");
    c.metadata_json = serialize(*metadata);
    if (core::utf8_length(*c.metadata_json) > 2000) {
      invalid("metadata", "'metadata' is longer than 2000 characters when serialised.");
    }
  }
  c.opening_hour_id = in.optional_string("openingHourId", 64);
  c.hold_id = in.optional_string("holdId", 64);
  c.allow_overbooking = in.optional_bool("allowOverbooking").value_or(false);
  // Known to resOS clients, no meaning here.
  in.ignore("sendNotification");
  in.ignore("expand");
  return c;
}

}  // namespace maitred::json
