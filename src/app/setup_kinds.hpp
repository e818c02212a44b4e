#pragma once
// The setup documents (areas, tables, table combinations, opening hours,
// custom fields) as domain types: one table of what each kind is stored as
// (its collection, its name in messages, its decoder and encoder), and the typed reads
// every layer above the store uses — the setup handlers and the
// availability engine's snapshot alike.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/ids.hpp"
#include "domain/errors.hpp"
#include "domain/setup.hpp"
#include "json/setup_codec.hpp"
#include "store/corrupt_document.hpp"
#include "store/store.hpp"

namespace maitred::app {

template <typename Doc>
struct SetupKind;

template <>
struct SetupKind<domain::Area> {
  static constexpr store::Collection collection = store::Collection::areas;
  static constexpr const char* noun = "area";
  static constexpr auto apply = json::apply_area;
  static constexpr auto write = json::write_area;
};
template <>
struct SetupKind<domain::Table> {
  static constexpr store::Collection collection = store::Collection::tables;
  static constexpr const char* noun = "table";
  static constexpr auto apply = json::apply_table;
  // As stored: the area's id only (a table is answered with its area's name).
  static void write(json::JsonWriter& out, const domain::Table& table) {
    json::write_table(out, table, nullptr, false);
  }
};
template <>
struct SetupKind<domain::TableCombination> {
  static constexpr store::Collection collection = store::Collection::table_combinations;
  static constexpr const char* noun = "table combination";
  static constexpr auto apply = json::apply_table_combination;
  static constexpr auto write = json::write_table_combination;
};
template <>
struct SetupKind<domain::OpeningHour> {
  static constexpr store::Collection collection = store::Collection::opening_hours;
  static constexpr const char* noun = "opening hour";
  static constexpr auto apply = json::apply_opening_hour;
  static constexpr auto write = json::write_opening_hour;
};
template <>
struct SetupKind<domain::CustomField> {
  static constexpr store::Collection collection = store::Collection::custom_fields;
  static constexpr const char* noun = "custom field";
  static constexpr auto apply = json::apply_custom_field;
  static constexpr auto write = json::write_custom_field;
};

// The document as the store keeps it.
template <typename Doc>
std::string stored_json(const Doc& doc) {
  return json::to_json(doc, SetupKind<Doc>::write);
}

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
  for (const auto& stored :
       store.documents().list_documents(SetupKind<Doc>::collection, restaurant_id, include_deleted)) {
    out.push_back(decode_stored<Doc>(stored));
  }
  return out;
}

// The document, or NotFound (404) — also for ids of other restaurants, whose
// existence is never revealed. Soft-deleted documents count as found.
template <typename Doc>
Doc load_one(store::Store& store, const std::string& restaurant_id, std::string_view id) {
  std::optional<store::Document> stored;
  if (core::is_valid_id(id)) stored = store.documents().find_document(SetupKind<Doc>::collection, restaurant_id, id);
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

}  // namespace maitred::app
