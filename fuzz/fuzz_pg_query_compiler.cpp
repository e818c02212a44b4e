// libFuzzer target: the PostgreSQL query compiler
// (store/postgres/query_compiler.cpp), without a server. The whole input
// goes to domain::parse_search_expression and domain::parse_sort, as in
// fuzz_search_expression; what parses is compiled the way a booking list is
// (append_filter_order_page after "... WHERE restaurant_id = $1", with the
// booking column map of store/postgres/pg_bookings.cpp). Then the SQL is
// scanned and must keep the compiler's promise that nothing the client
// wrote reaches the SQL text:
//
// - every word outside quotes is an SQL keyword, a function, a cast type or
//   a mapped column; every quoted literal is one of the compiler's own
//   ('string', 'object', ...); every quoted identifier is "C";
// - parentheses balance; placeholders are $1..$N, N the parameter count,
//   each used with one cast;
// - each parameter fits its cast: a path array reads back as the dotted
//   path of a term or sort key, a numeric is a PostgreSQL numeric literal, a
//   bigint is digits, a text is valid UTF-8 without NUL (libpq sends C
//   strings; PostgreSQL refuses invalid UTF-8 and the list would be a 500).
//
// A std::invalid_argument from the compiler for something the parsers
// accepted escapes and is a finding too.
//
// With MAITRED_TEST_POSTGRES_URL set (tests/with_postgres sets it), the
// target also runs each accepted query through the real store
// (PgStore::list_booking_documents) on a few bookings with odd documents:
// PostgreSQL must then accept the SQL, its casts and its parameters, and
// evaluate it on every row without an error. Slower; see docs/TESTING.md.

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "core/time_format.hpp"
#include "domain/errors.hpp"
#include "domain/search_expression.hpp"
#include "domain/sort_spec.hpp"
#include "fuzz_support.hpp"
#include "store/booking_columns.hpp"
#include "store/database_url.hpp"
#include "store/open_store.hpp"
#include "store/postgres/query_compiler.hpp"

