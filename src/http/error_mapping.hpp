#pragma once
// The one place where failures become HTTP statuses and JSON error bodies
// ({"message", "code", "field"?, "requestId"}).

#include <exception>
#include <string_view>

#include "http/api_error.hpp"
#include "http/response.hpp"

namespace maitred::http {

Response error_response(unsigned status, std::string_view code, std::string_view message, std::string_view request_id,
                        std::string_view field = {});

Response error_response(const ApiError& error, std::string_view request_id);

// Maps whatever a handler threw: ApiError as it says, domain errors to 422
// (InvalidInput), 404 (NotFound) and 400 (IllegalOperation), store unavailability to
// 503 with Retry-After, anything else to a 500 that shows only the request id
// (the details go to the log).
Response response_for_exception(std::exception_ptr error, std::string_view request_id);

}  // namespace maitred::http
