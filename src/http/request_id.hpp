#pragma once
// X-Request-Id values: a client's own id when it is short and plain (so traces
// join up), otherwise 16 fresh hex characters.

#include <string>
#include <string_view>

namespace maitred::http {

std::string new_request_id();

// The client's id if acceptable (1-64 chars of [A-Za-z0-9._-]), else a new one.
std::string request_id_for(std::string_view client_supplied);

}  // namespace maitred::http
