#pragma once
// A request as the API layer sees it: views into the connection's buffers,
// valid for the duration of one handler call. Keeps Beast out of api/.

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace maitred::http {

enum class Method { get, head, post, put, patch, del, options, other };

std::string_view method_name(Method m);
Method parse_method(std::string_view text);

struct Request {
  Method method = Method::get;
  std::string_view target;  // as sent: path plus query
  std::string_view path;    // before '?', still percent-encoded
  std::string_view query;   // after '?', without it
  std::vector<std::pair<std::string_view, std::string_view>> headers;
  std::string_view body;
  std::string client_address;
  bool secure = true;  // arrived over TLS

  // Case-insensitive; the first occurrence; empty when absent.
  std::string_view header(std::string_view name) const;
  bool has_header(std::string_view name) const;
};

// Splits "path?query" into its two parts.
std::pair<std::string_view, std::string_view> split_target(std::string_view target);

}  // namespace maitred::http
