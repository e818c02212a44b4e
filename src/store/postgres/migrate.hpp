#pragma once
// Applies the embedded PostgreSQL migrations (store/postgres/migrations) that
// the database has not seen yet, in order, in one transaction, recording each
// in `schema_migrations`. Several processes may start at once: each first
// takes a transaction-scoped advisory lock on a fixed key, so one applies and
// the others then find nothing to do.

#include <span>
#include <vector>

#include "store/migration.hpp"
#include "store/postgres/pool.hpp"

namespace maitred::store::postgres {

// The advisory lock key ("maitred" in ASCII).
inline constexpr long long kMigrationLockKey = 0x6d61697472656400LL;

// Returns the versions applied by this call (empty when up to date). Throws
// StoreError when the database holds a version this binary does not know
// (it was migrated by a newer maitred) or a migration fails (nothing of this
// call is kept then).
std::vector<int> apply_migrations(Pool& pool);
std::vector<int> apply_migrations(Pool& pool, std::span<const Migration> migrations);

}  // namespace maitred::store::postgres
