#pragma once
#include "http/handler.hpp"

namespace maitred::api {

// /v1/areas: list, get, create, update, delete.
http::Response list_areas(http::RequestContext& context);
http::Response get_area(http::RequestContext& context);
http::Response create_area(http::RequestContext& context);
http::Response update_area(http::RequestContext& context);
http::Response delete_area(http::RequestContext& context);

}  // namespace maitred::api
