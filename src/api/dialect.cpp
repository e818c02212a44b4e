#include "api/dialect.hpp"

#include <rapidjson/document.h>

#include <stdexcept>
#include <utility>

#include "json/json_reader.hpp"

namespace maitred::api {

namespace {

constexpr std::string_view kNewId = "{new}";
constexpr std::string_view kPathId = "{id}";

// The id a v1 write answered: the bare JSON string of a create, or the
// `_id` of a document answered whole (holds). Our own output, read through
// the one JSON reader all the same (bounded depth, no recursion).
std::string id_in(const std::string& body) {
  const auto doc = json::parse_body(body);
  if (doc.IsString()) return {doc.GetString(), doc.GetStringLength()};
  if (doc.IsObject()) {
    auto it = doc.FindMember("_id");
    if (it != doc.MemberEnd() && it->value.IsString()) return {it->value.GetString(), it->value.GetStringLength()};
  }
  throw std::logic_error("a create handler answered neither an id nor a document with _id: " + body);
}

std::string replace_all(std::string text, std::string_view what, std::string_view with) {
  for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + with.size())) {
    text.replace(at, what.size(), with);
  }
  return text;
}

// The v3 URL of `pattern` with {new} and {id} filled in.
std::string location(const ReadBack& read_back, std::string_view new_id, std::string_view path_id) {
  auto path = dialect_path(Dialect::v3, read_back.pattern);
  return replace_all(replace_all(std::move(path), kNewId, new_id), kPathId, path_id);
}

// The resource's document through its own GET handler, so v3 answers the very
// bytes a following GET would (same codec, same ETag). Called right after the
// write committed, on the same request: no extra rate-limit hit.
std::string read_document(http::RequestContext& context, const ReadBack& read_back, std::string_view id) {
  http::RequestContext inner{context.request, {{"id", id}}, context.principal, context.request_id, context.services};
  return read_back.get(inner).body;
}

// Handlers report failures by throwing; an answer outside 2xx is passed
// through untouched all the same rather than reshaped.
bool succeeded(const http::Response& response) {
  return response.status >= 200 && response.status < 300;
}

http::Response created(http::RequestContext& context, const http::Handler& handler, const ReadBack& read_back) {
  http::Response response = handler(context);
  if (!succeeded(response)) return response;
  const std::string new_id = id_in(response.body);
  const std::string_view path_id = context.path_param("id");
  const bool is_new_resource = read_back.pattern.find(kNewId) != std::string_view::npos;
  if (read_back.get) response.body = read_document(context, read_back, is_new_resource ? new_id : path_id);
  response.status = 201;
  response.set_header("Location", location(read_back, new_id, path_id));
  return response;
}

http::Response updated(http::RequestContext& context, const http::Handler& handler, const ReadBack& read_back) {
  http::Response response = handler(context);
  if (!succeeded(response)) return response;
  if (read_back.get) response.body = read_document(context, read_back, context.path_param("id"));
  return response;
}

http::Response removed(http::RequestContext& context, const http::Handler& handler) {
  http::Response response = handler(context);
  if (!succeeded(response)) return response;
  response.status = 204;
  response.body.clear();
  return response;
}

}  // namespace

std::string_view base_path(Dialect dialect) {
  return dialect == Dialect::v1 ? "/v1" : "/api/v3";
}

std::string dialect_path(Dialect dialect, std::string_view v1_relative) {
  std::string path(base_path(dialect));
  constexpr std::string_view kCustomers = "/customers";
  if (dialect == Dialect::v3 && v1_relative.starts_with(kCustomers) &&
      (v1_relative.size() == kCustomers.size() || v1_relative[kCustomers.size()] == '/')) {
    path += "/clients";
    v1_relative.remove_prefix(kCustomers.size());
  }
  path += v1_relative;
  return path;
}

http::Handler for_dialect(Dialect dialect, Shape shape, http::Handler handler, ReadBack read_back) {
  if (dialect == Dialect::v1) return handler;
  switch (shape) {
    case Shape::plain: return handler;
    case Shape::create:
      return [handler = std::move(handler), read_back = std::move(read_back)](http::RequestContext& context) {
        return created(context, handler, read_back);
      };
    case Shape::update:
      return [handler = std::move(handler), read_back = std::move(read_back)](http::RequestContext& context) {
        return updated(context, handler, read_back);
      };
    case Shape::remove:
      return [handler = std::move(handler)](http::RequestContext& context) { return removed(context, handler); };
  }
  return handler;
}

}  // namespace maitred::api
