#pragma once
// customQuery, sort and paging for lists that are not answered from a SQL
// query: the setup collections (tables, areas, combinations, opening hours,
// custom fields), which are small and answered in a shape that is not the
// stored one (a table shows its area's name). The third reading of the list
// conventions, beside the SQLite and PostgreSQL query compilers, and held to
// the same table of cases (tests/unit/query_compiler_cases.hpp): equality is
// exact, `;` folds ASCII case, phones match as digits, `<`/`>` compare
// numbers with numbers (booleans as 0 and 1) and dates with text; sorting
// puts missing and null first, then numbers, then text in byte order. The
// field paths and the phone rule are the compilers' own
// (domain/search_rules.hpp). In json/ because it reads the documents with
// RapidJSON; api/list_request.cpp is its caller.

#include <string>
#include <vector>

#include "domain/search_expression.hpp"
#include "domain/sort_spec.hpp"

namespace maitred::json {

struct DocumentSelection {
  const domain::SearchExpression* filter = nullptr;
  const std::vector<domain::SortKey>* sort = nullptr;  // empty: the documents' own order
  long long skip = 0;
  long long limit = 100;
};

// `documents` are JSON objects in the list's default order; equal sort keys
// keep that order, so paging is stable. Throws std::invalid_argument for a
// document that is not JSON (a bug: the caller wrote them).
std::vector<std::string> select_documents(std::vector<std::string> documents, const DocumentSelection& selection);

}  // namespace maitred::json
