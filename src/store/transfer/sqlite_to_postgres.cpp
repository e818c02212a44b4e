#include "store/transfer/sqlite_to_postgres.hpp"

#include <algorithm>

#include "store/postgres/migrate.hpp"
#include "store/postgres/pool.hpp"

namespace maitred::store::transfer {

bool MigrateReport::verified() const {
  return !checks.empty() && std::all_of(checks.begin(), checks.end(), [](const auto& c) { return c.matches(); });
}

MigrateReport migrate_sqlite_to_postgres(const MigrateOptions& options) {
  // The source first: a wrong --from is reported before PostgreSQL is touched.
  SqliteSnapshot source(options.source);

  postgres::PoolOptions pool_options;
  pool_options.connection.url = options.target_url;
  pool_options.connection.connect_timeout = std::chrono::seconds{10};
  // A batch or the sort behind a verification cursor may take long on a
  // big table; a lost server still ends the run through the socket.
  pool_options.connection.statement_timeout = std::chrono::milliseconds{0};
  pool_options.max_connections = 1;
  pool_options.acquire_timeout = std::chrono::seconds{10};
  postgres::Pool pool(pool_options);
  postgres::apply_migrations(pool);

  auto target = pool.acquire();
  if (target->exec("SELECT pg_try_advisory_lock($1)", kMigrateLockKey).text(0, 0) != "t")
    throw TargetBusy("another maitred migrate is writing to this database; wait for it to finish");

  MigrateReport report;
  report.copies = copy_tables(source, *target, options.copy);
  target->exec("UPDATE data_generation SET value = value + 1");
  if (options.on_verify) options.on_verify();
  report.checks = verify_tables(source, *target);
  if (report.verified()) target->exec(std::string("DROP TABLE IF EXISTS ") + kProgressTable);
  target->exec("SELECT pg_advisory_unlock($1)", kMigrateLockKey);
  return report;
}

}  // namespace maitred::store::transfer
