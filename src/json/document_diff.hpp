#pragma once
// What changed between two versions of a JSON document, for the booking
// history: top-level fields, and the fields of nested objects one level down
// ("guest.phone"). Arrays and deeper values are compared whole.

#include <string>
#include <string_view>
#include <vector>

namespace maitred::json {

class JsonWriter;  // json/json_writer.hpp: this header stays free of RapidJSON

// Writes [{"field", "from", "to"}, ...] (from/to as JSON values, null when
// absent) for every difference, skipping the keys in `ignore`.
void write_document_diff(JsonWriter& out, std::string_view before, std::string_view after,
                         const std::vector<std::string_view>& ignore);

// The same list as JSON text, for the history and the events; empty (not
// "[]") when nothing changed.
std::string document_changes(std::string_view before, std::string_view after,
                             const std::vector<std::string_view>& ignore);

}  // namespace maitred::json
