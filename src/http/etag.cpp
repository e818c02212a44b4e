#include "http/etag.hpp"

#include <xxhash.h>

#include "core/text.hpp"

namespace maitred::http {

namespace {

void skip_separators(std::string_view& text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t' || text.front() == ',')) text.remove_prefix(1);
}

// The opaque part of an entity tag, without W/ and the quotes.
std::string_view opaque(std::string_view tag) {
  if (tag.starts_with("W/")) tag.remove_prefix(2);
  if (tag.size() >= 2 && tag.front() == '"' && tag.back() == '"') tag = tag.substr(1, tag.size() - 2);
  return tag;
}

}  // namespace

std::string strong_etag(std::string_view body) {
  static constexpr char kDigits[] = "0123456789abcdef";
  // XXH64 (libxxhash): a specified, stable 64-bit hash, about ten times
  // faster than SHA-256 on a 70 KB list page. Not collision-resistant
  // against an attacker, who could at worst make a client of the same
  // restaurant keep a stale copy.
  std::uint64_t hash = XXH64(body.data(), body.size(), 0);
  std::string tag(18, '"');
  for (std::size_t i = 16; i > 0; --i, hash >>= 4) tag[i] = kDigits[hash & 0xF];
  return tag;
}

bool if_none_match_matches(std::string_view field, std::string_view etag) {
  const std::string_view wanted = opaque(etag);
  std::string_view rest = field;
  skip_separators(rest);
  if (rest.starts_with('*')) {
    rest.remove_prefix(1);
    skip_separators(rest);
    return rest.empty();  // "*" must stand alone
  }
  while (!rest.empty()) {
    if (rest.starts_with("W/")) rest.remove_prefix(2);
    if (!rest.starts_with('"')) return false;
    const auto close = rest.find('"', 1);
    if (close == std::string_view::npos) return false;
    if (rest.substr(1, close - 1) == wanted) return true;
    rest.remove_prefix(close + 1);
    if (!rest.empty() && rest.front() != ',' && rest.front() != ' ' && rest.front() != '\t') return false;
    skip_separators(rest);
  }
  return false;
}

void apply_conditional_get(const Request& request, Response& response) {
  if (request.method != Method::get || response.status != 200) return;
  // A handler that knows its validator (a compiled-in asset) sets it.
  const bool preset = !response.header("ETag").empty();
  std::string etag = preset ? std::string(response.header("ETag")) : strong_etag(response.body);
  bool matched = false;
  for (const auto& [name, value] : request.headers) {
    if (core::iequals(name, "If-None-Match") && if_none_match_matches(value, etag)) matched = true;
  }
  if (matched) {
    // 304 keeps the headers a 200 would have carried (RFC 9110 15.4.5); the
    // common ones (X-Request-Id, Retry-After) are added after this.
    response.status = 304;
    response.body.clear();
  }
  if (!preset) response.set_header("ETag", std::move(etag));
}

}  // namespace maitred::http
