#pragma once
// Sends queued guest e-mails (store/guest_message_repository.hpp): claims the
// due ones, builds each message (domain/ templates, .ics, MIME), hands it to
// SMTP and records what happened, in the message and, when the guest will
// not get it, in the booking's history. Runs on a thread of its own
// (serve: a core::PeriodicTask), never on an I/O thread.

#include <chrono>
#include <cstddef>
#include <functional>
#include <optional>
#include <string>

#include "core/clock.hpp"
#include "core/smtp_url.hpp"
#include "delivery/smtp_sender.hpp"
#include "domain/guest_message.hpp"

namespace maitred::store {
class Store;
}

namespace maitred::delivery {

// The server-wide SMTP server (serve --smtp-url, --smtp-from); a restaurant's
// settings may name its own. Empty url: none.
struct MailServer {
  std::string url;  // may hold user:password; never logged as is
  std::string from;
  // Where guests reach this server (serve --public-url), without a trailing
  // slash: the base of the manage link in e-mails. Empty: no link.
  std::string public_url;
};

using SendFunction = std::function<SendResult(const core::SmtpEndpoint&, const SmtpEnvelope&)>;

class GuestMailSender {
 public:
  // `send` is send_smtp outside tests.
  GuestMailSender(store::Store& store, const core::Clock& clock, MailServer server, SendFunction send = {});

  // One pass: claims up to `limit` due messages and tries each once.
  // Returns how many it handled.
  std::size_t send_due(std::size_t limit = 20);

 private:
  void attempt(domain::GuestMessage message);
  // Finishes `message` and, for an outcome the staff should see, writes it
  // to the booking's history, both in one transaction.
  void finish(domain::GuestMessage& message, std::string_view history_action, std::string_view detail);

  store::Store& store_;
  const core::Clock& clock_;
  MailServer server_;
  SendFunction send_;
};

}  // namespace maitred::delivery
