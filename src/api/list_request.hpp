#pragma once
// The list conventions every collection shares (SPEC.md section 4): skip or
// offset, limit (at most 100), sort, and customQuery as a header or a
// parameter.

#include <vector>

#include "domain/search_expression.hpp"
#include "domain/sort_spec.hpp"
#include "http/handler.hpp"
#include "http/query_params.hpp"

namespace maitred::api {

struct ListRequest {
  long long skip = 0;
  long long limit = 100;
  domain::SearchExpression filter;
  std::vector<domain::SortKey> sort;  // empty: the collection's default
};

// Throws InvalidInput (422) naming the parameter.
ListRequest read_list_request(const http::RequestContext& context, const http::QueryParams& query);

// "[doc,doc,...]" from stored JSON documents, without re-serialising them.
std::string json_array_of(const std::vector<std::string>& documents);

}  // namespace maitred::api
