#pragma once
// Answers a GET for one of the compiled-in web assets: the best encoding the
// client accepts (brotli, then gzip, then none), the asset's own ETag per
// encoding, caching by name (a year and immutable for content-hashed names,
// revalidate otherwise) and the pages' security headers.

#include <string_view>

#include "http/request.hpp"
#include "http/response.hpp"
#include "web/assets.hpp"

namespace maitred::http {

enum class ContentCoding { identity, gzip, brotli };

// From an Accept-Encoding field value (RFC 9110 12.5.3): brotli when "br" is
// acceptable, else gzip, else identity. A coding listed with q=0 is refused;
// "*" accepts both.
ContentCoding preferred_coding(std::string_view accept_encoding);

// The strict Content-Security-Policy of every page maitred serves: its own
// scripts, styles and API only, plus the page's own inline script and style
// by their hashes. `frame_ancestors` is the CSP source list of who may frame
// the page ("'none'" or "*").
std::string page_security_policy(const web::Asset& page, std::string_view frame_ancestors);

Response asset_response(const Request& request, const web::Asset& asset);

}  // namespace maitred::http
