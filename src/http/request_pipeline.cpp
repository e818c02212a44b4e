#include "http/request_pipeline.hpp"

#include <chrono>

#include "core/text.hpp"
#include "core/utf8.hpp"
#include "domain/permission.hpp"
#include "http/access_log.hpp"
#include "http/error_mapping.hpp"
#include "http/etag.hpp"
#include "http/long_poll.hpp"
#include "http/request_id.hpp"
#include "store/store.hpp"

namespace maitred::http {

namespace {

std::string address_bucket(std::string_view client_address) {
  return "addr:" + std::string(client_address);
}

void add_common_headers(Response& response, std::string_view request_id, std::chrono::milliseconds reset_in) {
  response.set_header("X-Request-Id", std::string(request_id));
  // Retry-After is in milliseconds throughout this API (SPEC.md section 3);
  // a 503 brings its own.
  if (response.header("Retry-After").empty()) response.set_header("Retry-After", std::to_string(reset_in.count()));
}

// POST/PUT/PATCH bodies must be declared JSON (SPEC.md section 1), or what
// the route takes instead (CSV for imports). An empty body needs no
// Content-Type.
bool has_unacceptable_body(const Request& request, std::string_view body_type) {
  if (request.method != Method::post && request.method != Method::put && request.method != Method::patch) {
    return false;
  }
  if (request.body.empty() && request.header("Content-Type").empty()) return false;
  std::string_view type = request.header("Content-Type");
  type = type.substr(0, type.find(';'));
  while (!type.empty() && type.back() == ' ') type.remove_suffix(1);
  return !core::iequals(type, body_type);
}

Response too_many_requests(const RateDecision& rate, std::string_view request_id) {
  return error_response(429, "rate_limited",
                        "Too many requests: the limit is " + std::to_string(rate.limit) +
                            " per second. Retry after the number of milliseconds in Retry-After.",
                        request_id);
}

Response forbidden(const Route& route, const Principal& principal, std::string_view request_id) {
  const auto needed = domain::minimum_role(route.permission);
  return error_response(403, "forbidden",
                        "Your role (" + std::string(domain::role_name(principal.role)) +
                            ") may not do this; it needs " + std::string(domain::role_name(needed)) + " or higher.",
                        request_id);
}

}  // namespace

Response RequestPipeline::handle(const Request& request) {
  const auto started = std::chrono::steady_clock::now();
  const std::string request_id = request_id_for(request.header("X-Request-Id"));
  std::string restaurant_id;
  RateDecision rate{};
  Response response;
  try {
    response = dispatch(request, request_id, restaurant_id, rate);
  } catch (...) {
    response = response_for_exception(std::current_exception(), request_id);
  }
  if (response.long_poll) {
    // Answered after the wait (resume()): headers and log line then.
    response.long_poll->request_id = request_id;
    response.long_poll->restaurant_id = restaurant_id;
    response.long_poll->started = started;
    return response;
  }
  apply_conditional_get(request, response);  // ETag on every GET 200; 304 on a match
  add_common_headers(response, request_id, rate.reset_in.count() > 0 ? rate.reset_in : rate_limiter_.reset_in());
  write_access_log({request_id, method_name(request.method), request.path, response.status,
                    std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now() - started),
                    restaurant_id, request.client_address});
  return response;
}

Response RequestPipeline::resume(const Request& request, LongPoll& poll, bool may_wait) {
  Response response;
  try {
    response = poll.answer(may_wait);
  } catch (...) {
    response = response_for_exception(std::current_exception(), poll.request_id);
  }
  if (response.long_poll) {
    // Woken with nothing to say yet: the connection waits again.
    response.long_poll->request_id = poll.request_id;
    response.long_poll->restaurant_id = poll.restaurant_id;
    response.long_poll->started = poll.started;
    return response;
  }
  apply_conditional_get(request, response);
  add_common_headers(response, poll.request_id, rate_limiter_.reset_in());
  write_access_log(
      {poll.request_id, method_name(request.method), request.path, response.status,
       std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now() - poll.started),
       poll.restaurant_id, request.client_address});
  return response;
}

Response RequestPipeline::dispatch(const Request& request, const std::string& request_id, std::string& restaurant_id,
                                   RateDecision& rate) {
  // No resource has such a path (ids are base62), and handlers echo path
  // parameters in their messages: bytes that are not text stop here.
  const bool path_is_text = core::is_valid_utf8(request.path);
  std::variant<RouteMatch, NotFound, MethodNotAllowed> matched = NotFound{};
  if (path_is_text) matched = router_.match(request.method, request.path);
  auto* route = std::get_if<RouteMatch>(&matched);
  if (route == nullptr || route->route->access == Access::open) {
    rate = rate_limiter_.hit(address_bucket(request.client_address));
    if (!rate.allowed) return too_many_requests(rate, request_id);
  }
  if (std::holds_alternative<NotFound>(matched)) {
    return error_response(404, "not_found",
                          path_is_text ? "There is no such endpoint: " + std::string(request.path)
                                       : std::string("There is no such endpoint: the path is not valid UTF-8."),
                          request_id);
  }
  if (auto* not_allowed = std::get_if<MethodNotAllowed>(&matched)) {
    Response r = error_response(
        405, "method_not_allowed",
        std::string(method_name(request.method)) + " is not allowed here; use " + not_allowed->allow + ".", request_id);
    r.set_header("Allow", not_allowed->allow);
    return r;
  }

  Principal principal;
  if (route->route->access == Access::api_key) {
    try {
      principal = authenticator_.authenticate(request);
    } catch (const ApiError&) {
      // Failed attempts spend the address's budget, so guessing keys is slow.
      rate = rate_limiter_.hit(address_bucket(request.client_address));
      if (!rate.allowed) return too_many_requests(rate, request_id);
      throw;
    }
    restaurant_id = principal.restaurant_id;
    rate = rate_limiter_.hit(principal.rate_bucket());
    if (!rate.allowed) return too_many_requests(rate, request_id);
    if (!domain::allows(principal.role, route->route->permission))
      return forbidden(*route->route, principal, request_id);
  }

  if (const auto& body_type = route->route->body_type; has_unacceptable_body(request, body_type)) {
    const bool json = body_type == "application/json";
    return error_response(415, "unsupported_media_type",
                          std::string("The request body must be ") + (json ? "JSON" : body_type) +
                              ", sent with Content-Type: " + body_type + ".",
                          request_id);
  }

  RequestContext context{request, route->params, route->route->access == Access::open ? nullptr : &principal,
                         request_id, services_};
  return route->route->handler(context);
}

Response RequestPipeline::early_error(unsigned status, std::string_view code, std::string_view message,
                                      std::string_view method, std::string_view path, std::string_view client_address) {
  const std::string request_id = new_request_id();
  // The hit only spends the address's budget (this answer is an error
  // whatever the count); a shared limiter whose store is down must not turn
  // it into an exception thrown at the connection.
  std::chrono::milliseconds reset_in{0};
  try {
    reset_in = rate_limiter_.hit(address_bucket(client_address)).reset_in;
  } catch (const store::StoreUnavailable&) {
    reset_in = rate_limiter_.reset_in();
  }
  Response response = error_response(status, code, message, request_id);
  response.close_connection = true;
  add_common_headers(response, request_id, reset_in);
  write_access_log({request_id, method, path, response.status, std::chrono::microseconds{0}, {}, client_address});
  return response;
}

}  // namespace maitred::http
