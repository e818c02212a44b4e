#pragma once
#include "http/handler.hpp"

namespace maitred::api {

// /v1/tableCombinations: list, get, create, update, delete.
http::Response list_table_combinations(http::RequestContext& context);
http::Response get_table_combination(http::RequestContext& context);
http::Response create_table_combination(http::RequestContext& context);
http::Response update_table_combination(http::RequestContext& context);
http::Response delete_table_combination(http::RequestContext& context);

}  // namespace maitred::api
