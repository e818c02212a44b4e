#pragma once
// Errors of the domain, independent of HTTP. http/error_mapping.cpp turns
// them into statuses: InvalidInput 422, NotFound 404, IllegalOperation 400,
// Unauthenticated 401, TooManyAttempts 429.
// Messages are sentences a restaurant manager understands; codes are stable.

#include <chrono>
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

// Credentials were presented and are not good: unknown user, wrong password,
// expired or revoked token. The code says which.
struct Unauthenticated : DomainError {
  Unauthenticated(std::string code_, const std::string& message) : DomainError(std::move(code_), {}, message) {}
};

// Too many failed sign-ins for a username or from an address: the next
// attempt is refused until `retry_after` has passed.
struct TooManyAttempts : DomainError {
  std::chrono::milliseconds retry_after;
  TooManyAttempts(std::chrono::milliseconds retry_after_, const std::string& message)
      : DomainError("too_many_attempts", {}, message), retry_after(retry_after_) {}
};

}  // namespace maitred::domain
