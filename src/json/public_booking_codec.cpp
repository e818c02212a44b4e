#include "json/public_booking_codec.hpp"

#include "core/time_format.hpp"
#include "domain/calendar.hpp"
#include "json/json_writer.hpp"

namespace maitred::json {

std::string public_restaurant_to_json(const domain::Restaurant& r, core::SystemTime now) {
  std::string text;
  JsonWriter out(text);
  out.start_object();
  out.member("name", r.name);
  out.member("slug", r.slug);
  out.member("timezone", r.timezone);
  out.member("language", r.language);
  out.key("address");
  out.start_object();
  out.member("street", r.address.street);
  out.member("city", r.address.city);
  out.member("postalCode", r.address.postal_code);
  out.member("country", r.address.country);
  out.end_object();
  out.member("phone", r.contact.phone);
  out.member("email", r.contact.email);
  out.member("website", r.contact.website);
  const auto& rules = r.booking_rules;
  out.key("onlineBooking");
  out.start_object();
  out.member("enabled", rules.online_booking);
  out.member("maxPartySize", rules.max_online_party_size);
  out.member("minNoticeMinutes", rules.min_notice_minutes);
  out.member("maxDaysAhead", rules.max_days_ahead);
  out.member("holdMinutes", rules.hold_minutes);
  out.member("cancellationDeadlineMinutes", rules.cancellation_deadline_minutes);
  out.end_object();
  out.member("now", core::format_utc(now));
  out.end_object();
  return text;
}

std::string public_hold_to_json(const domain::Hold& hold, core::SystemTime now) {
  std::string text;
  JsonWriter out(text);
  out.start_object();
  out.member("_id", hold.id);
  out.member("date", hold.date);
  out.member("time", domain::format_clock_time(hold.time));
  out.member("people", hold.people);
  out.member("expiresAt", core::format_utc(hold.expires_at));
  out.member("now", core::format_utc(now));
  out.end_object();
  return text;
}

}  // namespace maitred::json
