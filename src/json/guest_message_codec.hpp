#pragma once
// Guest e-mails as JSON: the messages endpoint's list, the booking history
// entries the sender writes, and the changed fields read back from a
// booking event (to decide which e-mail it causes).

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/clock.hpp"
#include "domain/guest_message.hpp"

namespace maitred::json {

// GET /v1/bookings/{id}/messages: [{"_id", "kind", "language", "to",
// "status", "attempts", "createdAt", "nextAttemptAt" (queued only),
// "sentAt", "lastError", "messageId"}].
std::string guest_messages_to_json(const std::vector<domain::GuestMessage>& messages);

// A booking history entry about a message: action "email.sent",
// "email.not_sent" or "email.failed", by the system, with {"email": {"_id",
// "kind", "to", "detail"}}.
std::string guest_message_history_entry(core::SystemTime at, std::string_view action,
                                        const domain::GuestMessage& message, std::string_view detail);

struct BookingEventChanges {
  std::vector<std::string> fields;  // "date", "time", "people", "status", ...
  std::string old_status;           // the "from" of "status", when it changed
};

// Reads an event's changes_json ([{"field","from","to"}]); empty for empty
// or unreadable text (events are written by us; nothing to refuse).
BookingEventChanges read_booking_event_changes(std::string_view changes_json);

}  // namespace maitred::json
