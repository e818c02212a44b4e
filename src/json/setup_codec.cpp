#include "json/setup_codec.hpp"

#include "core/ids.hpp"

namespace maitred::json {

namespace {

void set_if(std::optional<std::string> value, std::string& target) {
  if (value) target = std::move(*value);
}
// Optional text: absent keeps, null clears, a string sets.
void set_text(ObjectReader& in, std::string_view key, std::size_t max_length, std::string& target) {
  if (in.is_null(key)) target.clear();
  set_if(in.optional_string(key, max_length), target);
}
void set_if(std::optional<long long> value, int& target) {
  if (value) target = static_cast<int>(*value);
}
void set_if(std::optional<bool> value, bool& target) {
  if (value) target = *value;
}
void set_name_if(ObjectReader& in, std::string& target) {
  if (in.is_null("name")) invalid(in.field("name"), "'" + in.field("name") + "' must not be empty.");
  if (in.has("name")) target = in.required_name("name", 200);
}

void write_strings(JsonWriter& out, std::string_view key, const std::vector<std::string>& values) {
  out.key(key);
  out.start_array();
  for (const auto& v : values) out.string(v);
  out.end_array();
}

void write_optional_int(JsonWriter& out, std::string_view key, const std::optional<int>& value) {
  out.key(key);
  if (value)
    out.integer(*value);
  else
    out.null();
}

// Opening-hour and custom-field ids referenced from a document.
constexpr std::size_t kMaxReferences = 200;

}  // namespace

void write_area(JsonWriter& out, const domain::Area& a) {
  out.start_object();
  out.member("_id", a.id);
  out.member("name", a.name);
  out.member("internalNote", a.internal_note);
  out.member("bookingPriority", a.booking_priority);
  out.end_object();
}

void apply_area(ObjectReader& in, domain::Area& a) {
  set_name_if(in, a.name);
  set_text(in, "internalNote", 2000, a.internal_note);
  set_if(in.optional_integer("bookingPriority", -1000, 1000), a.booking_priority);
}

void write_table(JsonWriter& out, const domain::Table& t, const domain::Area* area, bool embed_area) {
  out.start_object();
  out.member("_id", t.id);
  out.member("name", t.name);
  if (embed_area) {
    out.key("area");
    if (area != nullptr) {
      out.start_object();
      out.member("_id", area->id);
      out.member("name", area->name);
      out.end_object();
    } else {
      out.null();
    }
  }
  out.key("areaId");
  if (t.area_id.empty())
    out.null();
  else
    out.string(t.area_id);
  out.member("seatsMin", t.seats_min);
  out.member("seatsMax", t.seats_max);
  out.member("bookableOnline", t.bookable_online);
  out.member("priority", t.priority);
  out.member("internalNote", t.internal_note);
  out.end_object();
}

void apply_table(ObjectReader& in, domain::Table& t) {
  set_name_if(in, t.name);
  set_if(in.optional_integer("seatsMin", 0, 1000), t.seats_min);
  set_if(in.optional_integer("seatsMax", 1, 1000), t.seats_max);
  if (in.is_null("areaId")) t.area_id.clear();  // null takes the table out of its area
  set_if(in.optional_string("areaId", 64), t.area_id);
  // A table sent back as read carries `area: {_id, name}`; its _id counts.
  if (in.is_null("area")) t.area_id.clear();
  if (auto area = in.optional_object("area")) {
    set_if(area->optional_string("_id", 64), t.area_id);
    area->ignore("name");
    area->finish();
  }
  set_if(in.optional_bool("bookableOnline"), t.bookable_online);
  set_if(in.optional_integer("priority", -1000, 1000), t.priority);
  set_text(in, "internalNote", 2000, t.internal_note);
}

void write_table_combination(JsonWriter& out, const domain::TableCombination& c) {
  out.start_object();
  out.member("_id", c.id);
  out.member("name", c.name);
  write_strings(out, "tableIds", c.table_ids);
  out.member("seatsMin", c.seats_min);
  out.member("seatsMax", c.seats_max);
  out.member("bookableOnline", c.bookable_online);
  out.end_object();
}

void apply_table_combination(ObjectReader& in, domain::TableCombination& c) {
  set_if(in.optional_string("name", 200), c.name);
  if (auto ids = in.optional_string_array("tableIds", 20, 64)) c.table_ids = std::move(*ids);
  set_if(in.optional_integer("seatsMin", 0, 1000), c.seats_min);
  set_if(in.optional_integer("seatsMax", 1, 1000), c.seats_max);
  set_if(in.optional_bool("bookableOnline"), c.bookable_online);
}

void write_opening_hour(JsonWriter& out, const domain::OpeningHour& h) {
  out.start_object();
  out.member("_id", h.id);
  out.member("name", h.name);
  out.member("note", h.note);
  out.member("type", h.type);
  out.member("special", h.special);
  if (h.special) {
    out.member("date", h.date);
    if (!h.to_date.empty()) out.member("toDate", h.to_date);
    out.member("isOpen", h.is_open);
  } else {
    out.member("day", h.day);
  }
  if (!h.special || h.is_open) {
    out.member("open", h.open);
    out.member("close", h.close);
    out.key("seating");
    out.start_object();
    out.member("interval", h.seating.interval);
    out.member("duration", h.seating.duration);
    out.end_object();
    write_optional_int(out, "maxPeople", h.max_people);
    write_optional_int(out, "maxPeoplePerSlot", h.max_people_per_slot);
    write_strings(out, "areaIds", h.area_ids);
  }
  out.member("deleted", h.deleted);
  out.end_object();
}

void apply_opening_hour(ObjectReader& in, domain::OpeningHour& h) {
  set_if(in.optional_string("name", 200), h.name);
  set_text(in, "note", 2000, h.note);
  set_if(in.optional_string("type", 40), h.type);
  set_if(in.optional_bool("special"), h.special);
  set_if(in.optional_integer("day", 1, 7), h.day);
  set_if(in.optional_string("date", 10), h.date);
  set_text(in, "toDate", 10, h.to_date);
  set_if(in.optional_bool("isOpen"), h.is_open);
  // Range-checked as HHMM by the domain rules, which say what a valid HHMM is.
  set_if(in.optional_integer("open", -1, 9999), h.open);
  set_if(in.optional_integer("close", -1, 9999), h.close);
  if (auto seating = in.optional_object("seating")) {
    set_if(seating->optional_integer("interval", 5, 240), h.seating.interval);
    set_if(seating->optional_integer("duration", 15, 1440), h.seating.duration);
    seating->finish();
  }
  // null lifts a limit; absent keeps it.
  if (in.is_null("maxPeople")) h.max_people.reset();
  if (auto v = in.optional_integer("maxPeople", 1, 100000)) h.max_people = static_cast<int>(*v);
  if (in.is_null("maxPeoplePerSlot")) h.max_people_per_slot.reset();
  if (auto v = in.optional_integer("maxPeoplePerSlot", 1, 100000)) h.max_people_per_slot = static_cast<int>(*v);
  if (auto areas = in.optional_string_array("areaIds", kMaxReferences, 64)) h.area_ids = std::move(*areas);
  in.ignore("deleted");  // read-only: DELETE sets it
}

void write_custom_field(JsonWriter& out, const domain::CustomField& f) {
  out.start_object();
  out.member("_id", f.id);
  out.member("name", f.name);
  out.member("label", f.label);
  out.member("helptext", f.helptext);
  out.member("type", f.type);
  out.member("isRequired", f.is_required);
  out.member("sortIndex", f.sort_index);
  out.key("multipleChoiceSelections");
  out.start_array();
  for (const auto& c : f.choices) {
    out.start_object();
    out.member("_id", c.id);
    out.member("name", c.name);
    out.end_object();
  }
  out.end_array();
  write_strings(out, "activeFlows", f.active_flows);
  out.member("defaultOnAllOpeningHours", f.default_on_all_opening_hours);
  write_strings(out, "openingHourIds", f.opening_hour_ids);
  out.end_object();
}

void apply_custom_field(ObjectReader& in, domain::CustomField& f) {
  set_name_if(in, f.name);
  set_text(in, "label", 200, f.label);
  set_text(in, "helptext", 2000, f.helptext);
  set_if(in.optional_string("type", 20), f.type);
  set_if(in.optional_bool("isRequired"), f.is_required);
  set_if(in.optional_integer("sortIndex", -100000, 100000), f.sort_index);
  if (auto choices = in.optional_object_array("multipleChoiceSelections", 100)) {
    f.choices.clear();
    for (auto& c : *choices) {
      domain::Choice choice;
      choice.name = c.required_string("name", 200);
      auto id = c.optional_string("_id", 64);
      choice.id = id && core::is_valid_id(*id) ? *id : core::new_id();
      c.finish();
      f.choices.push_back(std::move(choice));
    }
  }
  if (auto flows = in.optional_string_array("activeFlows", 10, 20)) f.active_flows = std::move(*flows);
  set_if(in.optional_bool("defaultOnAllOpeningHours"), f.default_on_all_opening_hours);
  if (auto hours = in.optional_string_array("openingHourIds", kMaxReferences, 64)) {
    f.opening_hour_ids = std::move(*hours);
  }
}

}  // namespace maitred::json
