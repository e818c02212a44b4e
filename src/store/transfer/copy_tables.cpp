#include "store/transfer/copy_tables.hpp"

#include <algorithm>
#include <optional>

namespace maitred::store::transfer {

namespace {

using Key = std::vector<std::optional<std::string>>;

struct Resume {
  long long done = 0;
  std::optional<Key> after;
};

void create_progress_table(postgres::Connection& target) {
  target.exec(std::string("CREATE TABLE IF NOT EXISTS ") + kProgressTable +
              " (table_name text PRIMARY KEY, last_key text[] NOT NULL, rows_done bigint NOT NULL)");
}

Resume load_resume(postgres::Connection& target, const TableSpec& table) {
  Resume resume;
  auto done =
      target.exec(std::string("SELECT rows_done FROM ") + kProgressTable + " WHERE table_name = $1", table.name);
  if (done.rows() == 0) return resume;
  resume.done = done.integer(0, 0);
  auto key = target.exec(std::string("SELECT k FROM ") + kProgressTable +
                             ", unnest(last_key) WITH ORDINALITY AS u(k, n) WHERE table_name = $1 ORDER BY n",
                         table.name);
  Key after;
  for (int r = 0; r < key.rows(); ++r) {
    if (key.is_null(r, 0))
      after.emplace_back();
    else
      after.emplace_back(std::string(key.text(r, 0)));
  }
  // A key of another shape (a different maitred's copy order) cannot be
  // resumed from: start the table again; ON CONFLICT keeps that harmless.
  if (after.size() == table.copy_key.size())
    resume.after = std::move(after);
  else
    resume.done = 0;
  return resume;
}

std::string insert_sql(const TableSpec& table, std::size_t rows) {
  std::string columns;
  for (const auto& c : table.columns) {
    if (!columns.empty()) columns += ", ";
    columns += c.name;
  }
  std::string values;
  std::size_t param = 1;
  for (std::size_t r = 0; r < rows; ++r) {
    values += r == 0 ? "(" : ", (";
    for (std::size_t c = 0; c < table.columns.size(); ++c) values += (c == 0 ? "$" : ", $") + std::to_string(param++);
    values += ")";
  }
  return "INSERT INTO " + std::string(table.name) + " (" + columns + ")" +
         (table.identity.empty() ? "" : " OVERRIDING SYSTEM VALUE") + " VALUES " + values + " ON CONFLICT DO NOTHING";
}

std::string record_sql(const TableSpec& table) {
  std::string key;
  for (std::size_t i = 0; i < table.copy_key.size(); ++i)
    key += (i == 0 ? "$" : ", $") + std::to_string(i + 3) + "::text";
  return std::string("INSERT INTO ") + kProgressTable + " (table_name, rows_done, last_key) VALUES ($1, $2, ARRAY[" +
         key + "]) ON CONFLICT (table_name) DO UPDATE SET last_key = EXCLUDED.last_key, rows_done = EXCLUDED.rows_done";
}

class TableCopier {
 public:
  TableCopier(const TableSpec& table, postgres::Connection& target, const CopyOptions& options)
      : table_(table), target_(target), options_(options), record_sql_(record_sql(table)) {}

  TableCopy run(SqliteSnapshot& source) {
    TableCopy result{std::string(table_.name), source.count(table_), 0, 0};
    const Resume resume = load_resume(target_, table_);
    done_ = resume.done;
    total_ = result.source_rows;
    report(false);
    auto rows = source.rows(table_, table_.copy_key, resume.after);
    std::vector<Row> batch;
    Row row;
    while (rows.next(row)) {
      batch.push_back(row);
      if (static_cast<int>(batch.size()) == options_.batch_rows) write(batch);
    }
    if (!batch.empty()) write(batch);
    if (!table_.identity.empty()) move_identity_past_copied();
    report(true);
    result.copied = copied_;
    result.skipped = skipped_;
    return result;
  }

 private:
  void write(std::vector<Row>& batch) {
    const long long size = static_cast<long long>(batch.size());
    std::vector<postgres::Param> record{std::string(table_.name), std::to_string(done_ + size)};
    for (auto& value : key_of(table_, table_.copy_key, batch.back())) record.push_back(std::move(value));
    postgres::Transaction tx(target_);
    long long inserted = 0;
    // PostgreSQL takes at most 65,535 parameters per statement.
    const std::size_t per_statement =
        std::clamp<std::size_t>(std::max(1, options_.rows_per_statement), 1, 65'535 / table_.columns.size());
    for (std::size_t first = 0; first < batch.size(); first += per_statement) {
      const std::size_t n = std::min(per_statement, batch.size() - first);
      std::vector<postgres::Param> params;
      params.reserve(n * table_.columns.size());
      for (std::size_t r = first; r < first + n; ++r)
        for (auto& value : batch[r]) params.push_back(std::move(value));
      inserted += target_.prepared(insert_sql(table_, n), params).affected();
    }
    target_.prepared(record_sql_, record);
    tx.commit();
    done_ += size;
    copied_ += inserted;
    skipped_ += size - inserted;
    batch.clear();
    report(false);
    if (options_.after_batch) options_.after_batch(table_.name, done_);
  }

  void move_identity_past_copied() {
    // Later inserts by the server take values after the copied ones instead
    // of colliding with them. setval is strict: an empty table leaves the
    // sequence where it is.
    const std::string column(table_.identity);
    const std::string name(table_.name);
    target_.exec("SELECT setval(pg_get_serial_sequence('" + name + "', '" + column + "'), max(" + column + ")) FROM " +
                 name);
  }

  void report(bool finished) {
    if (options_.on_progress) options_.on_progress({table_.name, done_, total_, skipped_, finished});
  }

  const TableSpec& table_;
  postgres::Connection& target_;
  const CopyOptions& options_;
  std::string record_sql_;
  long long done_ = 0;
  long long total_ = 0;
  long long copied_ = 0;
  long long skipped_ = 0;
};

}  // namespace

std::vector<TableCopy> copy_tables(SqliteSnapshot& source, postgres::Connection& target, const CopyOptions& options) {
  create_progress_table(target);
  std::vector<TableCopy> copies;
  for (const auto& table : transfer_tables()) copies.push_back(TableCopier(table, target, options).run(source));
  return copies;
}

}  // namespace maitred::store::transfer
