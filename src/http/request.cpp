#include "http/request.hpp"

#include <algorithm>

#include "core/text.hpp"

namespace maitred::http {

using core::iequals;

std::string_view method_name(Method m) {
  switch (m) {
    case Method::get: return "GET";
    case Method::head: return "HEAD";
    case Method::post: return "POST";
    case Method::put: return "PUT";
    case Method::patch: return "PATCH";
    case Method::del: return "DELETE";
    case Method::options: return "OPTIONS";
    case Method::other: break;
  }
  return "OTHER";
}

Method parse_method(std::string_view text) {
  for (Method m : {Method::get, Method::head, Method::post, Method::put, Method::patch, Method::del, Method::options}) {
    if (text == method_name(m)) return m;
  }
  return Method::other;
}

std::string_view Request::header(std::string_view name) const {
  for (const auto& [key, value] : headers) {
    if (iequals(key, name)) return value;
  }
  return {};
}

bool Request::has_header(std::string_view name) const {
  return std::ranges::any_of(headers, [&](const auto& h) { return iequals(h.first, name); });
}

std::pair<std::string_view, std::string_view> split_target(std::string_view target) {
  auto q = target.find('?');
  if (q == std::string_view::npos) return {target, {}};
  return {target.substr(0, q), target.substr(q + 1)};
}

}  // namespace maitred::http
