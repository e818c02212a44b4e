#pragma once
// `maitred migrate`: copies a SQLite store into a PostgreSQL database and
// verifies the copy (copy_tables.hpp, verify_tables.hpp). Running it again
// after an interruption continues where it stopped. Running it again after
// a verified run (whose progress record is gone) offers every row once more,
// finds each already there, inserts what the target lost since, and
// verifies again.

#include <filesystem>
#include <string>
#include <vector>

#include "store/transfer/copy_tables.hpp"
#include "store/transfer/verify_tables.hpp"

namespace maitred::store::transfer {

struct MigrateOptions {
  std::filesystem::path source;  // the SQLite file; never written to
  std::string target_url;        // postgresql://...; never printed by this code
  CopyOptions copy;
  // Called once the copy is done, before the verification reads everything again.
  std::function<void()> on_verify;
};

struct MigrateReport {
  std::vector<TableCopy> copies;
  std::vector<TableCheck> checks;
  bool verified() const;
};

// Applies the PostgreSQL migrations to the target, copies, bumps the
// target's data generation (so servers already running on it drop their
// caches), verifies, and drops the progress table when everything matches.
// Throws SourceRefused for a source it will not copy, StoreUnavailable when
// PostgreSQL cannot be reached or goes away (run again to continue),
// StoreError for other database failures, TargetBusy when another migrate
// is running on the same target.
MigrateReport migrate_sqlite_to_postgres(const MigrateOptions& options);

struct TargetBusy : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// The session advisory lock one migrate holds on its target ("migrate" in ASCII).
inline constexpr long long kMigrateLockKey = 0x6d69677261746500LL;

}  // namespace maitred::store::transfer
