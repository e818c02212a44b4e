#include "store/transfer/verify_tables.hpp"

#include "store/transfer/postgres_rows.hpp"
#include "store/transfer/row_digest.hpp"

namespace maitred::store::transfer {

namespace {

std::string difference(const TableSpec& table, const std::optional<Row>& source, const std::optional<Row>& target) {
  const auto key = [&table](const Row& row) { return describe_key(key_of(table, table.primary_key, row)); };
  if (!target) return "target lacks row " + key(*source);
  if (!source) return "target has extra row " + key(*target);
  const auto source_key = key(*source);
  const auto target_key = key(*target);
  if (source_key == target_key) {
    for (std::size_t i = 0; i < table.columns.size(); ++i)
      if ((*source)[i] != (*target)[i])
        return "row " + source_key + " differs in " + std::string(table.columns[i].name);
  }
  return "source has row " + source_key + " where target has " + target_key;
}

TableCheck verify_table(const TableSpec& table, SqliteSnapshot& source, postgres::Connection& target) {
  RowDigest source_digest;
  RowDigest target_digest;
  std::string first_difference;
  auto source_rows = source.rows(table, table.primary_key);
  PostgresRows target_rows(target, table);
  Row source_row;
  Row target_row;
  for (;;) {
    const bool has_source = source_rows.next(source_row);
    const bool has_target = target_rows.next(target_row);
    if (!has_source && !has_target) break;
    if (has_source) source_digest.add(source_row);
    if (has_target) target_digest.add(target_row);
    if (first_difference.empty() && (has_source != has_target || source_row != target_row)) {
      first_difference = difference(table, has_source ? std::optional(source_row) : std::nullopt,
                                    has_target ? std::optional(target_row) : std::nullopt);
    }
  }
  TableCheck check;
  check.table = table.name;
  check.source_rows = source_digest.rows();
  check.target_rows = target_digest.rows();
  check.source_checksum = source_digest.finish();
  check.target_checksum = target_digest.finish();
  check.first_difference = std::move(first_difference);
  return check;
}

}  // namespace

std::vector<TableCheck> verify_tables(SqliteSnapshot& source, postgres::Connection& target) {
  postgres::Transaction tx(target);
  target.exec("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
  std::vector<TableCheck> checks;
  for (const auto& table : transfer_tables()) checks.push_back(verify_table(table, source, target));
  tx.commit();
  return checks;
}

}  // namespace maitred::store::transfer
