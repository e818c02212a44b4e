#pragma once
// Typed access to the caller's setup documents, shared by the setup
// resources (areas, tables, combinations, opening hours, custom fields).

#include <optional>
#include <string>
#include <vector>

#include "api/list_request.hpp"
#include "app/document_writes.hpp"
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

template <typename Doc>
struct SetupKind;

template <>
struct SetupKind<domain::Area> {
  static constexpr store::Collection collection = store::Collection::areas;
  static constexpr const char* noun = "area";
  static constexpr auto apply = json::apply_area;
};
template <>
struct SetupKind<domain::Table> {
  static constexpr store::Collection collection = store::Collection::tables;
  static constexpr const char* noun = "table";
  static constexpr auto apply = json::apply_table;
};
template <>
struct SetupKind<domain::TableCombination> {
  static constexpr store::Collection collection = store::Collection::table_combinations;
  static constexpr const char* noun = "table combination";
  static constexpr auto apply = json::apply_table_combination;
};
template <>
struct SetupKind<domain::OpeningHour> {
  static constexpr store::Collection collection = store::Collection::opening_hours;
  static constexpr const char* noun = "opening hour";
  static constexpr auto apply = json::apply_opening_hour;
};
template <>
struct SetupKind<domain::CustomField> {
  static constexpr store::Collection collection = store::Collection::custom_fields;
  static constexpr const char* noun = "custom field";
  static constexpr auto apply = json::apply_custom_field;
};

// A document that cannot be decoded is a store::CorruptDocument (500).
template <typename Doc>
Doc decode_stored(const store::Document& stored) {
  Doc doc = store::decode_document(SetupKind<Doc>::noun, stored.id,
                                   [&] { return json::from_stored<Doc>(stored.json, SetupKind<Doc>::apply); });
  if constexpr (requires { doc.deleted; }) doc.deleted = stored.deleted;
  return doc;
}

template <typename Doc>
std::vector<Doc> load_all(store::Store& store, const std::string& restaurant_id, bool include_deleted = false) {
  std::vector<Doc> out;
  for (const auto& stored : store.list_documents(SetupKind<Doc>::collection, restaurant_id, include_deleted)) {
    out.push_back(decode_stored<Doc>(stored));
  }
  return out;
}

// The document, or NotFound (404) — also for ids of other restaurants, whose
// existence is never revealed. Soft-deleted documents count as found.
template <typename Doc>
Doc load_one(store::Store& store, const std::string& restaurant_id, std::string_view id) {
  std::optional<store::Document> stored;
  if (core::is_valid_id(id)) stored = store.find_document(SetupKind<Doc>::collection, restaurant_id, id);
  if (!stored) {
    throw domain::NotFound("not_found", "_id",
                           std::string("There is no ") + SetupKind<Doc>::noun + " with id '" + std::string(id) + "'.");
  }
  return decode_stored<Doc>(*stored);
}

// For deletes, which work even when the stored document cannot be decoded
// (that is how a corrupt document gets out of the way): the document, or
// nullopt when it is corrupt (logged); NotFound when there is none.
template <typename Doc>
std::optional<Doc> load_for_delete(store::Store& store, const std::string& restaurant_id, std::string_view id) {
  try {
    return load_one<Doc>(store, restaurant_id, id);
  } catch (const store::CorruptDocument& e) {
    store::log_corrupt(e, "deleting it without reading it");
    return std::nullopt;
  }
}

template <typename Doc, typename Write>
store::DocumentWrite document_write(const http::RequestContext& context, const Doc& doc, Write write,
                                    std::optional<std::string> unique_key = std::nullopt) {
  store::DocumentWrite w;
  w.collection = SetupKind<Doc>::collection;
  w.restaurant_id = context.caller().restaurant_id;
  w.id = doc.id;
  w.json = json::to_json(doc, write);
  w.unique_key = std::move(unique_key);
  if constexpr (requires { doc.deleted; }) w.deleted = doc.deleted;
  w.at = context.services.clock.now();
  return w;
}

// The caller's writes to its documents, each with its event
// (app/document_writes.hpp).
app::DocumentWrites document_writes(const http::RequestContext& context);

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
