#pragma once
// A fresh database of either kind for the store tests that run on both
// (store_conformance_test.cpp, outbox_store_test.cpp): a SQLite file in
// `dir`, or a new database in the shared throwaway PostgreSQL cluster.

#include <chrono>

#include "store/open_store.hpp"
#include "support/pg_cluster.hpp"
#include "support/temp_dir.hpp"

namespace maitred::test {

inline store::DatabaseUrl fresh_database(store::DatabaseUrl::Kind kind, const TempDir& dir) {
  store::DatabaseUrl url;
  url.kind = kind;
  if (kind == store::DatabaseUrl::Kind::sqlite)
    url.sqlite_file = dir.path() / "store.db";
  else
    url.postgresql_url = PgCluster::shared().create_database();
  return url;
}

// Long enough that no wait in these tests runs into it on a slow machine; a
// test that blocks for good still fails (503) instead of hanging.
inline store::OpenOptions store_test_options(bool server) {
  using namespace std::chrono_literals;
  return store::OpenOptions{.server = server, .busy_timeout = 10s, .max_connections = 8};
}

}  // namespace maitred::test
