#pragma once
#include "http/handler.hpp"

namespace maitred::api {

// /v1/customFields: list, get, create, update, delete.
http::Response list_custom_fields(http::RequestContext& context);
http::Response get_custom_field(http::RequestContext& context);
http::Response create_custom_field(http::RequestContext& context);
http::Response update_custom_field(http::RequestContext& context);
http::Response delete_custom_field(http::RequestContext& context);

}  // namespace maitred::api
