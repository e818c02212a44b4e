#include "http/static_asset.hpp"

#include <string>

#include "core/text.hpp"

namespace maitred::http {
namespace {

// Whether `coding` is acceptable according to the field: listed (or "*"
// listed) with a q-value above zero.
bool accepts(std::string_view field, std::string_view coding) {
  bool star = false;
  while (!field.empty()) {
    const auto comma = field.find(',');
    std::string_view item = field.substr(0, comma);
    field = comma == std::string_view::npos ? std::string_view{} : field.substr(comma + 1);
    const auto semicolon = item.find(';');
    std::string_view name = core::trim(item.substr(0, semicolon));
    std::string_view params = semicolon == std::string_view::npos ? std::string_view{} : item.substr(semicolon + 1);
    // "q=0", "q=0.0", "q=0.000": refused. Anything else counts as accepted.
    bool refused = false;
    const auto q = params.find("q=");
    if (q != std::string_view::npos) {
      std::string_view value = core::trim(params.substr(q + 2));
      refused = !value.empty() && value.find_first_not_of("0.") == std::string_view::npos;
    }
    if (core::iequals(name, coding)) return !refused;
    if (name == "*") star = !refused;
  }
  return star;
}

}  // namespace

ContentCoding preferred_coding(std::string_view accept_encoding) {
  if (accepts(accept_encoding, "br")) return ContentCoding::brotli;
  if (accepts(accept_encoding, "gzip")) return ContentCoding::gzip;
  return ContentCoding::identity;
}

std::string page_security_policy(const web::Asset& page, std::string_view frame_ancestors) {
  auto with = [](std::string_view hash) { return hash.empty() ? std::string() : " " + std::string(hash); };
  return "default-src 'none'; script-src 'self'" + with(page.inline_script_hash) + "; style-src 'self'" +
         with(page.inline_style_hash) +
         "; img-src 'self' data:; connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors " +
         std::string(frame_ancestors);
}

Response asset_response(const Request& request, const web::Asset& asset) {
  const ContentCoding coding = preferred_coding(request.header("Accept-Encoding"));
  const web::AssetBytes& bytes = coding == ContentCoding::brotli ? asset.brotli
                                 : coding == ContentCoding::gzip ? asset.gzip
                                                                 : asset.identity;
  Response response;
  response.status = 200;
  response.set_header("Content-Type", std::string(asset.content_type));
  if (coding != ContentCoding::identity) {
    response.set_header("Content-Encoding", coding == ContentCoding::brotli ? "br" : "gzip");
  }
  response.set_header("Vary", "Accept-Encoding");
  // One entity tag per representation (RFC 9110 8.8.3): the gzip bytes are
  // not the brotli bytes.
  std::string etag(asset.etag);
  if (coding != ContentCoding::identity) {
    etag.insert(etag.size() - 1, coding == ContentCoding::brotli ? "-br" : "-gz");
  }
  response.set_header("ETag", std::move(etag));
  response.set_header("Cache-Control", asset.immutable ? "public, max-age=31536000, immutable" : "no-cache");
  response.set_header("X-Content-Type-Options", "nosniff");
  response.set_header("Referrer-Policy", "no-referrer");
  response.body.assign(bytes.view());
  return response;
}

}  // namespace maitred::http
