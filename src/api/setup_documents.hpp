#pragma once
// Typed access to the caller's setup documents, shared by the setup
// resources (areas, tables, combinations, opening hours, custom fields).

#include <optional>
#include <string>
#include <vector>

#include "api/list_request.hpp"
#include "app/document_writes.hpp"
#include "app/setup_kinds.hpp"
#include "app/setup_service.hpp"
#include "core/clock.hpp"
#include "core/ids.hpp"
#include "domain/errors.hpp"
#include "domain/setup.hpp"
#include "http/handler.hpp"
#include "http/query_params.hpp"
#include "json/setup_codec.hpp"
#include "store/corrupt_document.hpp"
#include "store/store.hpp"

namespace maitred::api {

// The setup kinds' traits and typed reads live in app/setup_kinds.hpp, one
// table for the handlers and the availability engine alike.
using app::decode_stored;
using app::load_all;
using app::load_one;

// The caller's writes to its documents, each with its event
// (app/document_writes.hpp).
app::DocumentWrites document_writes(const http::RequestContext& context);
// The caller's setup use cases (app/setup_service.hpp).
app::SetupService setup_service(const http::RequestContext& context);

// The parsed JSON body of a create or update, after the checks every body
// gets: `_id` (if sent) must be the document's own, `restaurantId` (if sent)
// the caller's own; `createdAt`/`updatedAt` are read-only and ignored.
class BodyReader {
 public:
  BodyReader(const http::RequestContext& context, std::string_view document_id = {});
  json::ObjectReader& reader() { return reader_; }

 private:
  rapidjson::Document doc_;
  json::ObjectReader reader_;
};

// GET of a setup collection: `docs`, in the collection's default order, each
// written with `write`, then filtered, sorted and paged by the request's
// customQuery, sort, skip and limit (api/list_request.hpp; whole without
// `limit`). Fields are those of the documents as answered.
template <typename Doc, typename Write>
http::Response list_response(const http::RequestContext& context, const std::vector<Doc>& docs, Write write) {
  const auto list = read_list_request(context, http::QueryParams(context.request.query), kWholeList);
  std::vector<std::string> documents;
  documents.reserve(docs.size());
  for (const auto& doc : docs) documents.push_back(json::to_json(doc, write));
  return http::Response::json(200, json_page_of(list, std::move(documents)));
}

// Responses of the /v1 dialect for writes.
http::Response created_id(const std::string& id);  // 200, the id as a JSON string (resOS)
http::Response json_true();                        // 200, `true` (resOS PUT)

}  // namespace maitred::api
