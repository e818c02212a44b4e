#pragma once
// Turns a parsed customQuery and sort list into parameterised SQLite SQL.
//
// Nothing the client wrote is ever pasted into the SQL text: values are bound
// parameters, and a field path becomes either a column name taken from the
// caller's ColumnMap (trusted, written in code) or the JSON path "$.a.b",
// also bound as a parameter, for json_extract over the document column.
// Paths that reach here are re-checked, so a hand-built expression cannot
// smuggle text in either; a bad one is a programming error
// (std::invalid_argument), not a client error.
//
// Binding order: placeholders are plain `?`, numbered by position. Build the
// statement as  SELECT ... WHERE <filter.sql> <order by> LIMIT ? OFFSET ?
// and bind filter.params, then the ORDER BY params, then limit/offset.
// compile_order_by appends its params to the vector it is given, so passing
// filter.params to it yields one vector in exactly that order.

#include <sqlite3.h>

#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

#include "domain/search_expression.hpp"
#include "domain/sort_spec.hpp"
#include "store/query_rules.hpp"  // normalise_phone: what a phone term binds

namespace maitred::store::sqlite {

// Text, number (every customQuery number is bound as a double; SQLite
// compares integers and reals by value) or integer (booleans as 1/0).
using SqlParam = std::variant<std::string, double, long long>;

// Document paths that live in their own (indexed) column, e.g.
// {"dateTime", "start_utc"}, {"status", "status"}, {"date", "local_date"}.
// Column names must be SQL identifiers (optionally qualified, `b.status`).
struct ColumnMap {
  std::vector<std::pair<std::string, std::string>> columns;
};

struct CompiledFilter {
  std::string sql;  // "" without terms, else "(cond AND cond ...)"
  std::vector<SqlParam> params;
};

// Per term, with F = the mapped column or json_extract(doc, ?):
//   a:"s"        F = ?                      (a date-time value is compared in its UTC form)
//   a.phone:"s"  replace(ltrim(F, '+'), ' ', '') = ?   value normalised alike (normalise_phone)
//   a:1.5        F = ?                      (double)
//   a:true       F = ?                      (1 / 0: json_extract gives 1/0 for JSON true/false)
//   a>2          (F > ? AND typeof(F) IN ('integer', 'real'))   numbers only meet numbers
//   a>"date"     (F > ? AND typeof(F) = 'text')                 ISO text compares in time order
//   a;"s"        instr(lower(F), lower(?)) > 0                  ASCII case folding only
// The typeof guards matter because SQLite orders every number below every
// text: without them `guest.name<5` would be false for every name but
// `dateTime<"2026-11-24"` true for every numeric value.
CompiledFilter compile_filter(const domain::SearchExpression& expression, const ColumnMap& columns,
                              std::string_view doc_column = "doc");

// "ORDER BY k1 ASC, json_extract(doc, ?) DESC, ..., <tie_breaker> ASC"; the
// tie breaker always comes last so that equal keys keep one order from page
// to page. JSON-path params are appended to `params` (see the binding order
// above). SQLite sorts a missing field (NULL) first ascending, then numbers,
// then text.
std::string compile_order_by(const std::vector<domain::SortKey>& keys, const ColumnMap& columns,
                             std::vector<SqlParam>& params, std::string_view doc_column = "doc",
                             std::string_view tie_breaker = "id");

// "guest.phone" -> "$.guest.phone". A segment of digits is an array index:
// "customFields.0.value" -> "$.customFields[0].value".
// Appends " AND <filter> ORDER BY ... LIMIT ? OFFSET ?" to a query whose
// WHERE clause is open, and the parameters in the same order. `sort` empty
// or null: `default_sort`. The shape every list endpoint shares.
void append_filter_order_page(std::string& sql, std::vector<SqlParam>& params, const domain::SearchExpression* filter,
                              const std::vector<domain::SortKey>* sort,
                              const std::vector<domain::SortKey>& default_sort, const ColumnMap& columns,
                              long long skip, long long limit);

std::string json_path_for(std::string_view field_path);

// Binds params to ? number first_index, first_index + 1, ...; returns the
// first SQLite error code, or SQLITE_OK.
int bind_params(sqlite3_stmt* statement, const std::vector<SqlParam>& params, int first_index = 1);

}  // namespace maitred::store::sqlite
