#pragma once
// Conditional GET (SPEC.md section 5, 304): every 200 answer to a GET carries
// a strong ETag computed from its body, and a request whose If-None-Match
// names it is answered 304 without a body. Computed from the bytes rather
// than from stored versions so one rule covers documents, lists, and any
// resource added later, in both dialects.

#include <string>
#include <string_view>

#include "http/request.hpp"
#include "http/response.hpp"

namespace maitred::http {

// "\"<32 hex digits>\"": the first 128 bits of the body's SHA-256 (with the
// CPU's SHA extensions about 2 GB/s, a few microseconds for a 100-item page).
std::string strong_etag(std::string_view body);

// RFC 9110 section 13.1.2: whether an If-None-Match field value ("*" or a
// comma-separated list of entity tags) matches `etag`, with the weak
// comparison (W/"x" matches "x"). A malformed list matches nothing from the
// first malformed element on.
bool if_none_match_matches(std::string_view field, std::string_view etag);

// For a GET answered 200: sets ETag, and turns the answer into a 304 without
// a body when one of the request's If-None-Match fields matches. Other
// answers pass through untouched.
void apply_conditional_get(const Request& request, Response& response);

}  // namespace maitred::http
