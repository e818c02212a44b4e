#pragma once
// Maps (method, path) to a handler. Patterns are literal segments and
// `{name}` placeholders: "/v1/bookings/{id}/history".

#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

#include "domain/permission.hpp"
#include "http/handler.hpp"

namespace maitred::http {

struct Route {
  Method method;
  std::string pattern;
  Access access;
  Handler handler;
  // What the caller's role must allow; derived from the method and the
  // pattern's resource family (domain/permission.hpp) unless given.
  domain::Permission permission = domain::Permission::read;
  // The media type a POST/PUT body must declare; JSON everywhere but the
  // CSV imports. Anything else is a 415.
  std::string body_type = "application/json";
};

struct RouteMatch {
  const Route* route;
  std::vector<std::pair<std::string_view, std::string_view>> params;
};
struct NotFound {};
struct MethodNotAllowed {
  std::string allow;  // "GET, PUT"
};

class Router {
 public:
  void add(Method method, std::string pattern, Access access, Handler handler);
  void add(Method method, std::string pattern, Access access, Handler handler, domain::Permission permission);

  // The already added route takes bodies of `media_type` instead of JSON.
  void set_body_type(Method method, std::string_view pattern, std::string media_type);

  // Views in the result point into `path` and into the router.
  std::variant<RouteMatch, NotFound, MethodNotAllowed> match(Method method, std::string_view path) const;

 private:
  struct Pattern {
    std::string text;
    std::vector<std::string> segments;  // "{id}" marks a placeholder
    std::vector<Route> routes;
  };
  std::vector<Pattern> patterns_;
};

}  // namespace maitred::http
