#include "json/public_booking_codec.hpp"

#include "core/time_format.hpp"
#include "domain/calendar.hpp"
#include "json/json_writer.hpp"
#include "json/restaurant_codec.hpp"

namespace maitred::json {

namespace {

// The restaurant's public members (inside an object the caller opened).
void write_public_restaurant(JsonWriter& out, const domain::Restaurant& r) {
  out.member("name", r.name);
  out.member("slug", r.slug);
  out.member("timezone", r.timezone);
  out.member("language", r.language);
  out.key("address");
  write_address(out, r.address);
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
}

// When, for how many, and whether staff still have to approve it.
void write_when_and_status(JsonWriter& out, const domain::Booking& b) {
  out.member("date", b.date);
  out.member("time", domain::format_clock_time(b.time));
  out.member("people", b.people);
  out.member("status", b.status);
  out.member("awaitsApproval", b.status == "request");
}

}  // namespace

std::string public_restaurant_to_json(const domain::Restaurant& r, core::SystemTime now) {
  std::string text;
  JsonWriter out(text);
  out.start_object();
  write_public_restaurant(out, r);
  out.member("now", core::format_utc(now));
  out.end_object();
  return text;
}

std::string confirmed_booking_to_json(const domain::Booking& b, std::string_view manage_token) {
  std::string text;
  JsonWriter out(text);
  out.start_object();
  out.member("_id", b.id);
  write_when_and_status(out, b);
  out.member("manageToken", manage_token);
  out.member("manageUrl", "/manage/" + std::string(manage_token));
  out.end_object();
  return text;
}

std::string managed_booking_to_json(const domain::Restaurant& r, const domain::Booking& b,
                                    const domain::GuestPermissions& may, core::SystemTime now) {
  std::string text;
  JsonWriter out(text);
  out.start_object();
  out.member("_id", b.id);
  out.key("restaurant");
  out.start_object();
  write_public_restaurant(out, r);
  out.end_object();
  write_when_and_status(out, b);
  out.member("dateTime", core::format_utc(b.date_time));
  out.key("guest");
  out.start_object();
  out.member("name", b.guest.name);
  out.end_object();
  out.member("comment", b.comment);
  out.member("cancelUntil", core::format_utc(may.cancel_until));
  out.member("canCancel", may.cancel);
  out.member("canChange", may.change);
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
