#include "delivery/guest_mail_sender.hpp"

#include "app/guest_booking_service.hpp"
#include "core/logging.hpp"
#include "domain/guest_mail.hpp"
#include "domain/guest_mail_content.hpp"
#include "domain/ics_invite.hpp"
#include "domain/mime_message.hpp"
#include "json/guest_message_codec.hpp"
#include "store/store.hpp"

namespace maitred::delivery {

namespace {

// Longer than one SMTP attempt can take (connect 20 s + transfer 60 s): a
// claimed message whose sender died is taken again after this.
constexpr auto kClaimLease = std::chrono::minutes{10};

struct Route {
  core::SmtpEndpoint endpoint;
  std::string from;
};

// The restaurant's own server when its settings name one, else the
// server-wide one; nullopt when neither is configured (or unusable).
std::optional<Route> route_for(const domain::Restaurant& restaurant, const MailServer& server) {
  const auto& own = restaurant.guest_mail.smtp;
  const bool use_own = !own.url.empty();
  const auto parsed = core::parse_smtp_url(use_own ? own.url : server.url);
  if ((!use_own && server.url.empty()) || !std::holds_alternative<core::SmtpEndpoint>(parsed)) return std::nullopt;
  Route route{std::get<core::SmtpEndpoint>(parsed), use_own ? own.from : server.from};
  if (use_own && !own.password.empty()) route.endpoint.password = own.password;
  return route;
}

std::string build_message(const domain::Restaurant& restaurant, const domain::Booking& booking,
                          const domain::GuestMessage& m, const std::string& from, std::string_view manage_url,
                          core::SystemTime now) {
  const auto kind = domain::mail_kind_from_name(m.kind).value_or(domain::MailKind::confirmed);
  const auto content = domain::compose_guest_mail(restaurant, booking, kind, m.language, manage_url);
  auto invite = domain::booking_invite_facts(restaurant, booking, now);
  invite.sequence = m.sequence;
  invite.cancel = kind == domain::MailKind::canceled;
  invite.description = content.text;
  invite.organizer_email = from;
  invite.attendee_name = booking.guest.name;
  invite.attendee_email = m.to_address;
  domain::MimeMail mail;
  mail.from = {restaurant.name, from};
  mail.to = {booking.guest.name, m.to_address};
  mail.subject = content.subject;
  mail.text = content.text;
  mail.html = content.html;
  mail.ics = domain::ics_invite(invite);
  mail.ics_method = invite.cancel ? "CANCEL" : "REQUEST";
  mail.date = now;
  mail.message_id = m.message_id;
  return domain::build_mime_message(mail);
}

}  // namespace

GuestMailSender::GuestMailSender(store::Store& store, const core::Clock& clock, MailServer server, SendFunction send)
    : store_(store), clock_(clock), server_(std::move(server)), send_(std::move(send)) {
  if (!send_) send_ = [](const core::SmtpEndpoint& e, const SmtpEnvelope& m) { return send_smtp(e, m); };
}

std::size_t GuestMailSender::send_due(std::size_t limit) {
  const auto now = clock_.now();
  auto due = store_.guest_messages().claim_due_guest_messages(now, limit, now + kClaimLease);
  for (auto& message : due) {
    try {
      attempt(message);
    } catch (const std::exception& e) {
      // Left claimed: taken again when the lease ends.
      core::log().warn("guest e-mail {}: {}", message.id, e.what());
    }
  }
  return due.size();
}

void GuestMailSender::finish(domain::GuestMessage& message, std::string_view history_action, std::string_view detail) {
  store_.atomically([&] {
    store_.guest_messages().finish_guest_message_attempt(message);
    if (!history_action.empty()) {
      store_.bookings().append_booking_history(
          message.restaurant_id, message.booking_id, clock_.now(),
          json::guest_message_history_entry(clock_.now(), history_action, message, detail));
    }
  });
}

void GuestMailSender::attempt(domain::GuestMessage message) {
  const auto now = clock_.now();
  const auto restaurant = store_.restaurants().find_restaurant(message.restaurant_id);
  const auto booking = store_.bookings().find_booking(message.restaurant_id, message.booking_id);
  if (!restaurant || !booking) {
    message.status = "failed";
    message.last_error = "the booking no longer exists";
    finish(message, {}, {});
    return;
  }
  // Between queuing and sending the booking may have changed: the guest
  // withdrew consent, or a reminder's booking was canceled or has begun.
  const bool stale_reminder = message.kind == domain::mail_kind_name(domain::MailKind::reminder) &&
                              (booking->status != "approved" || booking->date_time <= now);
  if (!domain::may_email_guest(*booking, true) || stale_reminder) {
    message.status = "not_sent";
    message.last_error = "not sent: no longer wanted (the booking or the guest's choice changed)";
    finish(message, {}, {});
    return;
  }
  const auto route = route_for(*restaurant, server_);
  if (!route) {
    message.status = "not_sent";
    message.last_error = "not sent: no SMTP server";
    finish(message, "email.not_sent", message.last_error);
    return;
  }
  if (!domain::is_plain_mail_address(message.to_address) || !domain::is_plain_mail_address(route->from)) {
    message.status = "failed";
    message.last_error = "not sent: the guest's or the sender's address cannot be used";
    finish(message, "email.failed", message.last_error);
    return;
  }
  message.message_id = message.id + "@maitred";
  // Each e-mail about a booking that still stands carries a manage link of
  // its own (a fresh token; the earlier ones stay valid). The link is a
  // secret: it goes into the message and nowhere else, never into a log.
  std::string manage_url;
  if (message.kind != domain::mail_kind_name(domain::MailKind::canceled) && !server_.public_url.empty()) {
    manage_url = server_.public_url + "/manage/" + app::issue_manage_token(store_, clock_, *booking);
  }
  const SmtpEnvelope envelope{
      route->from, {message.to_address}, build_message(*restaurant, *booking, message, route->from, manage_url, now)};
  const auto result = send_(route->endpoint, envelope);
  message.last_error = result.outcome == SendOutcome::sent ? std::string() : result.detail;
  if (result.outcome == SendOutcome::sent) {
    message.status = "sent";
    message.sent_at = clock_.now();
    finish(message, "email.sent", result.detail);
    return;
  }
  const auto delay =
      result.outcome == SendOutcome::temporary_failure ? domain::mail_retry_delay(message.attempts) : std::nullopt;
  if (delay) {
    message.status = "queued";
    message.next_attempt_at = now + *delay;
    finish(message, {}, {});
    return;
  }
  message.status = "failed";
  finish(message, "email.failed", "not sent: " + result.detail);
  core::log().info("guest e-mail {} for booking {} given up: {}", message.id, message.booking_id, result.detail);
}

}  // namespace maitred::delivery
