#include "store/transfer/sqlite_snapshot.hpp"

#include <set>

#include "core/crypto.hpp"
#include "store/store.hpp"

namespace maitred::store::transfer {

namespace {

std::string join_sources(const TableSpec& table, const std::vector<std::string_view>& names, std::string_view suffix) {
  std::string text;
  for (auto name : names) {
    if (!text.empty()) text += ", ";
    text += table.column(name).sqlite_source();
    text += suffix;
  }
  return text;
}

std::string select_sql(const TableSpec& table, const std::vector<std::string_view>& order, bool after) {
  std::vector<std::string_view> all;
  for (const auto& c : table.columns) all.push_back(c.name);
  std::string sql = "SELECT " + join_sources(table, all, "") + " FROM " + std::string(table.name);
  if (after) {
    // Row values compare lexicographically, as ORDER BY sorts (SQLite 3.15+).
    std::string placeholders;
    for (std::size_t i = 1; i <= order.size(); ++i) placeholders += (i > 1 ? ", ?" : "?") + std::to_string(i);
    sql += " WHERE (" + join_sources(table, order, "") + ") > (" + placeholders + ")";
  }
  return sql + " ORDER BY " + join_sources(table, order, "");
}

bool take(std::set<std::string, std::less<>>& names, std::string_view name) {
  auto it = names.find(name);
  if (it == names.end()) return false;
  names.erase(it);
  return true;
}

}  // namespace

SqliteSnapshot::SqliteSnapshot(const std::filesystem::path& file) {
  // The reader connection opens with SQLITE_OPEN_CREATE: a mistyped path
  // must not leave an empty database behind.
  std::error_code ec;
  if (!std::filesystem::is_regular_file(file, ec))
    throw SourceRefused("there is no SQLite database at " + file.string());
  connection_ =
      std::make_unique<sqlite::Connection>(file, sqlite::Connection::Role::reader, false, std::chrono::seconds{30});
  // Deferred: the snapshot is taken by the first read below and kept until
  // the destructor ends the transaction.
  connection_->exec("BEGIN");
  check_schema();
}

SqliteSnapshot::~SqliteSnapshot() {
  try {
    connection_->exec("ROLLBACK");
  } catch (const StoreError&) {
    // Only reads happened; closing the connection ends the transaction too.
  }
}

void SqliteSnapshot::check_schema() {
  std::set<std::string, std::less<>> found;
  {
    auto q = connection_->prepare(
        "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
        "AND name <> 'schema_migrations'");
    while (q.step()) found.emplace(q.text(0));
  }
  if (found.empty()) throw SourceRefused("the source holds no maitred tables: is it a maitred database?");
  for (const auto& table : transfer_tables()) {
    if (!take(found, table.name))
      throw SourceRefused("the source has no table " + std::string(table.name) +
                          ": start this maitred version on it once (e.g. `maitred restaurant list --data DIR`) so "
                          "its schema is brought up to date, then migrate");
    std::set<std::string, std::less<>> columns;
    auto q = connection_->prepare("SELECT name FROM pragma_table_info(?1)");
    q.bind(1, table.name);
    while (q.step()) columns.emplace(q.text(0));
    for (const auto& column : table.columns) {
      if (!column.sqlite_expression.empty()) continue;
      if (!take(columns, column.name))
        throw SourceRefused("the source table " + std::string(table.name) + " has no column " +
                            std::string(column.name) +
                            ": start this maitred version on it once so its schema is brought up to date");
    }
    if (!columns.empty())
      throw SourceRefused("the source table " + std::string(table.name) + " has a column this maitred does not copy (" +
                          *columns.begin() + "): it was written by a newer maitred; migrate with that version");
  }
  if (!found.empty())
    throw SourceRefused("the source has a table this maitred does not copy (" + *found.begin() +
                        "): it was written by a newer maitred; migrate with that version");
}

long long SqliteSnapshot::count(const TableSpec& table) {
  auto q = connection_->prepare_dynamic("SELECT count(*) FROM " + std::string(table.name));
  q.step();
  return q.integer(0);
}

SqliteSnapshot::Rows SqliteSnapshot::rows(const TableSpec& table, const std::vector<std::string_view>& order,
                                          const std::optional<std::vector<std::optional<std::string>>>& after) {
  return Rows(*connection_, table, order, after);
}

SqliteSnapshot::Rows::Rows(sqlite::Connection& connection, const TableSpec& table,
                           const std::vector<std::string_view>& order,
                           const std::optional<std::vector<std::optional<std::string>>>& after)
    : table_(table), statement_(connection.prepare_dynamic(select_sql(table, order, after.has_value()))) {
  if (after) bind_after(order, *after);
}

void SqliteSnapshot::Rows::bind_after(const std::vector<std::string_view>& order,
                                      const std::vector<std::optional<std::string>>& after) {
  for (std::size_t i = 0; i < order.size(); ++i) {
    const int index = static_cast<int>(i) + 1;
    const auto& value = after.at(i);
    if (!value) {
      statement_.bind_null(index);
    } else if (table_.column(order[i]).type == ColumnType::integer) {
      // In SQLite every integer sorts before every text: an integer key must
      // be bound as one.
      statement_.bind(index, std::stoll(*value));
    } else {
      statement_.bind(index, *value);
    }
  }
}

bool SqliteSnapshot::Rows::next(Row& row) {
  // Stepping a finished statement would start it over (SQLite resets it).
  if (finished_) return false;
  if (!statement_.step()) {
    finished_ = true;
    return false;
  }
  row.resize(table_.columns.size());
  for (std::size_t i = 0; i < table_.columns.size(); ++i) {
    const int c = static_cast<int>(i);
    if (statement_.is_null(c)) {
      row[i].reset();
      continue;
    }
    // The canonical form is PostgreSQL's text output of the same value
    // (tables.hpp); the tables are STRICT, so each column holds its type.
    switch (table_.columns[i].type) {
      case ColumnType::text: row[i] = std::string(statement_.text(c)); break;
      case ColumnType::integer: row[i] = std::to_string(statement_.integer(c)); break;
      case ColumnType::boolean: row[i] = statement_.integer(c) != 0 ? "t" : "f"; break;
      case ColumnType::bytes: row[i] = "\\x" + core::to_hex(statement_.blob(c)); break;
    }
  }
  return true;
}

}  // namespace maitred::store::transfer
