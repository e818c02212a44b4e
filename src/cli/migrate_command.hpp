#pragma once
// `maitred migrate --from sqlite:///path/maitred.db --to postgresql://...`:
// copies the embedded store into PostgreSQL with a progress display,
// resumably, and verifies the copy by counts and checksums
// (store/transfer/sqlite_to_postgres.hpp).

#include <string>

#include "cli/command.hpp"

namespace maitred::cli {

// Exit code when the copy ran but the verification found tables that differ.
inline constexpr int kMigrationUnverified = 3;

struct MigrateArguments {
  std::string from;  // sqlite://...
  std::string to;    // postgresql://... (never printed with its password)
  int batch_rows = 500;
};

// Progress on stderr, the verification table on stdout. Returns 0 when every
// table matches, kMigrationUnverified otherwise. Throws app::UsageError (exit
// 2) for URLs of the wrong kind or a source it will not copy; other errors
// (PostgreSQL unreachable or lost) throw with a message saying that running
// the same command again continues the copy.
int migrate(const MigrateArguments& arguments);

// The command: its options, then migrate.
Handler migrate_command();

}  // namespace maitred::cli
