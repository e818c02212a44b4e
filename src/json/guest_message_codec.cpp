#include "json/guest_message_codec.hpp"

#include "core/time_format.hpp"
#include "domain/errors.hpp"
#include "json/json_reader.hpp"
#include "json/json_writer.hpp"

namespace maitred::json {

std::string guest_messages_to_json(const std::vector<domain::GuestMessage>& messages) {
  std::string text;
  JsonWriter out(text);
  out.start_array();
  for (const auto& m : messages) {
    out.start_object();
    out.member("_id", m.id);
    out.member("kind", m.kind);
    out.member("language", m.language);
    out.member("to", m.to_address);
    out.member("status", m.status);
    out.member("attempts", m.attempts);
    out.member("createdAt", core::format_utc(m.created_at));
    if (m.status == "queued") out.member("nextAttemptAt", core::format_utc(m.next_attempt_at));
    if (m.sent_at) out.member("sentAt", core::format_utc(*m.sent_at));
    if (!m.last_error.empty()) out.member("lastError", m.last_error);
    if (!m.message_id.empty()) out.member("messageId", m.message_id);
    out.end_object();
  }
  out.end_array();
  return text;
}

std::string guest_message_history_entry(core::SystemTime at, std::string_view action,
                                        const domain::GuestMessage& message, std::string_view detail) {
  std::string text;
  JsonWriter out(text);
  out.start_object();
  out.member("at", core::format_utc(at));
  out.key("actor");
  out.start_object();
  out.member("type", "system");
  out.member("id", "");
  out.end_object();
  out.member("action", action);
  out.key("changes");
  out.start_array();
  out.end_array();
  out.key("email");
  out.start_object();
  out.member("_id", message.id);
  out.member("kind", message.kind);
  out.member("to", message.to_address);
  out.member("detail", detail);
  out.end_object();
  out.end_object();
  return text;
}

BookingEventChanges read_booking_event_changes(std::string_view changes_json) {
  BookingEventChanges out;
  if (changes_json.empty()) return out;
  try {
    const auto doc = parse_body(changes_json);
    if (!doc.IsArray()) return out;
    for (const auto& change : doc.GetArray()) {
      if (!change.IsObject() || !change.HasMember("field") || !change["field"].IsString()) continue;
      out.fields.emplace_back(change["field"].GetString(), change["field"].GetStringLength());
      if (out.fields.back() == "status" && change.HasMember("from") && change["from"].IsString()) {
        out.old_status.assign(change["from"].GetString(), change["from"].GetStringLength());
      }
    }
  } catch (const domain::InvalidInput&) {
    return {};
  }
  return out;
}

}  // namespace maitred::json
