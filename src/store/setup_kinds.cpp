#include "store/setup_kinds.hpp"

#include "core/ids.hpp"
#include "domain/errors.hpp"
#include "json/setup_codec.hpp"
#include "store/corrupt_document.hpp"
#include "store/store.hpp"

namespace maitred::store {

namespace {

// Each kind's decoder and encoder (json/setup_codec.hpp).
template <typename Doc>
struct Codec;

template <>
struct Codec<domain::Area> {
  static constexpr auto apply = json::apply_area;
  static constexpr auto write = json::write_area;
};
template <>
struct Codec<domain::Table> {
  static constexpr auto apply = json::apply_table;
  static void write(json::JsonWriter& out, const domain::Table& table) {
    json::write_table(out, table, nullptr, false);
  }
};
template <>
struct Codec<domain::TableCombination> {
  static constexpr auto apply = json::apply_table_combination;
  static constexpr auto write = json::write_table_combination;
};
template <>
struct Codec<domain::OpeningHour> {
  static constexpr auto apply = json::apply_opening_hour;
  static constexpr auto write = json::write_opening_hour;
};
template <>
struct Codec<domain::CustomField> {
  static constexpr auto apply = json::apply_custom_field;
  static constexpr auto write = json::write_custom_field;
};

}  // namespace

template <typename Doc>
std::string stored_json(const Doc& doc) {
  return json::to_json(doc, Codec<Doc>::write);
}

template <typename Doc>
Doc decode_stored(const Document& stored) {
  Doc doc = decode_document(SetupKind<Doc>::noun, stored.id,
                            [&] { return json::from_stored<Doc>(stored.json, Codec<Doc>::apply); });
  if constexpr (requires { doc.deleted; }) doc.deleted = stored.deleted;
  return doc;
}

template <typename Doc>
std::vector<Doc> load_all(Store& store, const std::string& restaurant_id, bool include_deleted) {
  std::vector<Doc> out;
  for (const auto& stored :
       store.documents().list_documents(SetupKind<Doc>::collection, restaurant_id, include_deleted)) {
    out.push_back(decode_stored<Doc>(stored));
  }
  return out;
}

template <typename Doc>
Doc load_one(Store& store, const std::string& restaurant_id, std::string_view id) {
  std::optional<Document> stored;
  if (core::is_valid_id(id)) stored = store.documents().find_document(SetupKind<Doc>::collection, restaurant_id, id);
  if (!stored) {
    throw domain::NotFound("not_found", "_id",
                           std::string("There is no ") + SetupKind<Doc>::noun + " with id '" + std::string(id) + "'.");
  }
  return decode_stored<Doc>(*stored);
}

template <typename Doc>
std::optional<Doc> load_for_delete(Store& store, const std::string& restaurant_id, std::string_view id) {
  try {
    return load_one<Doc>(store, restaurant_id, id);
  } catch (const CorruptDocument& e) {
    log_corrupt(e, "deleting it without reading it");
    return std::nullopt;
  }
}

#define MAITRED_SETUP_KIND(Doc)                                         \
  template std::string stored_json(const Doc&);                         \
  template Doc decode_stored(const Document&);                          \
  template std::vector<Doc> load_all(Store&, const std::string&, bool); \
  template Doc load_one(Store&, const std::string&, std::string_view);  \
  template std::optional<Doc> load_for_delete(Store&, const std::string&, std::string_view);

MAITRED_FOR_EACH_SETUP_KIND(MAITRED_SETUP_KIND)
#undef MAITRED_SETUP_KIND

}  // namespace maitred::store
