#pragma once
// The Node webhook receiver (tests/receivers/webhook_receiver.mjs) as a child
// process on a free loopback port: it verifies every delivery with the npm
// `standardwebhooks` library and keeps it for the test to read back.

#include <sys/types.h>

#include <cstdint>
#include <filesystem>
#include <string>

#include "support/https_client.hpp"

namespace maitred::test {

class WebhookReceiver {
 public:
  // `clock_file`: the pinned clock the server runs on (the library checks a
  // delivery's timestamp against "now").
  // `tls_cert` and `tls_key` (PEM): HTTPS instead of HTTP; the test talks
  // to its control routes trusting `tls_cert`.
  explicit WebhookReceiver(const std::filesystem::path& clock_file, const std::filesystem::path& tls_cert = {},
                           const std::filesystem::path& tls_key = {});
  ~WebhookReceiver();  // SIGKILL
  WebhookReceiver(const WebhookReceiver&) = delete;
  WebhookReceiver& operator=(const WebhookReceiver&) = delete;

  std::uint16_t port() const { return port_; }
  // The URL deliveries to `name` go to (https://localhost:PORT/... with TLS,
  // the name its certificate is for).
  std::string url(const std::string& name) const;
  // POST /control/NAME with `json` ({"secrets": [...], "fail": N, "holdMs": ms}).
  void configure(const std::string& name, const std::string& json);
  // GET /received?name=NAME: the JSON array of deliveries so far.
  std::string received(const std::string& name);

 private:
  HttpClient control();

  std::filesystem::path tls_cert_;
  pid_t pid_ = -1;
  std::uint16_t port_ = 0;
};

}  // namespace maitred::test
