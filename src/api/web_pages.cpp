#include "api/web_pages.hpp"

#include <optional>
#include <string>

#include "core/check.hpp"
#include "domain/public_page_rules.hpp"
#include "http/api_error.hpp"
#include "http/static_asset.hpp"
#include "json/public_booking_codec.hpp"
#include "store/store.hpp"
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

// Where the server writes the restaurant into the booking page.
constexpr std::string_view kRestaurantMarker = "@@RESTAURANT@@";

// The restaurant as JSON that is safe inside a <script> element: no "<",
// so no "</script>" can end it early ("\u003c" means the same to JSON).
std::string script_safe(std::string json) {
  std::string out;
  out.reserve(json.size());
  for (char c : json) {
    if (c == '<') {
      out += "\\u003c";
    } else {
      out += c;
    }
  }
  return out;
}

// The booking page with the restaurant written into it, so the first step
// needs no second request (docs/ARCHITECTURE.md, "Web front ends"). Framed
// by restaurants' sites through the widget, so any ancestor may frame it. An
// unknown slug gets the same page with no restaurant and a 404: the page
// then asks the public API, whose answer explains.
Response booking_page(RequestContext& ctx) {
  const web::Asset& page = required_asset("/book");
  const std::string_view slug = ctx.path_param("slug");
  std::optional<domain::Restaurant> restaurant;
  if (domain::is_valid_slug(slug)) restaurant = ctx.services.store.restaurants().find_restaurant_by_slug(slug);
  const std::string data =
      restaurant ? script_safe(json::public_restaurant_to_json(*restaurant, ctx.services.clock.now())) : "null";

  std::string_view shell = page.identity.view();
  const auto at = shell.find(kRestaurantMarker);
  MAITRED_CHECK(at != std::string_view::npos, "web/booking/index.html has the restaurant marker");
  Response response;
  response.status = restaurant ? 200 : 404;
  response.body.reserve(shell.size() + data.size());
  response.body.append(shell.substr(0, at)).append(data).append(shell.substr(at + kRestaurantMarker.size()));
  response.set_header("Content-Type", std::string(page.content_type));
  response.set_header("Cache-Control", "no-cache");
  response.set_header("X-Content-Type-Options", "nosniff");
  response.set_header("Referrer-Policy", "no-referrer");
  response.set_header("Content-Security-Policy", http::page_security_policy(page, "*"));
  return response;
}

// The guest's manage page (the link in e-mails): one shell for every
// booking; the page reads the token from its own path and asks
// /public/manage/{token}, which answers 404 for a bad one. Never framed, and
// its address is a credential: no referrer.
Response manage_page(RequestContext& ctx) {
  Response response = http::asset_response(ctx.request, required_asset("/manage"));
  response.set_header("Content-Security-Policy", http::page_security_policy(required_asset("/manage"), "'none'"));
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
