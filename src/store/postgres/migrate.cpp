#include "store/postgres/migrate.hpp"

#include <set>
#include <string>

#include "store/store.hpp"

namespace maitred::store::postgres {

std::vector<int> apply_migrations(Pool& pool) {
  return apply_migrations(pool, postgres_migrations());
}

std::vector<int> apply_migrations(Pool& pool, std::span<const Migration> migrations) {
  for (std::size_t i = 1; i < migrations.size(); ++i) {
    if (migrations[i].version <= migrations[i - 1].version)
      throw StoreError(StoreError::Kind::internal, "postgresql migrations are not in increasing order");
  }
  auto connection = pool.acquire();
  Transaction transaction(*connection);
  connection->exec("SELECT pg_advisory_xact_lock($1)", kMigrationLockKey);
  connection->exec_script(
      "CREATE TABLE IF NOT EXISTS schema_migrations ("
      "version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())");
  std::set<int> done;
  auto rows = connection->exec("SELECT version FROM schema_migrations");
  for (int r = 0; r < rows.rows(); ++r) done.insert(static_cast<int>(rows.integer(r, 0)));
  const int newest_known = migrations.empty() ? 0 : migrations.back().version;
  if (!done.empty() && *done.rbegin() > newest_known)
    throw StoreError(StoreError::Kind::internal,
                     "postgresql: the database is at schema version " + std::to_string(*done.rbegin()) +
                         ", newer than this maitred knows (" + std::to_string(newest_known) + ")");
  std::vector<int> applied;
  for (const auto& migration : migrations) {
    if (done.contains(migration.version)) continue;
    try {
      connection->exec_script(std::string(migration.sql));
    } catch (const StoreUnavailable&) {
      throw;
    } catch (const StoreError& e) {
      throw StoreError(e.kind, "migration " + std::string(migration.name) + " failed: " + e.what());
    }
    connection->exec("INSERT INTO schema_migrations(version, name) VALUES ($1, $2)", migration.version,
                     std::string_view(migration.name));
    applied.push_back(migration.version);
  }
  transaction.commit();
  return applied;
}

}  // namespace maitred::store::postgres
