#pragma once
#include "http/handler.hpp"

namespace maitred::api {

// /v1/tables: list, get, create, update, delete. Reads embed the area.
http::Response list_tables(http::RequestContext& context);
http::Response get_table(http::RequestContext& context);
http::Response create_table(http::RequestContext& context);
http::Response update_table(http::RequestContext& context);
http::Response delete_table(http::RequestContext& context);

}  // namespace maitred::api
