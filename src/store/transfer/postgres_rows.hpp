#pragma once
// A table of the PostgreSQL target read back in primary-key order, in the
// canonical form of tables.hpp (PostgreSQL's text output is that form).
// Text keys are ordered COLLATE "C" — byte order, as SQLite's BINARY
// collation sorts — whatever the database's collation is. A cursor fetches
// a page at a time, so a table of millions of rows is never held at once;
// it needs an open transaction on the connection.

#include <optional>
#include <string>

#include "store/postgres/connection.hpp"
#include "store/transfer/tables.hpp"

namespace maitred::store::transfer {

class PostgresRows {
 public:
  static constexpr int kPageRows = 2000;

  PostgresRows(postgres::Connection& connection, const TableSpec& table);
  ~PostgresRows();
  PostgresRows(const PostgresRows&) = delete;
  PostgresRows& operator=(const PostgresRows&) = delete;

  bool next(Row& row);

 private:
  postgres::Connection& connection_;
  const TableSpec& table_;
  std::string fetch_sql_;
  std::optional<postgres::Result> page_;
  int next_row_ = 0;
  bool exhausted_ = false;
};

// SELECT count(*) of a target table.
long long count_rows(postgres::Connection& connection, const TableSpec& table);

}  // namespace maitred::store::transfer
