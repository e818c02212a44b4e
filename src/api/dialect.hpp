#pragma once
// The two API dialects maitred speaks over one set of handlers.
//
// Handlers are written once, in the resOS /v1 style (create -> 200 + the new
// id as a JSON string, update -> `true`, delete -> `true` or 204). The
// Reception Star /api/v3 dialect differs only in the shape of write answers,
// so instead of a second set of handlers (or a dialect flag inside each),
// the route table wraps each v3 write route in an adapter that reshapes the
// v1 answer:
//   create -> 201, Location: the new resource's /api/v3 URL, body: the created
//             document, read back through the resource's own GET handler
//   update -> 200 with the updated document (read back the same way)
//   delete -> 204, no body
// Reads, errors, paging (offset is a synonym of skip in both), sorting and
// search expressions are the same handlers and so identical by construction.

#include <string>
#include <string_view>

#include "http/handler.hpp"

namespace maitred::api {

enum class Dialect { v1, v3 };

// "/v1" or "/api/v3".
std::string_view base_path(Dialect dialect);

// The path of a resource in a dialect, from its /v1 name relative to the
// base ("/customers/{id}"): v3 calls customers "clients".
std::string dialect_path(Dialect dialect, std::string_view v1_relative);

// What a route does, which decides how the v3 adapter reshapes its answer.
enum class Shape { plain, create, update, remove };

// Where the v3 adapter reads a written resource back from: `get` is the
// resource's GET handler, called with `id` set to the created id (when
// `pattern` holds "{new}") or to the request's own `id` path parameter;
// `pattern` (relative, /v1 names) is also the Location of a created one.
// A null `get` keeps the handler's own body (it already is the document).
struct ReadBack {
  std::string pattern;
  http::Handler get;
};

// `handler` itself for /v1 and for reads; for v3 writes, `handler` wrapped
// in the adapter described above.
http::Handler for_dialect(Dialect dialect, Shape shape, http::Handler handler, ReadBack read_back = {});

}  // namespace maitred::api
