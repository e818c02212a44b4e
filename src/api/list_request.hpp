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

// Without `limit`: the setup lists answer all their documents, as they did
// before they were paged (clients read them whole); bookings and the other
// collections 100.
inline constexpr long long kWholeList = 1'000'000'000;

// Throws InvalidInput (422) naming the parameter.
ListRequest read_list_request(const http::RequestContext& context, const http::QueryParams& query,
                              long long default_limit = 100);

// A setup list (JSON documents in its default order) filtered, sorted and
// paged as `list` says, as a JSON array (json/document_selection.hpp).
std::string json_page_of(const ListRequest& list, std::vector<std::string> documents);

// "[doc,doc,...]" from stored JSON documents, without re-serialising them.
std::string json_array_of(const std::vector<std::string>& documents);

}  // namespace maitred::api
