#pragma once
// Opens the store a `--database` URL names: the embedded SQLite file or a
// PostgreSQL database (applying pending migrations either way).

#include <chrono>
#include <cstddef>
#include <memory>

#include "store/database_url.hpp"
#include "store/store.hpp"

namespace maitred::store {

struct OpenOptions {
  // The long-running server (SQLite: owns checkpoints), or an admin command
  // that may run beside one.
  bool server = false;
  // How long a statement may wait for a lock another writer holds (SQLite's
  // busy timeout; PostgreSQL's statement timeout and the wait for a pooled
  // connection) before the request is answered 503 + Retry-After.
  std::chrono::milliseconds busy_timeout{5'000};
  // PostgreSQL: connections this process keeps at most.
  std::size_t max_connections = 8;
};

// Throws StoreUnavailable when the database cannot be opened or reached.
std::unique_ptr<Store> open_store(const DatabaseUrl& url, const OpenOptions& options);

}  // namespace maitred::store
