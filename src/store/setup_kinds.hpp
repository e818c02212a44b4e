#pragma once
// The setup documents (areas, tables, table combinations, opening hours,
// custom fields) as domain types: one table of what each kind is stored as
// (its collection, its name in messages), and the typed reads and the
// stored encoding every layer above uses — the setup use cases and
// handlers and the availability engine's snapshot alike. The documents are
// encoded and decoded in store/setup_kinds.cpp, through json/setup_codec,
// so no caller sees JSON. Defined for the five kinds of domain/setup.hpp.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/setup.hpp"
#include "store/document_repository.hpp"

namespace maitred::store {

class Store;

template <typename Doc>
struct SetupKind;

template <>
struct SetupKind<domain::Area> {
  static constexpr Collection collection = Collection::areas;
  static constexpr const char* noun = "area";
};
template <>
struct SetupKind<domain::Table> {
  static constexpr Collection collection = Collection::tables;
  static constexpr const char* noun = "table";
};
template <>
struct SetupKind<domain::TableCombination> {
  static constexpr Collection collection = Collection::table_combinations;
  static constexpr const char* noun = "table combination";
};
template <>
struct SetupKind<domain::OpeningHour> {
  static constexpr Collection collection = Collection::opening_hours;
  static constexpr const char* noun = "opening hour";
};
template <>
struct SetupKind<domain::CustomField> {
  static constexpr Collection collection = Collection::custom_fields;
  static constexpr const char* noun = "custom field";
};

// X(Doc) for each setup kind, for the explicit instantiations of the
// templates over them (here, app/setup_service, app/restaurant_snapshot).
#define MAITRED_FOR_EACH_SETUP_KIND(X) \
  X(domain::Area) X(domain::Table) X(domain::TableCombination) X(domain::OpeningHour) X(domain::CustomField)

// The document as the store keeps it (a table: its area's id only; it is
// answered with its area's name).
template <typename Doc>
std::string stored_json(const Doc& doc);

// A document that cannot be decoded is a CorruptDocument (500).
template <typename Doc>
Doc decode_stored(const Document& stored);

template <typename Doc>
std::vector<Doc> load_all(Store& store, const std::string& restaurant_id, bool include_deleted = false);

// The document, or NotFound (404) — also for ids of other restaurants, whose
// existence is never revealed. Soft-deleted documents count as found.
template <typename Doc>
Doc load_one(Store& store, const std::string& restaurant_id, std::string_view id);

// For deletes, which work even when the stored document cannot be decoded
// (that is how a corrupt document gets out of the way): the document, or
// nullopt when it is corrupt (logged); NotFound when there is none.
template <typename Doc>
std::optional<Doc> load_for_delete(Store& store, const std::string& restaurant_id, std::string_view id);

}  // namespace maitred::store
