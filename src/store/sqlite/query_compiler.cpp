#include "store/sqlite/query_compiler.hpp"

#include <stdexcept>

#include "store/query_rules.hpp"

namespace maitred::store::sqlite {

namespace {

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

// Writes SQL and its parameters together, so the parameters are always in the
// order of their placeholders.
class SqlWriter {
 public:
  SqlWriter(std::string& sql, std::vector<SqlParam>& params, const ColumnMap& columns, std::string_view doc_column)
      : sql_(sql), params_(params), columns_(columns), doc_column_(doc_column) {}

  SqlWriter& text(std::string_view s) {
    sql_ += s;
    return *this;
  }
  SqlWriter& param(SqlParam p) {
    sql_ += '?';
    params_.push_back(std::move(p));
    return *this;
  }
  SqlWriter& field(std::string_view path) {
    for (const auto& [document_path, column] : columns_.columns) {
      if (document_path == path) {
        sql_ += column;
        return *this;
      }
    }
    text("json_extract(").text(doc_column_).text(", ").param(json_path_for(path)).text(")");
    return *this;
  }

 private:
  std::string& sql_;
  std::vector<SqlParam>& params_;
  const ColumnMap& columns_;
  std::string_view doc_column_;
};

void write_condition(SqlWriter& out, const domain::SearchTerm& term) {
  using Kind = domain::SearchValue::Kind;
  const auto& value = term.value;
  const auto& path = term.path;
  switch (term.op) {
    case domain::SearchOp::equals:
      // Phones are matched as digits; a bare number is taken as written.
      if (is_phone_path(path) && value.kind != Kind::boolean) {
        out.text("replace(ltrim(").field(path).text(", '+'), ' ', '') = ").param(normalise_phone(value.text));
        return;
      }
      out.field(path).text(" = ");
      switch (value.kind) {
        case Kind::string: out.param(value.instant.value_or(value.text)); return;
        case Kind::number: out.param(value.number); return;
        case Kind::boolean: out.param(value.boolean ? 1LL : 0LL); return;
      }
      return;
    case domain::SearchOp::less:
    case domain::SearchOp::greater: {
      const char* op = term.op == domain::SearchOp::less ? " < " : " > ";
      if (value.kind == Kind::number) {
        out.text("(").field(path).text(op).param(value.number);
        out.text(" AND typeof(").field(path).text(") IN ('integer', 'real'))");
        return;
      }
      if (value.kind == Kind::string && value.instant) {
        out.text("(").field(path).text(op).param(*value.instant);
        out.text(" AND typeof(").field(path).text(") = 'text')");
        return;
      }
      throw std::invalid_argument("query compiler: '<' and '>' need a number or an instant");
    }
    case domain::SearchOp::contains:
      if (value.kind != Kind::string) throw std::invalid_argument("query compiler: ';' needs a string");
      out.text("instr(lower(").field(path).text("), lower(").param(value.text).text(")) > 0");
      return;
  }
  throw std::invalid_argument("query compiler: unknown operator");
}

}  // namespace

std::string json_path_for(std::string_view field_path) {
  require_field_path(field_path);
  std::string out = "$";
  std::size_t start = 0;
  while (start <= field_path.size()) {
    std::size_t end = field_path.find('.', start);
    if (end == std::string_view::npos) end = field_path.size();
    auto segment = field_path.substr(start, end - start);
    bool all_digits = true;
    for (char c : segment) all_digits = all_digits && is_digit(c);
    if (all_digits) {
      // Leading zeros dropped so "07" is index 7; nine digits keep it an int.
      auto first = segment.find_first_not_of('0');
      auto index = first == std::string_view::npos ? std::string_view("0") : segment.substr(first);
      if (index.size() <= 9) {
        out += '[';
        out += index;
        out += ']';
      } else {
        // No array is that long; quoted, it stays a key that matches nothing.
        out += ".\"";
        out += segment;
        out += '"';
      }
    } else {
      out += '.';
      out += segment;
    }
    start = end + 1;
  }
  return out;
}

CompiledFilter compile_filter(const domain::SearchExpression& expression, const ColumnMap& columns,
                              std::string_view doc_column) {
  require_sql_identifier(doc_column, "document column");
  for (const auto& [path, column] : columns.columns) require_sql_identifier(column, "column");
  CompiledFilter compiled;
  if (expression.terms.empty()) return compiled;
  SqlWriter out(compiled.sql, compiled.params, columns, doc_column);
  out.text("(");
  bool first = true;
  for (const auto& term : expression.terms) {
    require_field_path(term.path);
    if (!first) out.text(" AND ");
    first = false;
    write_condition(out, term);
  }
  out.text(")");
  return compiled;
}

std::string compile_order_by(const std::vector<domain::SortKey>& keys, const ColumnMap& columns,
                             std::vector<SqlParam>& params, std::string_view doc_column, std::string_view tie_breaker) {
  require_sql_identifier(doc_column, "document column");
  require_sql_identifier(tie_breaker, "tie breaker column");
  for (const auto& [path, column] : columns.columns) require_sql_identifier(column, "column");
  std::string sql;
  SqlWriter out(sql, params, columns, doc_column);
  out.text("ORDER BY ");
  for (const auto& key : keys) {
    require_field_path(key.path);
    out.field(key.path).text(key.ascending ? " ASC, " : " DESC, ");
  }
  out.text(tie_breaker).text(" ASC");
  return sql;
}

int bind_params(sqlite3_stmt* statement, const std::vector<SqlParam>& params, int first_index) {
  int index = first_index;
  for (const auto& param : params) {
    int rc = SQLITE_OK;
    if (const auto* text = std::get_if<std::string>(&param)) {
      rc = sqlite3_bind_text64(statement, index, text->data(), text->size(), SQLITE_TRANSIENT, SQLITE_UTF8);
    } else if (const auto* number = std::get_if<double>(&param)) {
      rc = sqlite3_bind_double(statement, index, *number);
    } else {
      rc = sqlite3_bind_int64(statement, index, std::get<long long>(param));
    }
    if (rc != SQLITE_OK) return rc;
    ++index;
  }
  return SQLITE_OK;
}

void append_filter_order_page(std::string& sql, std::vector<SqlParam>& params, const domain::SearchExpression* filter,
                              const std::vector<domain::SortKey>* sort,
                              const std::vector<domain::SortKey>& default_sort, const ColumnMap& columns,
                              long long skip, long long limit) {
  if (filter != nullptr) {
    auto compiled = compile_filter(*filter, columns);
    if (!compiled.sql.empty()) {
      sql += " AND " + compiled.sql;
      params.insert(params.end(), compiled.params.begin(), compiled.params.end());
    }
  }
  sql += " " + compile_order_by(sort != nullptr && !sort->empty() ? *sort : default_sort, columns, params);
  sql += " LIMIT ? OFFSET ?";
  params.emplace_back(limit);
  params.emplace_back(skip);
}

}  // namespace maitred::store::sqlite
