// libFuzzer target: customQuery search expressions and sort lists.
//
// The whole input goes to domain::parse_search_expression and to
// domain::parse_sort. What parses is compiled by store/sqlite/query_compiler
// and then prepared, bound and run against a small in-memory SQLite table, so
// the fuzzer also proves the generated SQL is valid, has exactly one
// parameter per placeholder and never fails at run time (a bad JSON path is
// only reported by SQLite when a row is read). domain::InvalidInput is the
// expected answer to garbage; any other exception, a crash, a sanitizer
// report or a broken contract (see `contract`) is a finding.

#include <sqlite3.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/errors.hpp"
#include "domain/search_expression.hpp"
#include "domain/sort_spec.hpp"
#include "store/sqlite/query_compiler.hpp"

namespace {

using namespace maitred;

sqlite3* db = nullptr;
const store::sqlite::ColumnMap columns{{{"dateTime", "start_utc"}, {"status", "status"}, {"people", "people"}}};

void contract(bool ok, const char* what) {
  if (!ok) {
    std::fprintf(stderr, "contract violated: %s\n", what);
    std::abort();
  }
}

void run(const std::string& where, const std::string& order_by, const std::vector<store::sqlite::SqlParam>& params) {
  std::string sql = "SELECT id FROM bookings";
  if (!where.empty()) sql += " WHERE " + where;
  sql += " " + order_by + " LIMIT 10";
  sqlite3_stmt* stmt = nullptr;
  if (sqlite3_prepare_v2(db, sql.c_str(), -1, &stmt, nullptr) != SQLITE_OK) {
    std::fprintf(stderr, "%s\n%s\n", sqlite3_errmsg(db), sql.c_str());
    contract(false, "compiled SQL prepares");
  }
  contract(sqlite3_bind_parameter_count(stmt) == static_cast<int>(params.size()), "one param per placeholder");
  contract(store::sqlite::bind_params(stmt, params) == SQLITE_OK, "params bind");
  int rc;
  while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
  }
  if (rc != SQLITE_DONE) std::fprintf(stderr, "%s\n%s\n", sqlite3_errmsg(db), sql.c_str());
  contract(rc == SQLITE_DONE, "compiled SQL runs");
  sqlite3_finalize(stmt);
}

void check_expression(std::string_view text, const domain::SearchExpression& expression) {
  contract(expression.terms.size() <= domain::max_search_terms, "term count within limit");
  for (std::size_t n = 0; n < expression.terms.size(); ++n) {
    const auto& term = expression.terms[n];
    contract(domain::is_valid_field_path(term.path), "term paths are valid");
    contract(term.position < text.size() && text.substr(term.position, term.path.size()) == term.path,
             "term position points at its path");
    contract(n == 0 || term.position > expression.terms[n - 1].position, "terms in text order");
    using Kind = domain::SearchValue::Kind;
    switch (term.op) {
      case domain::SearchOp::contains: contract(term.value.kind == Kind::string, "';' has a string"); break;
      case domain::SearchOp::less:
      case domain::SearchOp::greater:
        contract(term.value.kind == Kind::number || term.value.instant.has_value(), "'<'/'>' have a number or date");
        break;
      case domain::SearchOp::equals: break;
    }
    if (term.value.instant) {
      // Whatever was accepted must be in one of the two stored forms.
      const auto& i = *term.value.instant;
      contract(i.size() == 10 || (i.size() == 20 && i[10] == 'T' && i[19] == 'Z'), "instant is normalised");
      contract(domain::normalise_instant(i) == i, "a normalised instant is a fixed point");
    }
  }
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  if (sqlite3_open(":memory:", &db) != SQLITE_OK) std::abort();
  const char* setup =
      "CREATE TABLE bookings(id TEXT, status TEXT, people INTEGER, start_utc TEXT, doc TEXT);"
      "INSERT INTO bookings VALUES ('b1', 'approved', 4, '2026-11-24T18:00:00Z',"
      " '{\"status\":\"approved\",\"people\":4,\"date\":\"2026-11-24\",\"guest\":{\"name\":\"Anna\","
      "\"phone\":\"+4511111111\",\"notificationSms\":true},\"tables\":[\"t1\",\"t2\"],"
      "\"customFields\":[{\"name\":\"Allergy\",\"value\":\"nuts\"}],\"total\":12.5}');"
      "INSERT INTO bookings VALUES ('b2', 'request', 2, '2026-11-23T12:00:00Z',"
      " '{\"status\":\"request\",\"people\":2,\"guest\":{\"name\":\"Bo\",\"phone\":\"4522222222\"},"
      "\"total\":\"n/a\",\"a\":{\"b\":{\"c\":[1,[2,{\"d\":3}]]}}}');"
      "INSERT INTO bookings VALUES ('b3', NULL, NULL, NULL, '{}');";
  if (sqlite3_exec(db, setup, nullptr, nullptr, nullptr) != SQLITE_OK) std::abort();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);

  std::optional<domain::SearchExpression> expression;
  try {
    expression = domain::parse_search_expression(text);
  } catch (const domain::InvalidInput& e) {
    contract(e.code == "invalid_search" && e.field == "customQuery", "search error code and field");
    contract(std::string_view(e.what()).starts_with("customQuery: "), "search message names the parameter");
  }
  std::optional<std::vector<domain::SortKey>> sort;
  try {
    sort = domain::parse_sort(text);
  } catch (const domain::InvalidInput& e) {
    contract(e.code == "invalid_sort" && e.field == "sort", "sort error code and field");
    contract(std::string_view(e.what()).starts_with("sort: "), "sort message names the parameter");
  }

  if (expression) check_expression(text, *expression);
  if (sort) {
    contract(sort->size() <= domain::max_sort_keys, "sort key count within limit");
    for (const auto& key : *sort) contract(domain::is_valid_field_path(key.path), "sort paths are valid");
  }

  // Both compile paths, together, in the order a list query binds them.
  const auto filter = store::sqlite::compile_filter(expression.value_or(domain::SearchExpression{}), columns);
  contract(!filter.sql.empty() || filter.params.empty(), "no params without SQL");
  auto params = filter.params;
  const auto order_by = store::sqlite::compile_order_by(sort.value_or(std::vector<domain::SortKey>{}), columns, params);
  if (expression || sort) run(filter.sql, order_by, params);
  return 0;
}

// Findings are fatal even though the preset builds recoverable checks.
extern "C" const char* __ubsan_default_options() {
  return "halt_on_error=1:print_stacktrace=1";
}
