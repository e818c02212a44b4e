#pragma once
// Turns a parsed customQuery and sort list into parameterised PostgreSQL SQL
// that selects and orders rows as the SQLite store's compiler does
// (store/sqlite/query_compiler.hpp): the same API tests run against both.
//
// Nothing the client wrote is ever pasted into the SQL text: values are bound
// text parameters with an explicit cast ($3::numeric), and a field path
// becomes either a column name taken from the caller's ColumnMap (trusted,
// written in code) or a bound text array for the `#>` / `#>>` operators over
// the `json` document column. Paths that reach here are re-checked, so a
// hand-built expression cannot smuggle text in either; a bad one is a
// programming error (std::invalid_argument), not a client error.
//
// Placeholders are numbered: a placeholder's number is the size of the
// parameter vector once its value is appended, so a caller can bind its own
// `$1, $2` first and append the compiled pieces after them. A path used
// twice in one compile binds once and is referred to by the same number.
//
// What SQLite does, and so what this reproduces: json_extract() gives SQL
// NULL for a missing field or JSON null, a number for a JSON number, the
// integer 1 or 0 for true or false, and text for a string, object or array.
// Numbers compare with numbers only, text with text only, byte-wise.

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "domain/search_expression.hpp"
#include "domain/sort_spec.hpp"
#include "store/postgres/connection.hpp"

namespace maitred::store::postgres {

// Document paths that live in their own column, e.g. {"dateTime",
// "start_utc"}, {"people", "people"}. Column names must be SQL identifiers
// (optionally qualified, `b.status`). Two facts SQLite reads off the stored
// value, PostgreSQL needs to be told, by listing names from `columns`:
// - numeric_columns: integer, bigint or numeric (bookings.people); every
//   other column is text.
// - nullable_columns: those that may hold NULL (bookings.customer_id). They
//   sort NULLS FIRST ascending, as in SQLite; the others keep PostgreSQL's
//   default NULLS placement, which lets an index serve the ORDER BY (and for
//   text columns only if it, or the column, is COLLATE "C").
struct ColumnMap {
  std::vector<std::pair<std::string, std::string>> columns;
  std::vector<std::string> numeric_columns;
  std::vector<std::string> nullable_columns;
};

struct CompiledFilter {
  std::string sql;  // "" without terms, else "(cond AND cond ...)"
  std::vector<Param> params;
};

// Per term, with J = doc #> $p::text[] (the JSON value), T = doc #>> $p::text[]
// (its text) for a field without a column, and N(F) = the number SQLite sees:
// (T)::numeric for a JSON number, 1 or 0 for true or false, else NULL:
//   a:"s"        (json_typeof(J) IN ('string', 'object', 'array') AND T = $n::text)
//                text column: col = $n::text; numeric column: col::text = $n::text
//                (a date-time value is compared in its UTC form)
//   a.phone:"s"  replace(ltrim(T, '+'), ' ', '') = $n::text, value normalised alike
//   a:1.5        N(F) = $n::numeric             a:true  N(F) = 1 (SQLite's own reading)
//   a>2          N(F) > $n::numeric             numbers only meet numbers
//   a>"date"     (json_typeof(J) IN (...) AND (T) COLLATE "C" > $n::text)  text only
//   a;"s"        strpos(lower((T) COLLATE "C"), lower($n::text COLLATE "C")) > 0
// A number or boolean term on a text column, and a date on a numeric column,
// is FALSE, as SQLite's typeof guards make it. N(F) is a CASE, not an AND
// guard, because PostgreSQL may evaluate AND operands in any order and
// "n/a"::numeric would fail the whole query. COLLATE "C" makes text compare
// byte-wise, as SQLite's BINARY does, and lower() fold ASCII letters only, as
// SQLite's does, whatever the database's locale.
// Placeholders start at $params_before + 1 (see the numbering above).
CompiledFilter compile_filter(const domain::SearchExpression& expression, const ColumnMap& columns,
                              std::size_t params_before = 0, std::string_view doc_column = "doc");

// "ORDER BY <key>, ..., <tie_breaker> COLLATE "C" ASC"; the tie breaker always
// comes last so that equal keys keep one order from page to page (no COLLATE
// if it is a numeric column). Path params are appended to `params`. Like
// SQLite: ascending puts a missing field (or JSON null) first, then numbers
// and booleans (as 1/0) by value, then strings, objects and arrays byte-wise;
// descending reverses all of it. A JSON key is three ORDER BY terms: that
// rank, N(F), then the text; a column key is one (text COLLATE "C").
std::string compile_order_by(const std::vector<domain::SortKey>& keys, const ColumnMap& columns,
                             std::vector<Param>& params, std::string_view doc_column = "doc",
                             std::string_view tie_breaker = "id");

// Appends " AND <filter> ORDER BY ... LIMIT $n::bigint OFFSET $m::bigint" to
// a query whose WHERE clause is open, and the parameters in the same order,
// numbered after those already in `params`. `sort` empty or null:
// `default_sort`. The shape every list endpoint shares. skip and limit must
// not be negative (PostgreSQL refuses them; SQLite reads -1 as no limit).
void append_filter_order_page(std::string& sql, std::vector<Param>& params, const domain::SearchExpression* filter,
                              const std::vector<domain::SortKey>* sort,
                              const std::vector<domain::SortKey>& default_sort, const ColumnMap& columns,
                              long long skip, long long limit);

// "guest.phone" -> {"guest","phone"}: a text[] literal for #> and #>>. Every
// element is quoted, so a segment named null stays the key "null". A segment
// of digits is an array index as PostgreSQL reads it ("customFields.0.value"
// -> {"customFields","0","value"}); on an object it is a key, where SQLite's
// $.a[0] finds nothing.
std::string path_array_for(std::string_view field_path);

}  // namespace maitred::store::postgres
