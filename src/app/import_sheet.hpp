#pragma once
// A CSV import, read and checked before any row is written: its type, its
// header (every column known, the required ones present) and its data rows.
// And the mapping of one row to what the API's own writes take, so an
// imported row obeys exactly the rules of POST /v1/bookings.
// Columns and rules: docs/API.md "Imports".

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/csv_reader.hpp"
#include "domain/booking_draft.hpp"
#include "domain/customer.hpp"
#include "domain/setup.hpp"

namespace maitred::app {

enum class ImportType { bookings, customers };

std::optional<ImportType> import_type_from(std::string_view name);
std::string_view import_type_name(ImportType type);

// The largest import, in data rows (the 1 MiB body limit allows more short ones).
inline constexpr std::size_t kMaxImportRows = 10'000;

struct ImportSheet {
  ImportType type = ImportType::bookings;
  std::vector<std::string> header;    // lower-cased column names, in file order
  std::vector<core::CsvRecord> rows;  // data rows; row n (1-based) is rows[n - 1]
  // Bookings: every row skips the seating check, as `allowOverbooking` does
  // in POST /v1/bookings (moving existing bookings over from another system).
  bool allow_overbooking = false;

  // The column's value in `row`; empty when the sheet has no such column.
  std::string_view value(const core::CsvRecord& row, std::string_view column) const;
};

// Throws domain::InvalidInput: malformed CSV (`invalid_csv`), no header,
// an unknown or repeated column (`unknown_column`, `duplicate_column`), a
// required column missing (`missing_column`), no data rows (`empty_import`),
// more than `max_rows` (`too_many_rows`).
ImportSheet read_import_sheet(ImportType type, std::string_view csv, std::size_t max_rows = kMaxImportRows);

// The row as a booking create body. Throws domain::InvalidInput (a ragged
// row, a malformed number) or domain::NotFound (a table name the restaurant
// does not have), `field` naming the column.
domain::BookingDraft booking_changes_from_row(const ImportSheet& sheet, const core::CsvRecord& row,
                                              const std::vector<domain::Table>& tables);

// The row as a customer (no id, no times). Throws domain::InvalidInput: a
// ragged row, a blank name, a malformed e-mail or phone, neither of them.
domain::Customer customer_from_row(const ImportSheet& sheet, const core::CsvRecord& row);

// The CSV column a booking write's error field refers to: "guest.email" ->
// "email", "tables[1]" -> "tables"; other fields unchanged.
std::string import_column_for(std::string_view field);

}  // namespace maitred::app
