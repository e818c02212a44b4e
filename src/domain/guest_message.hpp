#pragma once
// One e-mail to a guest about a booking, from the moment it is queued to
// its end: sent, failed for good, or not sent (no SMTP server).

#include <optional>
#include <string>

#include "core/clock.hpp"

namespace maitred::domain {

struct GuestMessage {
  std::string id;
  std::string restaurant_id;
  std::string booking_id;
  std::string kind;      // mail_kind_name(): requested, confirmed, changed, canceled, reminder
  std::string language;  // en, da, de
  std::string to_address;
  std::string status = "queued";  // queued, sent, failed, not_sent
  int attempts = 0;
  int sequence = 0;  // the .ics SEQUENCE: how many calendar-changing messages the booking had before
  core::SystemTime created_at;
  core::SystemTime next_attempt_at;  // while queued: when the sender may take it
  std::string last_error;            // the server's reply or what went wrong; empty when sent
  std::optional<core::SystemTime> sent_at;
  std::string message_id;  // the Message-ID header, without angle brackets
  // Unique per restaurant: the event id for event-caused messages,
  // "reminder:<bookingId>:<start>" for reminders, so a redelivered event or
  // a repeated reminder scan queues nothing twice.
  std::string dedupe_key;
};

}  // namespace maitred::domain
