#include "store/transfer/postgres_rows.hpp"

#include "store/store.hpp"

namespace maitred::store::transfer {

namespace {

constexpr const char* kCursor = "maitred_transfer_rows";

std::string declare_sql(const TableSpec& table) {
  std::string columns;
  for (const auto& c : table.columns) {
    if (!columns.empty()) columns += ", ";
    columns += c.name;
  }
  std::string order;
  for (auto name : table.primary_key) {
    if (!order.empty()) order += ", ";
    order += name;
    if (table.column(name).type == ColumnType::text) order += " COLLATE \"C\"";
  }
  return "DECLARE " + std::string(kCursor) + " NO SCROLL CURSOR FOR SELECT " + columns + " FROM " +
         std::string(table.name) + " ORDER BY " + order;
}

}  // namespace

PostgresRows::PostgresRows(postgres::Connection& connection, const TableSpec& table)
    : connection_(connection),
      table_(table),
      fetch_sql_("FETCH FORWARD " + std::to_string(kPageRows) + " FROM " + kCursor) {
  connection_.exec(declare_sql(table));
}

PostgresRows::~PostgresRows() {
  try {
    if (connection_.healthy()) connection_.exec(std::string("CLOSE ") + kCursor);
  } catch (const StoreError&) {
    // The transaction is failing anyway; its end closes the cursor.
  }
}

bool PostgresRows::next(Row& row) {
  if (!page_ || next_row_ == page_->rows()) {
    if (exhausted_) return false;
    page_.emplace(connection_.exec(fetch_sql_));
    next_row_ = 0;
    if (page_->rows() < kPageRows) exhausted_ = true;
    if (page_->rows() == 0) return false;
  }
  row.resize(table_.columns.size());
  for (std::size_t i = 0; i < table_.columns.size(); ++i) {
    const int c = static_cast<int>(i);
    if (page_->is_null(next_row_, c))
      row[i].reset();
    else
      row[i] = std::string(page_->text(next_row_, c));
  }
  ++next_row_;
  return true;
}

long long count_rows(postgres::Connection& connection, const TableSpec& table) {
  return connection.exec("SELECT count(*) FROM " + std::string(table.name)).integer(0, 0);
}

}  // namespace maitred::store::transfer
