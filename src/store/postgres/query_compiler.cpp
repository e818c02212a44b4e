#include "store/postgres/query_compiler.hpp"

#include <algorithm>
#include <charconv>
#include <stdexcept>

#include "store/query_rules.hpp"

namespace maitred::store::postgres {

namespace {

// The JSON types json_extract() hands to SQLite as text.
constexpr std::string_view kTextTypes = "('string', 'object', 'array')";

// Shortest text that reads back as the same double: the value SQLite would
// have bound, so `people:4.0000000000000001` still meets 4.
std::string number_text(double number) {
  char buffer[32];
  auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, number);
  if (ec != std::errc{}) throw std::invalid_argument("query compiler: number out of range");
  return std::string(buffer, end);
}

bool listed(const std::vector<std::string>& names, std::string_view name) {
  return std::ranges::find(names, name) != names.end();
}

void require_columns(const ColumnMap& columns, std::string_view doc_column) {
  require_sql_identifier(doc_column, "document column");
  for (const auto& [path, column] : columns.columns) require_sql_identifier(column, "column");
  for (const auto* names : {&columns.numeric_columns, &columns.nullable_columns}) {
    for (const auto& name : *names) {
      auto mapped = [&](const auto& entry) { return entry.second == name; };
      if (std::ranges::none_of(columns.columns, mapped)) {
        throw std::invalid_argument("query compiler: column " + name + " is not in the column map");
      }
    }
  }
}

// A field as the SQL sees it: its own column, or a path into the document.
struct Field {
  enum class Kind { json, text_column, numeric_column } kind;
  std::string column;      // columns only
  bool nullable;           // columns only
  std::size_t path_param;  // json only: the $n holding the path array
};

// Writes SQL and its parameters together, so every placeholder's number is
// the position of its value.
class SqlWriter {
 public:
  SqlWriter(std::string& sql, std::vector<Param>& params, std::size_t params_before, const ColumnMap& columns,
            std::string_view doc_column)
      : sql_(sql), params_(params), before_(params_before), columns_(columns), doc_column_(doc_column) {}

  SqlWriter& text(std::string_view s) {
    sql_ += s;
    return *this;
  }
  SqlWriter& param(std::string value, std::string_view type) {
    params_.emplace_back(std::move(value));
    return placeholder(before_ + params_.size(), type);
  }

  Field field(std::string_view path) {
    require_field_path(path);
    for (const auto& [document_path, column] : columns_.columns) {
      if (document_path != path) continue;
      auto kind = listed(columns_.numeric_columns, column) ? Field::Kind::numeric_column : Field::Kind::text_column;
      return {kind, column, listed(columns_.nullable_columns, column), 0};
    }
    for (const auto& [known, number] : paths_) {
      if (known == path) return {Field::Kind::json, "", true, number};
    }
    params_.emplace_back(path_array_for(path));
    paths_.emplace_back(std::string(path), before_ + params_.size());
    return {Field::Kind::json, "", true, paths_.back().second};
  }

  // J: the JSON value, SQL NULL when the path leads nowhere.
  SqlWriter& json(const Field& f) { return text(doc_column_).text(" #> ").placeholder(f.path_param, "text[]"); }

  // T: the value as text, as written (a JSON string without its quotes);
  // SQL NULL for a missing field or JSON null.
  SqlWriter& as_text(const Field& f) {
    switch (f.kind) {
      case Field::Kind::json: return text(doc_column_).text(" #>> ").placeholder(f.path_param, "text[]");
      case Field::Kind::text_column: return text(f.column);
      case Field::Kind::numeric_column: return text(f.column).text("::text");
    }
    return *this;
  }

  // T COLLATE "C": byte order, as SQLite's BINARY. Parenthesised because
  // COLLATE binds tighter than #>>.
  SqlWriter& as_bytes(const Field& f) {
    if (f.kind != Field::Kind::json) return as_text(f).text(" COLLATE \"C\"");
    return text("(").as_text(f).text(") COLLATE \"C\"");
  }

