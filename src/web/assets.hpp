#pragma once
// The web front ends' files (booking page, widget), compiled into the binary
// by web/build.mjs: each with its media type, an ETag from its content hash,
// and precompressed gzip and brotli copies.

#include <cstddef>
#include <span>
#include <string_view>

namespace maitred::web {

struct AssetBytes {
  const unsigned char* data;
  std::size_t size;

  std::string_view view() const { return {reinterpret_cast<const char*>(data), size}; }
};

struct Asset {
  std::string_view path;  // "/assets/manage.3f2a9c1e07.js", "/widget.js", "/book"
  std::string_view content_type;
  // The name carries the content hash: a browser may keep it for a year.
  bool immutable;
  std::string_view etag;  // "\"<16 hex digits of SHA-256>\""
  // A page's inline script and style, as CSP sources ("'sha256-...'");
  // empty for assets without them.
  std::string_view inline_script_hash;
  std::string_view inline_style_hash;
  AssetBytes identity;
  AssetBytes gzip;
  AssetBytes brotli;
};

std::span<const Asset> all_assets();

// The asset served at `path`, or null.
const Asset* find_asset(std::string_view path);

}  // namespace maitred::web
