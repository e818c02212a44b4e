#include "cli/migrate_command.hpp"

#include <iomanip>
#include <iostream>
#include <memory>
#include <sstream>

#include "app/admin.hpp"
#include "cli/progress_bar.hpp"
#include "store/database_url.hpp"
#include "store/store.hpp"
#include "store/transfer/sqlite_to_postgres.hpp"

namespace maitred::cli {

namespace {

using store::DatabaseUrl;

// Neither message quotes what was given: a mistyped URL may carry a password.
DatabaseUrl parse(const std::string& text, const char* option, DatabaseUrl::Kind kind) {
  std::string error;
  auto url = store::parse_database_url(text, error);
  if (kind == DatabaseUrl::Kind::sqlite && (!url || url->kind != kind))
    throw app::UsageError(std::string(option) + " must name the SQLite store: sqlite:///path/to/maitred.db");
  if (kind == DatabaseUrl::Kind::postgresql && (!url || url->kind != kind))
    throw app::UsageError(std::string(option) +
                          " must name the PostgreSQL database: postgresql://user@host:port/dbname");
  return *url;
}

// One bar per table, each on its own line once finished.
class TableProgressDisplay {
 public:
  void operator()(const store::transfer::TableProgress& p) {
    if (!bar_ || table_ != p.table) {
      table_ = p.table;
      bar_ = std::make_unique<ProgressBar>(std::string(p.table), p.total);
      bar_->pad_label(16);
    }
    const std::string detail = p.skipped > 0 ? ", " + std::to_string(p.skipped) + " already in the target" : "";
    if (p.finished)
      bar_->finish(p.done, detail);
    else
      bar_->show(p.done, detail);
  }

 private:
  std::string table_;
  std::unique_ptr<ProgressBar> bar_;
};

void print_checks(const std::vector<store::transfer::TableCheck>& checks) {
  // The first 16 hex digits of each SHA-256: enough to compare by eye.
  constexpr std::size_t kShown = 16;
  std::ostringstream out;
  out << std::left << std::setw(18) << "table" << std::right << std::setw(12) << "source rows" << std::setw(13)
      << "target rows"
      << "  " << std::left << std::setw(kShown + 2) << "source sha-256" << std::setw(kShown + 2) << "target sha-256"
      << "result\n";
  for (const auto& c : checks) {
    out << std::left << std::setw(18) << c.table << std::right << std::setw(12) << c.source_rows << std::setw(13)
        << c.target_rows << "  " << std::left << std::setw(kShown + 2) << c.source_checksum.substr(0, kShown)
        << std::setw(kShown + 2) << c.target_checksum.substr(0, kShown)
        << (c.matches() ? "ok" : "DIFFERS: " + c.first_difference) << "\n";
  }
  std::cout << out.str();
}

}  // namespace

int migrate(const MigrateArguments& arguments) {
  const auto from = parse(arguments.from, "--from", DatabaseUrl::Kind::sqlite);
  const auto to = parse(arguments.to, "--to", DatabaseUrl::Kind::postgresql);
  std::cerr << "Copying " << from.redacted() << " to " << to.redacted() << "\n";

  store::transfer::MigrateOptions options;
  options.source = from.sqlite_file;
  options.target_url = to.postgresql_url;
  options.copy.batch_rows = arguments.batch_rows;
  options.copy.rows_per_statement = arguments.batch_rows;
  TableProgressDisplay display;
  options.copy.on_progress = [&display](const store::transfer::TableProgress& p) { display(p); };
  options.on_verify = [] { std::cerr << "Verifying: counting and checksumming every row on both sides\n"; };

  store::transfer::MigrateReport report;
  try {
    report = store::transfer::migrate_sqlite_to_postgres(options);
  } catch (const store::transfer::SourceRefused& e) {
    throw app::UsageError(std::string("--from: ") + e.what());
  } catch (const store::StoreError& e) {
    // Whatever was committed stays: the next run continues after it.
    throw std::runtime_error(std::string(e.what()) +
                             "\nmaitred: the copy so far is kept; run the same command again to continue");
  }

  print_checks(report.checks);
  long long rows = 0;
  std::string differing;
  for (const auto& c : report.checks) {
    rows += c.source_rows;
    if (!c.matches()) differing += (differing.empty() ? "" : ", ") + c.table;
  }
  if (!report.verified()) {
    std::cerr << "Verification failed: " << differing << " differ between " << from.redacted() << " and "
              << to.redacted() << ". The target keeps rows it already had; see the table above.\n";
    return kMigrationUnverified;
  }
  std::cerr << "Verified: " << report.checks.size() << " tables, " << rows
            << " rows, equal counts and checksums on both sides.\n";
  return 0;
}

namespace {

std::vector<Option> options(MigrateArguments& a) {
  return {
      {.name = "--from", .target = &a.from, .help = "sqlite:///path/to/maitred.db (only read)", .required = true},
      {.name = "--to",
       .target = &a.to,
       .help = "postgresql://user@host:port/dbname (its schema is created)",
       .required = true},
      {.name = "--batch-rows",
       .target = &a.batch_rows,
       .help = "Rows per transaction",
       .show_default = true,
       .range = Range{1, 5000}},
  };
}

// Copies between the two URLs given: no clock, no data folder.
int run(const MigrateArguments& a, const core::Clock&) {
  return migrate(a);
}

}  // namespace

Handler migrate_command() {
  return handler<MigrateArguments>(options, run);
}

}  // namespace maitred::cli
