#pragma once
// The rules of a consistent setup. Each check gets the document and what it
// may reference, and throws InvalidInput (a bad value, naming the field) or
// NotFound (a reference to something this restaurant does not have).

#include <span>
#include <string>
#include <string_view>

#include "domain/setup.hpp"

namespace maitred::domain {

void check_area(const Area& area);
void check_table(const Table& table, std::span<const Area> areas);
// Fills in the name when empty.
void check_table_combination(TableCombination& combination, std::span<const Table> tables);
void check_opening_hour(const OpeningHour& hour, std::span<const Area> areas);
void check_custom_field(const CustomField& field, std::span<const OpeningHour> opening_hours);

// Deleting: what still uses the document refuses it (IllegalOperation
// in_use, naming what to change first). `name` is the document's name, or
// its id when the stored document cannot be read.
void check_area_unused(std::string_view area_id, std::string_view name, std::span<const Table> tables,
                       std::span<const OpeningHour> opening_hours);
// `bookings_holding_it`: current or upcoming bookings that hold the table.
void check_table_unused(std::string_view table_id, std::string_view name,
                        std::span<const TableCombination> combinations, std::size_t bookings_holding_it);

// What must be unique among a collection's live documents.
std::string table_unique_key(const Table& table);  // the name, case-insensitively

}  // namespace maitred::domain
