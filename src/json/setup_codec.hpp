#pragma once
// JSON for the setup documents (areas, tables, combinations, opening hours,
// custom fields), in the resOS shapes of resos-api.md.
//
// write_*: the document as the API answers it (and as the store keeps it;
//          a table's embedded `area` is only written when given).
// apply_*: copies the fields present in a request body onto a document, so
//          the same function serves create (onto defaults) and partial
//          update (onto the stored document). `_id` and read-only fields are
//          the caller's business (api/setup_resources.cpp).
// *_from_stored: the stored JSON back into a document.

#include <string>
#include <string_view>

#include "domain/setup.hpp"
#include "json/json_reader.hpp"
#include "json/json_writer.hpp"

namespace maitred::json {

void write_area(JsonWriter& out, const domain::Area& area);
void apply_area(ObjectReader& in, domain::Area& area);

// `area`: the table's area, embedded as resOS does; null writes `area: null`
// when the table has none, and nothing when `embed_area` is false (storage).
void write_table(JsonWriter& out, const domain::Table& table, const domain::Area* area, bool embed_area);
void apply_table(ObjectReader& in, domain::Table& table);

void write_table_combination(JsonWriter& out, const domain::TableCombination& combination);
void apply_table_combination(ObjectReader& in, domain::TableCombination& combination);

void write_opening_hour(JsonWriter& out, const domain::OpeningHour& hour);
void apply_opening_hour(ObjectReader& in, domain::OpeningHour& hour);

void write_custom_field(JsonWriter& out, const domain::CustomField& field);
void apply_custom_field(ObjectReader& in, domain::CustomField& field);

// Stored JSON -> document; throws std::runtime_error on a corrupt document.
template <typename Doc>
Doc from_stored(std::string_view json, void (*apply)(ObjectReader&, Doc&)) {
  auto parsed = parse_body(json);
  ObjectReader in(parsed);
  Doc doc;
  doc.id = in.required_string("_id", 64);
  apply(in, doc);
  in.finish();
  return doc;
}

template <typename Doc, typename Write>
std::string to_json(const Doc& doc, Write write) {
  std::string out;
  JsonWriter writer(out);
  write(writer, doc);
  return out;
}

}  // namespace maitred::json
