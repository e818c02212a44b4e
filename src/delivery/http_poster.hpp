#pragma once
// Outbound HTTP POSTs for the delivery thread: libcurl's multi interface,
// many transfers at once on the calling thread, none of them on an I/O
// thread (docs/ARCHITECTURE.md, "Webhooks": why libcurl rather than Beast's
// client). TLS is verified against the system's CA store, plus the CA file
// given by serve --webhook-ca.
//
// SSRF: unless private addresses are allowed, every connection is checked
// when it is opened (CURLOPT_OPENSOCKETFUNCTION), after DNS, against
// domain/address_policy.hpp: a name that resolves, or is rebound, to a
// loopback, private, link-local or metadata address is refused there,
// whatever the URL said. Redirects are not followed (a 3xx is an answer, not
// a delivery).

#include <chrono>
#include <cstddef>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace maitred::delivery {

struct PosterOptions {
  bool allow_private_addresses = false;
  std::filesystem::path extra_ca_file;  // empty: the system store only
};

struct PostRequest {
  std::string tag;  // the caller's name for it, given back with its result
  std::string url;
  std::vector<std::string> headers;  // "name: value"
  std::string body;
  std::chrono::milliseconds timeout{10'000};
};

struct PostResult {
  enum class Outcome {
    answered,  // an HTTP answer came: see status
    timeout,   // none within the timeout
    refused,   // the address is not allowed (SSRF); nothing was sent
    error,     // DNS, connection, TLS, ...: see error
  };
  std::string tag;
  Outcome outcome = Outcome::error;
  int status = 0;          // the HTTP status when answered
  std::string body_start;  // the first kBodyKept bytes of the answer
  std::string error;       // in words, when not answered
  long long duration_ms = 0;
};

inline constexpr std::size_t kBodyKept = 1024;

class HttpPoster {
 public:
  explicit HttpPoster(PosterOptions options);
  ~HttpPoster();
  HttpPoster(const HttpPoster&) = delete;
  HttpPoster& operator=(const HttpPoster&) = delete;

  // Starts a POST; its result comes from a later run(). Owner thread only.
  void start(PostRequest request);
  // Moves the transfers on, waiting at most `wait` for network activity
  // (or a wakeup()), and returns those that finished. Owner thread only.
  std::vector<PostResult> run(std::chrono::milliseconds wait);
  // Ends a run() that waits; callable from any thread.
  void wakeup();
  std::size_t in_flight() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace maitred::delivery
