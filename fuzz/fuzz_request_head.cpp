// libFuzzer target: the request-head / authorization path.
//
// 1. The raw bytes go through a Beast request_parser<string_body> configured
//    as the server configures it (src/http/connection.cpp: 16 KiB header
//    limit, 1 MiB body limit, fed from a buffer that grows 4 KiB at a time).
// 2. When the head parsed, it is converted into our http::Request the way
//    connection.cpp's to_request() does, and the pieces the pipeline looks at
//    first are exercised: parse_authorization(), request_id_for() and the
//    router match of api::make_router().
// 3. The raw bytes are also fed directly to parse_authorization(),
//    core::base64_decode() and core::parse_listen_address().
//
// Documented contracts of those functions are checked; a violation aborts
// (and libFuzzer reports it as a crash) with a message saying which.

// Before any Boost header (Boost 1.74 awaitable.hpp pitfall).
#include "http/asio.hpp"

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>
#include <tuple>
#include <variant>

#include "api/routes.hpp"
#include "core/config.hpp"
#include "core/crypto.hpp"
#include "http/authorization_header.hpp"
#include "http/request.hpp"
#include "http/request_id.hpp"
#include "http/router.hpp"

namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = boost::beast::http;

// The server's defaults (core::ServeConfig) and read size (connection.cpp).
constexpr std::uint32_t kHeaderLimit = 16 * 1024;
constexpr std::uint64_t kBodyLimit = 1024 * 1024;
constexpr std::size_t kReadChunk = 4096;

[[noreturn]] void contract_violation(const char* what) {
  std::fprintf(stderr, "fuzz_request_head: contract violated: %s\n", what);
  std::abort();
}
#define FUZZ_CHECK(cond) \
  do {                   \
    if (!(cond)) contract_violation(#cond); \
  } while (0)

std::string_view sv(beast::string_view s) { return {s.data(), s.size()}; }

bool plain_id_char(char c) {
  return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '.' || c == '_' ||
         c == '-';
}

bool has_control_chars(std::string_view s) {
  for (char c : s) {
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) return true;
  }
  return false;
}

const maitred::http::Router& router() {
  static const maitred::http::Router instance = maitred::api::make_router();
  return instance;
}

void check_authorization(std::string_view value) {
  auto result = maitred::http::parse_authorization(value);
  if (const auto* credential = std::get_if<maitred::http::Credential>(&result)) {
    FUZZ_CHECK(!credential->secret.empty());
    FUZZ_CHECK(!has_control_chars(credential->secret));
    FUZZ_CHECK(credential->secret.size() <= value.size());
  }
}

void check_request_id(std::string_view client_supplied) {
  std::string id = maitred::http::request_id_for(client_supplied);
  FUZZ_CHECK(!id.empty() && id.size() <= 64);
  for (char c : id) FUZZ_CHECK(plain_id_char(c));
}

void check_route(maitred::http::Method method, std::string_view path) {
  auto result = router().match(method, path);
  if (const auto* match = std::get_if<maitred::http::RouteMatch>(&result)) {
    FUZZ_CHECK(match->route != nullptr);
    FUZZ_CHECK(match->route->method == method);
    const char* begin = path.data();
    const char* end = path.data() + path.size();
    for (const auto& [name, value] : match->params) {
      FUZZ_CHECK(!name.empty() && !value.empty());
      // Parameter values are views into the request path.
      FUZZ_CHECK(value.data() >= begin && value.data() + value.size() <= end);
    }
  } else if (const auto* not_allowed = std::get_if<maitred::http::MethodNotAllowed>(&result)) {
    FUZZ_CHECK(!not_allowed->allow.empty());
  }
}

// What connection.cpp's to_request() builds (client address and TLS flag are
// irrelevant here).
maitred::http::Request to_request(const bhttp::request<bhttp::string_body>& message) {
  maitred::http::Request request;
  request.method = maitred::http::parse_method(sv(message.method_string()));
  request.target = sv(message.target());
  std::tie(request.path, request.query) = maitred::http::split_target(request.target);
  request.headers.reserve(16);
  for (const auto& field : message) request.headers.emplace_back(sv(field.name_string()), sv(field.value()));
  request.body = message.body();
  request.client_address = "192.0.2.1";
  request.secure = true;
  return request;
}

void fuzz_parser(const char* data, std::size_t size) {
  bhttp::request_parser<bhttp::string_body> parser;
  parser.header_limit(kHeaderLimit);
  parser.body_limit(kBodyLimit);
  parser.eager(true);

  // A flat buffer that the "socket" fills kReadChunk bytes at a time, as
  // async_read_header/async_read do.
  std::size_t consumed = 0;
  std::size_t available = size < kReadChunk ? size : kReadChunk;
  beast::error_code ec;
  for (;;) {
    std::size_t used = parser.put(asio::const_buffer(data + consumed, available - consumed), ec);
    consumed += used;
    if (ec == bhttp::error::need_more || (!ec && used == 0 && !parser.is_done())) {
      ec = {};
      if (available == size) {
        // The peer closed: as Beast's read_some does, the parser only sees
        // EOF once it got some bytes; otherwise it is end_of_stream.
        if (parser.got_some()) {
          parser.put_eof(ec);
        } else {
          ec = bhttp::error::end_of_stream;
        }
        break;
      }
      available = size - available < kReadChunk ? size : available + kReadChunk;
      continue;
    }
    if (ec || parser.is_done()) break;
  }

  if (!parser.is_header_done()) return;
  const auto& message = parser.get();
  maitred::http::Request request = to_request(message);

  FUZZ_CHECK(request.path.size() + request.query.size() <= request.target.size());
  FUZZ_CHECK(maitred::http::method_name(request.method).size() > 0);
  (void)request.has_header("Authorization");
  (void)message.keep_alive();
  (void)message.chunked();
  (void)message.has_content_length();

  check_authorization(request.header("Authorization"));
  check_request_id(request.header("X-Request-Id"));
  check_route(request.method, request.path);
}

void fuzz_direct(std::string_view text) {
  check_authorization(text);

  if (auto decoded = maitred::core::base64_decode(text)) {
    // Strict base64: 3 bytes per 4 characters, less the padding.
    FUZZ_CHECK(text.size() % 4 == 0);
    FUZZ_CHECK(decoded->size() <= text.size() / 4 * 3);
    FUZZ_CHECK(decoded->size() + 2 >= text.size() / 4 * 3);
  }

  std::string error;
  if (auto address = maitred::core::parse_listen_address(text, error)) {
    FUZZ_CHECK(!address->host.empty());
    FUZZ_CHECK(address->host.size() < text.size());
  } else {
    FUZZ_CHECK(!error.empty());
  }

  check_request_id(text);
}

}  // namespace

// Make recoverable UBSan checks fatal, so libFuzzer records them as crashes
// (the fuzz preset does not pass -fno-sanitize-recover). UBSAN_OPTIONS in the
// environment still overrides these.
extern "C" const char* __ubsan_default_options() { return "halt_on_error=1:print_stacktrace=1"; }

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  (void)router();  // build the routing table once, before the first input
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const char* chars = reinterpret_cast<const char*>(data);
  fuzz_parser(chars, size);
  fuzz_direct(std::string_view(chars, size));
  return 0;
}
