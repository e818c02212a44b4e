#pragma once
// What `maitred migrate` copies: every table of the SQLite store that holds
// data, in an order where a row's parents come first, and how each column is
// rendered. Both databases' rows are read into one canonical text form —
// PostgreSQL's own text output (integers in decimal, booleans "t"/"f", bytes
// as "\x" + lower-case hex, documents as stored) — so a copied row is the
// INSERT's parameters unchanged and a checksum over either side's rows
// comes out equal exactly when the data are equal.

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace maitred::store::transfer {

enum class ColumnType { text, integer, boolean, bytes };

struct Column {
  std::string_view name;  // the same in both schemas
  ColumnType type;
  // What SQLite reads for it when that is not a column of the same name
  // (documents.seq is SQLite's rowid, the insertion order).
  std::string_view sqlite_expression = {};

  std::string_view sqlite_source() const { return sqlite_expression.empty() ? name : sqlite_expression; }
};

struct TableSpec {
  std::string_view name;
  std::vector<Column> columns;
  // The primary key: the order the verification reads both sides in.
  std::vector<std::string_view> primary_key;
  // The order the copy walks SQLite in and resumes from (unique). Documents
  // go in insertion order so that their PostgreSQL seq keeps it; bookings in
  // start-time order, SQLite's own clustering, so PostgreSQL's heap starts
  // out with a day's bookings close together too.
  std::vector<std::string_view> copy_key;
  // A `GENERATED ALWAYS AS IDENTITY` column in PostgreSQL: copied with
  // OVERRIDING SYSTEM VALUE, its sequence moved past the copied values after.
  std::string_view identity = {};

  const Column& column(std::string_view name) const;
  std::size_t index_of(std::string_view name) const;
};

// A row, one value per column in TableSpec::columns order, in the canonical
// text form; nullopt is NULL. The same type as postgres::Param.
using Row = std::vector<std::optional<std::string>>;

// Parents before children (restaurants, then what refers to them).
std::span<const TableSpec> transfer_tables();

// The values of `columns` in `row`, for resuming and for messages.
std::vector<std::optional<std::string>> key_of(const TableSpec& table, std::span<const std::string_view> columns,
                                               const Row& row);
// "(a, b)" for messages.
std::string describe_key(const std::vector<std::optional<std::string>>& key);

}  // namespace maitred::store::transfer