  // N(F): the number SQLite sees (booleans as 1 and 0), else NULL. A CASE,
  // so that the cast never meets a string.
  SqlWriter& as_number(const Field& f) {
    if (f.kind != Field::Kind::json) return text(f.column);
    text("CASE json_typeof(").json(f).text(") WHEN 'number' THEN (").as_text(f).text(")::numeric");
    return text(" WHEN 'boolean' THEN (").as_text(f).text(" = 'true')::integer END");
  }

  // Opens "(json_typeof(J) IN (string, object, array) AND " for a JSON
  // field, which the caller closes with ")": text that SQLite would see.
  SqlWriter& open_text_guard(const Field& f) {
    if (f.kind == Field::Kind::json) text("(json_typeof(").json(f).text(") IN ").text(kTextTypes).text(" AND ");
    return *this;
  }
  SqlWriter& close_text_guard(const Field& f) { return f.kind == Field::Kind::json ? text(")") : *this; }

 private:
  SqlWriter& placeholder(std::size_t number, std::string_view type) {
    return text("$").text(std::to_string(number)).text("::").text(type);
  }

  std::string& sql_;
  std::vector<Param>& params_;
  std::size_t before_;
  const ColumnMap& columns_;
  std::string_view doc_column_;
  std::vector<std::pair<std::string, std::size_t>> paths_;  // bound path -> its $n
};

// N(F) <op> value; never true on a text column, whose SQLite typeof is text.
void write_number_comparison(SqlWriter& out, const Field& f, std::string_view op, std::string value) {
  if (f.kind == Field::Kind::text_column) {
    out.text("FALSE");
    return;
  }
  if (f.kind == Field::Kind::json) out.text("(");
  out.as_number(f);
  if (f.kind == Field::Kind::json) out.text(")");
  out.text(op).param(std::move(value), "numeric");
}

void write_condition(SqlWriter& out, const domain::SearchTerm& term) {
  using Kind = domain::SearchValue::Kind;
  const auto& value = term.value;
  const Field f = out.field(term.path);
  switch (term.op) {
    case domain::SearchOp::equals:
      // Phones are matched as digits; a bare number is taken as written.
      if (is_phone_path(term.path) && value.kind != Kind::boolean) {
        out.text("replace(ltrim(").as_text(f).text(", '+'), ' ', '') = ").param(normalise_phone(value.text), "text");
        return;
      }
      switch (value.kind) {
        case Kind::string:
          // SQLite's numeric affinity would also let "4" meet the integer
          // column value 4; its text form is the nearest PostgreSQL twin.
          out.open_text_guard(f).as_text(f).text(" = ").param(value.instant.value_or(value.text), "text");
          out.close_text_guard(f);
          return;
        case Kind::number: write_number_comparison(out, f, " = ", number_text(value.number)); return;
        case Kind::boolean: write_number_comparison(out, f, " = ", value.boolean ? "1" : "0"); return;
      }
      return;
    case domain::SearchOp::less:
    case domain::SearchOp::greater: {
      const char* op = term.op == domain::SearchOp::less ? " < " : " > ";
      if (value.kind == Kind::number) {
        write_number_comparison(out, f, op, number_text(value.number));
        return;
      }
      if (value.kind == Kind::string && value.instant) {
        if (f.kind == Field::Kind::numeric_column) {
          out.text("FALSE");
          return;
        }
        out.open_text_guard(f).as_bytes(f).text(op).param(*value.instant, "text");
        out.close_text_guard(f);
        return;
      }
      throw std::invalid_argument("query compiler: '<' and '>' need a number or an instant");
    }
    case domain::SearchOp::contains:
      // On the text as written: SQLite would see true as "1" and may spell
      // a real differently (1e2 as "100.0"); nobody searches those by part.
      if (value.kind != Kind::string) throw std::invalid_argument("query compiler: ';' needs a string");
      out.text("strpos(lower(").as_bytes(f).text("), lower(").param(value.text, "text");
      out.text(" COLLATE \"C\")) > 0");
      return;
  }
  throw std::invalid_argument("query compiler: unknown operator");
}

void write_sort_key(SqlWriter& out, const domain::SortKey& key) {
  const Field f = out.field(key.path);
  const std::string_view direction = key.ascending ? " ASC, " : " DESC, ";
  if (f.kind != Field::Kind::json) {
    out.text(f.column).text(f.kind == Field::Kind::text_column ? " COLLATE \"C\"" : "");
    // SQLite puts NULL below everything; PostgreSQL above, unless told.
    if (f.nullable) {
      out.text(key.ascending ? " ASC NULLS FIRST, " : " DESC NULLS LAST, ");
    } else {
      out.text(direction);
    }
    return;
  }
  out.text("CASE WHEN json_typeof(").json(f).text(") IN ('number', 'boolean') THEN 1 WHEN json_typeof(").json(f);
  out.text(") IN ").text(kTextTypes).text(" THEN 2 ELSE 0 END").text(direction);
  out.as_number(f).text(direction);
  out.text("CASE WHEN json_typeof(").json(f).text(") IN ").text(kTextTypes).text(" THEN ").as_text(f);
  out.text(" END COLLATE \"C\"").text(direction);
}

}  // namespace

