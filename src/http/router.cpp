#include "http/router.hpp"

#include <stdexcept>

namespace maitred::http {

namespace {

std::vector<std::string_view> split_path(std::string_view path) {
  std::vector<std::string_view> out;
  if (path.size() > 1 && path.back() == '/') path.remove_suffix(1);  // "/v1/tables/" = "/v1/tables"
  std::size_t start = 1;
  while (start <= path.size()) {
    auto slash = path.find('/', start);
    if (slash == std::string_view::npos) slash = path.size();
    out.push_back(path.substr(start, slash - start));
    start = slash + 1;
  }
  return out;
}

bool is_placeholder(std::string_view segment) {
  return segment.size() > 2 && segment.front() == '{' && segment.back() == '}';
}

}  // namespace

void Router::add(Method method, std::string pattern, Access access, Handler handler) {
  const bool read_only = method == Method::get || method == Method::head;
  const auto permission = domain::permission_for_route(read_only, pattern);
  add(method, std::move(pattern), access, std::move(handler), permission);
}

void Router::add(Method method, std::string pattern, Access access, Handler handler, domain::Permission permission) {
  if (pattern.empty() || pattern.front() != '/')
    throw std::logic_error("route pattern must start with '/': " + pattern);
  for (auto& p : patterns_) {
    if (p.text != pattern) continue;
    for (const auto& r : p.routes) {
      if (r.method == method) throw std::logic_error("route registered twice: " + pattern);
    }
    p.routes.push_back(Route{method, pattern, access, std::move(handler), permission});
    return;
  }
  Pattern p;
  p.text = pattern;
  for (auto segment : split_path(pattern)) p.segments.emplace_back(segment);
  p.routes.push_back(Route{method, std::move(pattern), access, std::move(handler), permission});
  patterns_.push_back(std::move(p));
}

void Router::set_body_type(Method method, std::string_view pattern, std::string media_type) {
  for (auto& p : patterns_) {
    if (p.text != pattern) continue;
    for (auto& r : p.routes) {
      if (r.method == method) {
        r.body_type = std::move(media_type);
        return;
      }
    }
  }
  throw std::logic_error("set_body_type: no such route: " + std::string(pattern));
}

std::variant<RouteMatch, NotFound, MethodNotAllowed> Router::match(Method method, std::string_view path) const {
  if (path.empty() || path.front() != '/') return NotFound{};
  const auto segments = split_path(path);
  for (const auto& pattern : patterns_) {
    if (pattern.segments.size() != segments.size()) continue;
    std::vector<std::pair<std::string_view, std::string_view>> params;
    bool matched = true;
    for (std::size_t i = 0; i < segments.size() && matched; ++i) {
      std::string_view want = pattern.segments[i];
      if (is_placeholder(want)) {
        if (segments[i].empty())
          matched = false;
        else
          params.emplace_back(want.substr(1, want.size() - 2), segments[i]);
      } else {
        matched = want == segments[i];
      }
    }
    if (!matched) continue;
    for (const auto& route : pattern.routes) {
      if (route.method == method) return RouteMatch{&route, std::move(params)};
    }
    std::string allow;
    for (const auto& route : pattern.routes) {
      if (!allow.empty()) allow += ", ";
      allow += method_name(route.method);
    }
    return MethodNotAllowed{std::move(allow)};
  }
  return NotFound{};
}

}  // namespace maitred::http
