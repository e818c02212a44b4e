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

// "\"<16 hex digits>\"": the body's XXH64. Not SHA-256: a 73 KB list page
// takes about 75 us to SHA-256 here (half of what serving it costs) and 5 us
// to XXH64. A validator needs no collision resistance against attackers
// (a collision could only make a client of the same restaurant keep a stale
// copy); 64 bits make an accidental one between two versions of a resource
// negligible.
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
