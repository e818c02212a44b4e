#pragma once
// The source of `maitred migrate`: a SQLite store file opened read-only
// (query_only) beside any server still running on it. Everything is read in
// one read transaction, held from the first count to the last checksum, so
// the copy and its verification see one consistent snapshot however the
// server writes meanwhile. (It pins the WAL for that long, which DESIGN.md
// warns about for requests; for a one-off move it is the price of a
// consistent copy.)

#include <filesystem>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "store/sqlite/connection.hpp"
#include "store/transfer/tables.hpp"

namespace maitred::store::transfer {

// The source cannot be copied as it is; the message says why and what to do.
struct SourceRefused : std::runtime_error {
  using std::runtime_error::runtime_error;
};

class SqliteSnapshot {
 public:
  // Throws SourceRefused when the file does not exist (it is never
  // created), is not a maitred database, or its tables differ from
  // transfer_tables() (an older maitred's file not yet opened by this
  // version, or a newer one's); StoreError when SQLite fails.
  explicit SqliteSnapshot(const std::filesystem::path& file);
  ~SqliteSnapshot();
  SqliteSnapshot(const SqliteSnapshot&) = delete;
  SqliteSnapshot& operator=(const SqliteSnapshot&) = delete;

  long long count(const TableSpec& table);

  // Rows in `order`, after `after` (values of the `order` columns) when given.
  class Rows {
   public:
    bool next(Row& row);

   private:
    friend class SqliteSnapshot;
    Rows(sqlite::Connection& connection, const TableSpec& table, const std::vector<std::string_view>& order,
         const std::optional<std::vector<std::optional<std::string>>>& after);
    void bind_after(const std::vector<std::string_view>& order, const std::vector<std::optional<std::string>>& after);
    const TableSpec& table_;
    sqlite::Statement statement_;
    bool finished_ = false;
  };
  Rows rows(const TableSpec& table, const std::vector<std::string_view>& order,
            const std::optional<std::vector<std::optional<std::string>>>& after = std::nullopt);

 private:
  void check_schema();

  std::unique_ptr<sqlite::Connection> connection_;
};

}  // namespace maitred::store::transfer
