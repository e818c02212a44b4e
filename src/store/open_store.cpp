#include "store/open_store.hpp"

#include <algorithm>

#include "store/postgres/pg_store.hpp"
#include "store/sqlite/sqlite_store.hpp"

namespace maitred::store {

namespace {
// libpq counts whole seconds, at least 2: long enough for a busy server,
// short enough that a request never hangs on an unreachable one.
constexpr std::chrono::seconds kConnectTimeout{3};
// PostgreSQL reads a statement timeout of 0 as "none": a request could then
// wait forever on a lock. The shortest wait it gets instead.
constexpr std::chrono::milliseconds kShortestStatementTimeout{100};
}  // namespace

std::unique_ptr<Store> open_store(const DatabaseUrl& url, const OpenOptions& options) {
  if (url.kind == DatabaseUrl::Kind::sqlite) {
    using sqlite::SqliteStore;
    return std::make_unique<SqliteStore>(
        url.sqlite_file, options.server ? SqliteStore::Owner::server : SqliteStore::Owner::admin, options.busy_timeout);
  }
  postgres::PoolOptions pool;
  pool.connection.url = url.postgresql_url;
  pool.connection.connect_timeout = kConnectTimeout;
  pool.connection.statement_timeout = std::max(options.busy_timeout, kShortestStatementTimeout);
  pool.max_connections = options.max_connections;
  pool.acquire_timeout = pool.connection.statement_timeout;
  return std::make_unique<postgres::PgStore>(std::move(pool), /*listen_for_events=*/options.server);
}

}  // namespace maitred::store
