#pragma once
// The verification half of `maitred migrate`: per table, the row count and a
// SHA-256 over all rows in primary-key order (row_digest.hpp), computed in
// C++ from each database's rows in the same canonical form, so no SQL
// function needs to agree between the two dialects. Both sides are read in
// lockstep, which also names the first row where they part.

#include <optional>
#include <string>
#include <vector>

#include "store/postgres/connection.hpp"
#include "store/transfer/sqlite_snapshot.hpp"

namespace maitred::store::transfer {

struct TableCheck {
  std::string table;
  long long source_rows = 0;
  long long target_rows = 0;
  std::string source_checksum;
  std::string target_checksum;
  // Where the two first differ, e.g. "row (r1, b7) differs"; empty when equal.
  std::string first_difference;

  bool matches() const { return source_rows == target_rows && source_checksum == target_checksum; }
};

// Reads the target in one REPEATABLE READ transaction: one snapshot of it,
// as the source is one snapshot.
std::vector<TableCheck> verify_tables(SqliteSnapshot& source, postgres::Connection& target);

}  // namespace maitred::store::transfer
