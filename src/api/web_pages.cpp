#include "api/web_pages.hpp"

#include <string>

#include "core/check.hpp"
#include "http/api_error.hpp"
#include "http/static_asset.hpp"
#include "web/assets.hpp"

namespace maitred::api {
namespace {

using http::Access;
using http::Method;
using http::RequestContext;
using http::Response;

const web::Asset& required_asset(std::string_view path) {
  const web::Asset* asset = web::find_asset(path);
  MAITRED_CHECK(asset != nullptr, "web/build.mjs did not bundle " + std::string(path));
  return *asset;
}

Response asset(RequestContext& ctx) {
  const std::string path = "/assets/" + std::string(ctx.path_param("name"));
  const web::Asset* found = web::find_asset(path);
  if (found == nullptr) throw http::ApiError(404, "not_found", "There is no such file: " + path);
  return http::asset_response(ctx.request, *found);
}

Response widget(RequestContext& ctx) {
  return http::asset_response(ctx.request, required_asset("/widget.js"));
}

// The same shell for every restaurant: the page reads the slug from its own
// path and asks the public API, which answers 404 for an unknown one. Framed
// by restaurants' sites through the widget, so any ancestor may frame it.
Response booking_page(RequestContext& ctx) {
  Response response = http::asset_response(ctx.request, required_asset("/book"));
  response.set_header("Content-Security-Policy", http::page_security_policy("*"));
  return response;
}

// The guest's manage page (the link in e-mails): one shell for every
// booking; the page reads the token from its own path and asks
// /public/manage/{token}, which answers 404 for a bad one. Never framed. A
// build whose web/ has no manage page yet answers 404 rather than failing.
Response manage_page(RequestContext& ctx) {
  const web::Asset* shell = web::find_asset("/manage");
  if (shell == nullptr) throw http::ApiError(404, "not_found", "The booking management page is not available.");
  Response response = http::asset_response(ctx.request, *shell);
  response.set_header("Content-Security-Policy", http::page_security_policy("'none'"));
  return response;
}

}  // namespace

void add_web_page_routes(http::Router& router) {
  router.add(Method::get, "/assets/{name}", Access::open, asset);
  router.add(Method::get, "/widget.js", Access::open, widget);
  router.add(Method::get, "/book/{slug}", Access::open, booking_page);
  router.add(Method::get, "/manage/{token}", Access::open, manage_page);
}

}  // namespace maitred::api
