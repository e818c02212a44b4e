#include "json/booking_history.hpp"

#include "core/time_format.hpp"
#include "json/booking_codec.hpp"
#include "json/document_diff.hpp"
#include "json/json_writer.hpp"

namespace maitred::json {

std::string booking_changes(const domain::Booking& before, const domain::Booking& after) {
  return document_changes(booking_to_json(before), booking_to_json(after), {"activityAt"});
}

std::string booking_history_entry(core::SystemTime at, const domain::Actor& actor, std::string_view action,
                                  bool overbooked, std::string_view changes) {
  std::string entry;
  JsonWriter out(entry);
  out.start_object();
  out.member("at", core::format_utc(at));
  out.key("actor");
  out.start_object();
  out.member("type", actor.type);
  out.member("id", actor.id);
  out.end_object();
  out.member("action", action);
  if (overbooked) out.member("overbooked", true);
  out.key("changes");
  if (changes.empty()) {
    out.start_array();
    out.end_array();
  } else {
    out.raw(changes);
  }
  out.end_object();
  return entry;
}

}  // namespace maitred::json
