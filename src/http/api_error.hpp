#pragma once
// The one error type handlers and middleware throw for a client-visible
// failure. error_mapping.cpp is the one place that turns it (and every other
// exception) into an HTTP status and a JSON body.

#include <stdexcept>
#include <string>

namespace maitred::http {

struct ApiError : std::runtime_error {
  unsigned status;
  std::string code;   // stable, machine-readable, snake_case
  std::string field;  // the offending field or parameter, when there is one

  ApiError(unsigned status_, std::string code_, const std::string& message, std::string field_ = {})
      : std::runtime_error(message), status(status_), code(std::move(code_)), field(std::move(field_)) {}
};

}  // namespace maitred::http
