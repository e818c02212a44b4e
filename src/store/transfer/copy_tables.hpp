#pragma once
// The copy half of `maitred migrate`: every table of transfer_tables(), in
// order, from a SQLite snapshot into a PostgreSQL database whose schema is
// already in place.
//
// Resuming. Each table is walked in its copy_key order and written in
// batches; a batch's rows and the key of its last row (in the target's
// `migrate_progress` table) commit in one PostgreSQL transaction. An
// interruption — the process killed, PostgreSQL gone — therefore loses at
// most the batch in flight, never half of one, and the next run continues
// after the recorded key: nothing is copied twice and nothing is skipped.
// A table already walked to its end costs one empty query on the next run.
//
// Rows already in the target. INSERT ... ON CONFLICT DO NOTHING: a row whose
// key (or another unique column) is taken is left as the target has it and
// counted as skipped, so copying into a database that already holds some of
// the data neither fails nor overwrites it. Whether the kept rows equal the
// source's is for the verification (verify_tables.hpp) to say.

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "store/postgres/connection.hpp"
#include "store/transfer/sqlite_snapshot.hpp"

namespace maitred::store::transfer {

struct TableProgress {
  std::string_view table;
  long long done;     // rows of the source walked, this run and earlier ones
  long long total;    // rows in the source snapshot
  long long skipped;  // this run: rows the target already had
  bool finished;
};

struct CopyOptions {
  // Rows per PostgreSQL transaction (and per progress record).
  int batch_rows = 500;
  // Rows per INSERT statement inside a batch; 1 is one prepared INSERT per row.
  int rows_per_statement = 500;
  std::function<void(const TableProgress&)> on_progress;
  // Called after each committed batch with the rows walked so far. Tests
  // throw from it to interrupt a copy at a known point.
  std::function<void(std::string_view table, long long done)> after_batch;
};

struct TableCopy {
  std::string table;
  long long source_rows = 0;
  long long copied = 0;   // inserted by this run
  long long skipped = 0;  // this run: already in the target
};

std::vector<TableCopy> copy_tables(SqliteSnapshot& source, postgres::Connection& target, const CopyOptions& options);

// The progress table, dropped once a migration is verified.
inline constexpr const char* kProgressTable = "migrate_progress";

}  // namespace maitred::store::transfer