namespace {

using namespace maitred;
using fuzz::contract;

const store::postgres::ColumnMap& columns() {
  static const store::postgres::ColumnMap map{store::booking_column_paths(), {"people"}, {"customer_id"}};
  return map;
}

const std::set<std::string, std::less<>>& allowed_words() {
  static const auto words = [] {
    std::set<std::string, std::less<>> w = {
        "SELECT", "id",      "FROM",        "bookings", "WHERE", "restaurant_id", "AND",    "ORDER", "BY",
        "ASC",    "DESC",    "NULLS",       "FIRST",    "LAST",  "LIMIT",         "OFFSET", "CASE",  "WHEN",
        "THEN",   "ELSE",    "END",         "IN",       "FALSE", "COLLATE",       "doc",    "text",  "numeric",
        "bigint", "integer", "json_typeof", "replace",  "ltrim", "strpos",        "lower"};
    for (const auto& [path, column] : columns().columns) w.insert(column);
    return w;
  }();
  return words;
}

bool is_word_char(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
}

bool is_digits(std::string_view s) {
  return !s.empty() && s.find_first_not_of("0123456789") == std::string_view::npos;
}

// PostgreSQL's numeric input: [-]digits[.digits][e[+-]digits] (or .digits).
bool is_numeric_literal(std::string_view s) {
  std::size_t i = 0;
  if (i < s.size() && s[i] == '-') ++i;
  const auto digits_from = [&](std::size_t at) {
    std::size_t end = at;
    while (end < s.size() && s[end] >= '0' && s[end] <= '9') ++end;
    return end;
  };
  std::size_t end = digits_from(i);
  bool any = end > i;
  i = end;
  if (i < s.size() && s[i] == '.') {
    end = digits_from(i + 1);
    any = any || end > i + 1;
    i = end;
  }
  if (!any) return false;
  if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
    ++i;
    if (i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
    end = digits_from(i);
    if (end == i) return false;
    i = end;
  }
  return i == s.size();
}

// {"a","b"} -> "a.b"; nullopt unless every element is quoted plain text.
std::optional<std::string> dotted_path(std::string_view array) {
  if (array.size() < 4 || !array.starts_with("{\"") || !array.ends_with("\"}")) return std::nullopt;
  std::string path;
  for (char c : array.substr(2, array.size() - 4)) {
    if (c == '\\' || c == '{' || c == '}') return std::nullopt;
    path += c;
  }
  std::string out;
  for (std::size_t i = 0; i < path.size(); ++i) {
    if (path.compare(i, 3, "\",\"") == 0) {
      out += '.';
      i += 2;
    } else if (path[i] == '"' || path[i] == ',') {
      return std::nullopt;
    } else {
      out += path[i];
    }
  }
  return out;
}

void check_sql(const std::string& sql, const std::vector<store::postgres::Param>& params,
               const std::set<std::string, std::less<>>& paths) {
  static const std::set<std::string_view> literals = {"string", "object", "array", "number", "boolean",
                                                      "true",   "+",      " ",     ""};
  std::map<std::size_t, std::string> casts;  // $n -> its type
  int depth = 0;
  for (std::size_t i = 0; i < sql.size();) {
    const char c = sql[i];
    if (c == '\'' || c == '"') {
      const auto close = sql.find(c, i + 1);
      contract(close != std::string::npos, "quotes close", sql);
      const std::string_view quoted(sql.data() + i + 1, close - i - 1);
      if (c == '\'') contract(literals.contains(quoted), "only the compiler's own literals", sql);
      if (c == '"') contract(quoted == "C", "the only quoted identifier is \"C\"", sql);
      i = close + 1;
    } else if (c == '$') {
      std::size_t end = i + 1;
      while (end < sql.size() && sql[end] >= '0' && sql[end] <= '9') ++end;
      const std::string_view number(sql.data() + i + 1, end - i - 1);
      contract(is_digits(number) && sql.compare(end, 2, "::") == 0, "a placeholder is $n::type", sql);
      std::size_t type_end = end + 2;
      while (type_end < sql.size() && (is_word_char(sql[type_end]) || sql[type_end] == '[' || sql[type_end] == ']')) {
        ++type_end;
      }
      const std::size_t n = std::stoul(std::string(number));
      const std::string type = sql.substr(end + 2, type_end - end - 2);
      contract(n >= 1 && n <= params.size(), "placeholders number the parameters", sql);
      const auto [it, fresh] = casts.emplace(n, type);
      contract(fresh || it->second == type, "a placeholder has one cast", sql);
      i = type_end;
    } else if (is_word_char(c)) {
      std::size_t end = i;
      while (end < sql.size() && is_word_char(sql[end])) ++end;
      const std::string_view word(sql.data() + i, end - i);
      contract(is_digits(word) || allowed_words().contains(word), "no client text in the SQL", sql);
      i = end;
    } else {
      if (c == '(') ++depth;
      if (c == ')') contract(--depth >= 0, "parentheses balance", sql);
      contract(std::string_view(" (),.:=<>#+-").find(c) != std::string_view::npos, "only operator characters", sql);
      ++i;
    }
  }
  contract(depth == 0, "parentheses balance", sql);
  contract(casts.size() == params.size(), "every parameter is used", sql);
  for (const auto& [n, type] : casts) {
    const auto& param = params[n - 1];
    contract(param.has_value(), "no NULL parameters", sql);
    const std::string& value = *param;
    if (type == "text[]") {
      const auto path = dotted_path(value);
      contract(path && paths.contains(*path), "a path array reads back as a parsed path", value);
    } else if (type == "numeric") {
      contract(is_numeric_literal(value) || value == "1" || value == "0", "a numeric parameter is a number", value);
    } else if (type == "bigint") {
      contract(is_digits(value), "a bigint parameter is digits", value);
    } else {
      contract(type == "text", "casts are text, text[], numeric or bigint", type);
      contract(fuzz::is_strict_utf8(value) && value.find('\0') == std::string::npos,
               "a text parameter is valid UTF-8 without NUL", value);
    }
  }
}

constexpr std::string_view kRestaurant = "RRRRRRRRRRRRRRRRR";
std::unique_ptr<store::Store> postgres;  // only with MAITRED_TEST_POSTGRES_URL

// Bookings whose documents give each JSON type at the same paths, so every
// branch of the compiled CASEs meets a row. Already there from an earlier
// run is fine.
void add_bookings(store::Store& store) {
  const auto now = *core::parse_utc("2027-01-01T12:00:00Z");
  domain::Restaurant r;
  r.id = kRestaurant;
  r.name = "Fuzz";
  r.timezone = "UTC";
  r.created_at = r.updated_at = now;
  const char* metadata[] = {R"({"a":{"b":1.5},"n":"4","phone":"+45 1"})", R"({"a":{"b":"x"},"n":4,"phone":45})",
                            R"({"a":[true,null,{"b":[]}],"n":true,"phone":null})", "{}"};
  try {
    store.restaurants().create_restaurant(r);
    for (int i = 0; i < 4; ++i) {
      domain::Booking b;
      b.id = "BBBBBBBBBBBBBBBB" + std::to_string(i);
      b.restaurant_id = r.id;
      b.date = "2027-01-08";
      b.time = 19 * 60 + i;
      b.date_time = *core::parse_utc("2027-01-08T19:0" + std::to_string(i) + ":00Z");
      b.people = i + 1;
      b.guest.name = i % 2 ? "Ånne" : "anna";
      b.guest.phone = i % 2 ? "+4511111111" : "";
      b.customer_id = i % 2 ? "CCCCCCCCCCCCCCCC1" : "";
      b.metadata_json = metadata[i];
      b.created_at = b.activity_at = now;
      store.bookings().insert_booking(b);
    }
  } catch (const store::StoreError&) {
    // Set up by an earlier run.
  }
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  const char* url = std::getenv("MAITRED_TEST_POSTGRES_URL");
  if (url == nullptr || *url == '\0') return 0;
  std::string error;
  const auto parsed = store::parse_database_url(url, error);
  contract(parsed.has_value(), "MAITRED_TEST_POSTGRES_URL is a database URL", error);
  postgres = store::open_store(*parsed, {});
  add_bookings(*postgres);
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  std::optional<domain::SearchExpression> expression;
  std::optional<std::vector<domain::SortKey>> sort;
  try {
    expression = domain::parse_search_expression(text);
  } catch (const domain::InvalidInput&) {
  }
  try {
    sort = domain::parse_sort(text);
  } catch (const domain::InvalidInput&) {
  }
  if (!expression && !sort) return 0;

  std::set<std::string, std::less<>> paths;
  if (expression) {
    for (const auto& term : expression->terms) paths.insert(term.path);
  }
  if (sort) {
    for (const auto& key : *sort) paths.insert(key.path);
  }
  std::string sql = "SELECT id FROM bookings WHERE restaurant_id = $1::text";
  std::vector<store::postgres::Param> params = {std::string("RRRRRRRRRRRRRRRRR")};
  const std::vector<domain::SortKey> default_sort = {{"dateTime", true}};
  store::postgres::append_filter_order_page(sql, params, expression ? &*expression : nullptr, sort ? &*sort : nullptr,
                                            default_sort, columns(), 0, 100);
  check_sql(sql, params, paths);
  if (postgres) {
    store::BookingQuery query;
    query.restaurant_id = kRestaurant;
    query.filter = expression ? &*expression : nullptr;
    query.sort = sort ? &*sort : nullptr;
    fuzz::must([&] { return postgres->bookings().list_booking_documents(query).size(); },
               "PostgreSQL runs the compiled query", text);
  }
  return 0;
}
