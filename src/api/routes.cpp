#include "api/routes.hpp"

#include "api/heart.hpp"
#include "api/restaurant.hpp"

namespace maitred::api {

using http::Access;
using http::Method;

http::Router make_router() {
  http::Router router;
  // Health: the same open endpoint under every base path clients use.
  for (const char* path : {"/heart", "/v1/heart", "/api/v1/heart", "/api/v3/heart"}) {
    router.add(Method::get, path, Access::open, heart);
  }
  router.add(Method::get, "/v1/restaurant", Access::api_key, get_restaurant);
  return router;
}

}  // namespace maitred::api
