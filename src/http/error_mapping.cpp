#include "http/error_mapping.hpp"

#include "core/logging.hpp"
#include "domain/errors.hpp"
#include "json/json_writer.hpp"
#include "store/store.hpp"

namespace maitred::http {

namespace {
// How long a client should wait before retrying when the store is busy.
constexpr std::string_view kUnavailableRetryMs = "1000";

// Locked past the busy timeout or unreachable: the client may retry, so 503
// with Retry-After (in milliseconds like every Retry-After of this API); the
// SQLite message goes to the log only.
Response store_unavailable(const store::StoreError& e, std::string_view request_id) {
  core::log().warn("request {}: store unavailable: {}", request_id, e.what());
  Response r =
      error_response(503, "store_unavailable",
                     "The database is busy or unreachable; retry after the milliseconds in Retry-After.", request_id);
  r.set_header("Retry-After", std::string(kUnavailableRetryMs));
  return r;
}
}  // namespace

Response error_response(unsigned status, std::string_view code, std::string_view message, std::string_view request_id,
                        std::string_view field) {
  std::string body;
  json::JsonWriter out(body);
  out.start_object();
  out.member("message", message);
  out.member("code", code);
  if (!field.empty()) out.member("field", field);
  out.member("requestId", request_id);
  out.end_object();
  Response response = Response::json(status, std::move(body));
  if (status == 401) response.set_header("WWW-Authenticate", "Basic realm=\"maitred\", charset=\"UTF-8\"");
  return response;
}

Response error_response(const ApiError& error, std::string_view request_id) {
  return error_response(error.status, error.code, error.what(), request_id, error.field);
}

Response response_for_exception(std::exception_ptr error, std::string_view request_id) {
  try {
    std::rethrow_exception(error);
  } catch (const ApiError& e) {
    return error_response(e, request_id);
  } catch (const domain::InvalidInput& e) {
    return error_response(422, e.code, e.what(), request_id, e.field);
  } catch (const domain::NotFound& e) {
    return error_response(404, e.code, e.what(), request_id, e.field);
  } catch (const domain::Unauthenticated& e) {
    return error_response(401, e.code, e.what(), request_id);
  } catch (const domain::TooManyAttempts& e) {
    Response r = error_response(429, e.code, e.what(), request_id);
    r.set_header("Retry-After", std::to_string(e.retry_after.count()));  // milliseconds, as everywhere
    return r;
  } catch (const domain::IllegalOperation& e) {
    return error_response(400, e.code, e.what(), request_id, e.field);
  } catch (const store::StoreUnavailable& e) {
    return store_unavailable(e, request_id);
  } catch (const store::StoreError& e) {
    if (e.kind == store::StoreError::Kind::unavailable) return store_unavailable(e, request_id);
    core::log().error("request {}: store error: {}", request_id, e.what());
  } catch (const std::exception& e) {
    core::log().error("request {}: unhandled exception: {}", request_id, e.what());
  } catch (...) {
    core::log().error("request {}: unhandled non-standard exception", request_id);
  }
  return error_response(500, "internal_error",
                        "Something went wrong on the server. Quote this request id when reporting it.", request_id);
}

}  // namespace maitred::http
