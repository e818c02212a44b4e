#include "json/restaurant_codec.hpp"

#include "core/smtp_url.hpp"
#include "core/time_format.hpp"
#include "domain/errors.hpp"
#include "domain/guest_mail.hpp"
#include "domain/guest_mail_content.hpp"
#include "domain/mail_defaults.hpp"
#include "domain/mail_locale.hpp"
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

enum class Secrets { omit, include };

// emailTemplates: {"<kind>": {"<language>": {"subject", "text", "html"}}},
// only the parts a restaurant overrides.
void write_templates(JsonWriter& out, const std::map<std::string, std::string>& templates) {
  out.start_object();
  std::string kind_open, language_open;
  for (const auto& [key, text] : templates) {
    const auto first = key.find('.');
    const auto second = key.find('.', first + 1);
    const auto kind = key.substr(0, first);
    const auto language = key.substr(first + 1, second - first - 1);
    if (kind != kind_open) {
      if (!language_open.empty()) out.end_object();
      if (!kind_open.empty()) out.end_object();
      out.key(kind);
      out.start_object();
      kind_open = kind;
      language_open.clear();
    }
    if (language != language_open) {
      if (!language_open.empty()) out.end_object();
      out.key(language);
      out.start_object();
      language_open = language;
    }
    out.member(key.substr(second + 1), text);
  }
  if (!language_open.empty()) out.end_object();
  if (!kind_open.empty()) out.end_object();
  out.end_object();
}

// The password is written only to the store; the API shows whether one is set.
void write_smtp(JsonWriter& out, const domain::SmtpOverride& smtp, Secrets secrets) {
  out.start_object();
  out.member("url", smtp.url);
  out.member("from", smtp.from);
  if (secrets == Secrets::include) {
    out.member("password", smtp.password);
  } else {
    out.member("passwordSet", !smtp.password.empty());
  }
  out.end_object();
}

void write_document(JsonWriter& out, const domain::Restaurant& r, Secrets secrets);

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

// A PUT replaces the whole set of overrides; an empty or null part is the default.
void apply_templates(ObjectReader& in, std::map<std::string, std::string>& templates) {
  templates.clear();
  for (auto kind : domain::mail_kinds()) {
    auto by_language = in.optional_object(domain::mail_kind_name(kind));
    if (!by_language) continue;
    for (auto language : domain::mail_languages()) {
      auto parts = by_language->optional_object(language);
      if (!parts) continue;
      for (auto part : {domain::MailPart::subject, domain::MailPart::text, domain::MailPart::html}) {
        const auto name = domain::mail_part_name(part);
        auto text = parts->is_null(name) ? std::nullopt : parts->optional_string(name, 100'000);
        if (text && !text->empty()) templates[domain::mail_template_key(kind, language, part)] = std::move(*text);
      }
      parts->finish();
    }
    by_language->finish();
  }
  in.finish();
}

void apply_smtp(ObjectReader& in, domain::SmtpOverride& smtp) {
  set_if(in.optional_string("url", 500), smtp.url);
  set_if(in.optional_string("from", 254), smtp.from);
  if (in.is_null("password")) {
    smtp.password.clear();
  } else {
    set_if(in.optional_string("password", 500), smtp.password);
  }
  in.ignore("passwordSet");  // what GET shows; sent back unchanged by clients that PUT the whole document
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
  set_if(in.optional_integer("reminderHours", 0, 24 * 14), r.guest_mail.reminder_hours);
  if (auto templates = in.optional_object("emailTemplates")) apply_templates(*templates, r.guest_mail.templates);
  if (auto smtp = in.optional_object("smtp")) apply_smtp(*smtp, r.guest_mail.smtp);
  set_if(in.optional_string("slug", domain::kMaxSlugLength), r.slug);
  if (auto origins = in.optional_string_array("allowedOrigins", domain::kMaxAllowedOrigins, 300)) {
    r.allowed_origins = std::move(*origins);
  }
}

void write_document(JsonWriter& out, const domain::Restaurant& r, Secrets secrets) {
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
  write_address(out, r.address);
  out.key("bookingRules");
  write_rules(out, r.booking_rules);
  out.member("reminderHours", r.guest_mail.reminder_hours);
  out.key("emailTemplates");
  write_templates(out, r.guest_mail.templates);
  out.key("smtp");
  write_smtp(out, r.guest_mail.smtp, secrets);
  out.member("slug", r.slug);
  out.key("allowedOrigins");
  out.start_array();
  for (const auto& origin : r.allowed_origins) out.string(origin);
  out.end_array();
  out.member("createdAt", core::format_utc(r.created_at));
  out.member("updatedAt", core::format_utc(r.updated_at));
  out.end_object();
}

}  // namespace

void write_address(JsonWriter& out, const domain::Address& address) {
  out.start_object();
  out.member("street", address.street);
  out.member("city", address.city);
  out.member("postalCode", address.postal_code);
  out.member("country", address.country);
  out.end_object();
}

void write_restaurant(JsonWriter& out, const domain::Restaurant& r) {
  write_document(out, r, Secrets::omit);
}

std::string restaurant_to_stored_json(const domain::Restaurant& restaurant) {
  std::string out;
  JsonWriter writer(out);
  write_document(writer, restaurant, Secrets::include);
  return out;
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