std::string path_array_for(std::string_view field_path) {
  require_field_path(field_path);
  // Segments are [A-Za-z0-9_]+, so quoting needs no escapes.
  std::string out = "{\"";
  for (char c : field_path) out += c == '.' ? std::string_view("\",\"") : std::string_view(&c, 1);
  out += "\"}";
  return out;
}

CompiledFilter compile_filter(const domain::SearchExpression& expression, const ColumnMap& columns,
                              std::size_t params_before, std::string_view doc_column) {
  require_columns(columns, doc_column);
  CompiledFilter compiled;
  if (expression.terms.empty()) return compiled;
  SqlWriter out(compiled.sql, compiled.params, params_before, columns, doc_column);
  out.text("(");
  bool first = true;
  for (const auto& term : expression.terms) {
    if (!first) out.text(" AND ");
    first = false;
    write_condition(out, term);
  }
  out.text(")");
  return compiled;
}

std::string compile_order_by(const std::vector<domain::SortKey>& keys, const ColumnMap& columns,
                             std::vector<Param>& params, std::string_view doc_column, std::string_view tie_breaker) {
  require_columns(columns, doc_column);
  require_sql_identifier(tie_breaker, "tie breaker column");
  std::string sql;
  SqlWriter out(sql, params, 0, columns, doc_column);
  out.text("ORDER BY ");
  for (const auto& key : keys) write_sort_key(out, key);
  out.text(tie_breaker);
  out.text(listed(columns.numeric_columns, tie_breaker) ? " ASC" : " COLLATE \"C\" ASC");
  return sql;
}

void append_filter_order_page(std::string& sql, std::vector<Param>& params, const domain::SearchExpression* filter,
                              const std::vector<domain::SortKey>* sort,
                              const std::vector<domain::SortKey>& default_sort, const ColumnMap& columns,
                              long long skip, long long limit) {
  if (skip < 0 || limit < 0) throw std::invalid_argument("query compiler: negative skip or limit");
  if (filter != nullptr) {
    auto compiled = compile_filter(*filter, columns, params.size());
    if (!compiled.sql.empty()) {
      sql += " AND " + compiled.sql;
      params.insert(params.end(), compiled.params.begin(), compiled.params.end());
    }
  }
  sql += " " + compile_order_by(sort != nullptr && !sort->empty() ? *sort : default_sort, columns, params);
  params.emplace_back(std::to_string(limit));
  sql += " LIMIT $" + std::to_string(params.size()) + "::bigint";
  params.emplace_back(std::to_string(skip));
  sql += " OFFSET $" + std::to_string(params.size()) + "::bigint";
}

}  // namespace maitred::store::postgres
