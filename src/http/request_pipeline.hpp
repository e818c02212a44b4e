#pragma once
// Everything between a parsed request and the response bytes, independent of
// sockets: routing (404/405), authentication, rate limiting, the handler
// call, error mapping, the common headers, and the access log line.

#include <string>

#include "http/authenticator.hpp"
#include "http/handler.hpp"
#include "http/rate_limiter.hpp"
#include "http/router.hpp"

namespace maitred::http {

class RequestPipeline {
 public:
  RequestPipeline(const Router& router, Services& services, Authenticator& authenticator, RateLimiter& rate_limiter)
      : router_(router), services_(services), authenticator_(authenticator), rate_limiter_(rate_limiter) {}

  Response handle(const Request& request);
  // The answer to a request whose handle() returned a long poll, once its
  // wait is over: the handler's `answer`, with the headers and the access
  // log line every response gets — or, when `answer` found nothing yet, a
  // further long poll to wait on (never when `may_wait` is false).
  Response resume(const Request& request, LongPoll& poll, bool may_wait);

  // An error found before a request could be parsed (413, 431, HTTPS
  // required, malformed request): the same body shape, common headers and
  // access log line as every other response.
  Response early_error(unsigned status, std::string_view code, std::string_view message, std::string_view method,
                       std::string_view path, std::string_view client_address);

  RateLimiter& rate_limiter() { return rate_limiter_; }

 private:
  Response dispatch(const Request& request, const std::string& request_id, std::string& restaurant_id,
                    RateDecision& rate);

  const Router& router_;
  Services& services_;
  Authenticator& authenticator_;
  RateLimiter& rate_limiter_;
};

}  // namespace maitred::http
