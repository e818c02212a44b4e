#pragma once
// Hands one message to an SMTP server through libcurl. Blocking: it runs on
// the guest-mail sender's own thread, never on an I/O thread (a slow or dead
// mail server must cost the API nothing).

#include <chrono>
#include <string>
#include <vector>

#include "core/smtp_url.hpp"

namespace maitred::delivery {

enum class SendOutcome {
  sent,
  temporary_failure,  // 4xx, no connection, timeout, TLS trouble: try again later
  permanent_failure,  // 5xx: the server refused for good (unknown mailbox, auth refused)
};

struct SendResult {
  SendOutcome outcome = SendOutcome::sent;
  long reply_code = 0;  // the server's last reply code, 0 when none came
  // The server's last reply ("550 5.1.1 No such user") or what went wrong
  // before one ("connection refused"). Never holds credentials.
  std::string detail;
};

struct SmtpEnvelope {
  std::string from;                     // MAIL FROM
  std::vector<std::string> recipients;  // RCPT TO
  std::string message;                  // the RFC 5322 bytes, CRLF line ends
};

SendResult send_smtp(const core::SmtpEndpoint& endpoint, const SmtpEnvelope& envelope,
                     std::chrono::seconds timeout = std::chrono::seconds{60});

// The outcome of a finished libcurl transfer: `curl_code` (CURLcode) and the
// server's last reply code. Separate so it is tested without a server.
SendOutcome classify_smtp_result(int curl_code, long reply_code);

}  // namespace maitred::delivery
