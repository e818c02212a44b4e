#pragma once
// The SMTP server an e-mail goes through, as `serve --smtp-url` and a
// restaurant's `smtp.url` name it:
//
//   smtps://user:pass@host[:465]     TLS from the first byte
//   smtp://user:pass@host[:587]      STARTTLS, required: a server that does
//                                    not offer it gets nothing
//   smtp://host:2525?tls=none        plain text, only when asked for by name
//                                    (a loopback test receiver, a local relay)
//
// User and password may be percent-encoded. The password never leaves this
// struct except to libcurl: logs and settings show redact_smtp_url().

#include <optional>
#include <string>
#include <string_view>
#include <variant>

namespace maitred::core {

enum class SmtpTls { implicit, starttls, none };

struct SmtpEndpoint {
  std::string url;  // scheme://host:port/, without user, password or query: what libcurl connects to
  std::string host;
  int port = 0;
  SmtpTls tls = SmtpTls::starttls;
  std::string username;
  std::string password;
};

// The endpoint, or a sentence saying what is wrong with `url`.
std::variant<SmtpEndpoint, std::string> parse_smtp_url(std::string_view url);

// `url` with its password replaced by "***" (and nothing else changed), for
// logs and settings responses.
std::string redact_smtp_url(std::string_view url);

}  // namespace maitred::core
