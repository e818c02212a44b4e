#include "domain/guest_mail.hpp"

#include <algorithm>
#include <array>

namespace maitred::domain {

namespace {

constexpr std::array<MailKind, 5> kKinds = {MailKind::requested, MailKind::confirmed, MailKind::changed,
                                            MailKind::canceled, MailKind::reminder};
constexpr std::array<std::string_view, 5> kNames = {"requested", "confirmed", "changed", "canceled", "reminder"};

bool has(std::span<const std::string> fields, std::string_view name) {
  return std::ranges::find(fields, name) != fields.end();
}

// Date, time or party size: what the guest has to know about.
bool moved(std::span<const std::string> fields) {
  return has(fields, "date") || has(fields, "time") || has(fields, "people");
}

// The statuses in which the guest is still to come: awaiting approval or
// approved (arrived, seated and left are confirmed too, but the guest is there).
bool is_expected(std::string_view status) {
  return status == "request" || status == "approved";
}

}  // namespace

std::string_view mail_kind_name(MailKind kind) {
  return kNames[static_cast<std::size_t>(kind)];
}

std::optional<MailKind> mail_kind_from_name(std::string_view name) {
  for (std::size_t i = 0; i < kNames.size(); ++i) {
    if (kNames[i] == name) return kKinds[i];
  }
  return std::nullopt;
}

std::span<const MailKind> mail_kinds() {
  return kKinds;
}

bool may_email_guest(const Booking& booking, bool include_imports) {
  if (booking.guest.email.empty() || !booking.guest.notification_email) return false;
  return include_imports || booking.source != "import";
}

std::optional<MailKind> mail_for_event(const BookingEventFacts& event, const Booking& now) {
  if (event.type == "booking.created") {
    if (now.status == "request") return MailKind::requested;
    if (now.status == "approved") return MailKind::confirmed;
    return std::nullopt;  // waitlist and the like: nothing promised yet
  }
  if (event.type == "booking.status_changed") {
    if (now.status == "canceled" || now.status == "declined") {
      return is_expected(event.old_status) ? std::optional{MailKind::canceled} : std::nullopt;
    }
    // Approved after a request, or off the waitlist.
    if (now.status == "approved" && (event.old_status == "request" || event.old_status == "waitlist")) {
      return MailKind::confirmed;
    }
    if (is_expected(now.status) && moved(event.changed_fields)) return MailKind::changed;
    return std::nullopt;
  }
  if (event.type == "booking.updated") {
    if (is_expected(now.status) && moved(event.changed_fields)) return MailKind::changed;
  }
  return std::nullopt;
}

std::optional<core::SystemTime> reminder_due(const Booking& booking, int hours) {
  if (hours <= 0 || booking.status != "approved") return std::nullopt;
  const auto due = booking.date_time - std::chrono::hours{hours};
  if (booking.created_at > due) return std::nullopt;
  return due;
}

std::optional<std::chrono::minutes> mail_retry_delay(int attempts_made) {
  using std::chrono::minutes;
  constexpr std::array<minutes, 5> kDelays = {minutes{1}, minutes{5}, minutes{30}, minutes{120}, minutes{360}};
  if (attempts_made < 1 || attempts_made > static_cast<int>(kDelays.size())) return std::nullopt;
  return kDelays[static_cast<std::size_t>(attempts_made - 1)];
}

bool updates_calendar(MailKind kind) {
  return kind != MailKind::reminder;
}

}  // namespace maitred::domain
