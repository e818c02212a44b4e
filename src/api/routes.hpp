#pragma once
// The whole URL space of the API, in one table.

#include "http/router.hpp"

namespace maitred::api {

http::Router make_router();

}  // namespace maitred::api
