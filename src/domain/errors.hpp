#pragma once
// Errors of the domain, independent of HTTP. http/error_mapping.cpp turns
// them into statuses: InvalidInput 422, NotFound 404, IllegalOperation 400.
// Messages are sentences a restaurant manager understands; codes are stable.

#include <stdexcept>
#include <string>

namespace maitred::domain {

struct DomainError : std::runtime_error {
  std::string code;
  std::string field;
  DomainError(std::string code_, std::string field_, const std::string& message)
      : std::runtime_error(message), code(std::move(code_)), field(std::move(field_)) {}
};

// The request could not be interpreted: a missing, malformed or out-of-range
// value, an unknown field, a duplicate name.
struct InvalidInput : DomainError {
  using DomainError::DomainError;
};

// The document, or one it references, does not exist in this restaurant.
struct NotFound : DomainError {
  using DomainError::DomainError;
};

// Well-formed, but not allowed in the current state (deleting a table that
// bookings use, an impossible status change).
struct IllegalOperation : DomainError {
  using DomainError::DomainError;
};

}  // namespace maitred::domain
