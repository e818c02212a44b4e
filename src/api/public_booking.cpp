#include "api/public_booking.hpp"

#include <algorithm>
#include <chrono>
#include <functional>
#include <optional>
#include <string>

#include "api/booking_flow.hpp"
#include "api/public_guest.hpp"
#include "api/public_limits.hpp"
#include "app/guest_booking_service.hpp"
#include "app/hold_service.hpp"
#include "core/check.hpp"
#include "domain/errors.hpp"
#include "domain/public_page_rules.hpp"
#include "http/api_error.hpp"
#include "http/error_mapping.hpp"
#include "http/query_params.hpp"
#include "json/custom_field_answers.hpp"
#include "json/json_reader.hpp"
#include "json/public_booking_codec.hpp"
#include "store/store.hpp"

namespace maitred::api {

const app::Actor& guest_actor() {
  static const app::Actor guest{"guest", ""};
  return guest;
}

void require_online_booking(const domain::Restaurant& restaurant) {
  if (!restaurant.booking_rules.online_booking) {
    throw http::ApiError(
        403, "online_booking_disabled",
        restaurant.name + " does not take bookings online at the moment. Please call " +
            (restaurant.contact.phone.empty() ? std::string("the restaurant") : restaurant.contact.phone) + ".");
  }
}

PublicLimits& public_limits(const http::RequestContext& ctx) {
  MAITRED_CHECK(ctx.services.public_limits != nullptr, "the server wires the public booking limits");
  return *ctx.services.public_limits;
}

namespace {

using http::Access;
using http::Method;
using http::RequestContext;
using http::Response;

// The restaurant at /public/{slug}; an unknown slug and a malformed one get
// the same 404, so the answer tells nothing about which slugs exist beyond
// the one asked for.
domain::Restaurant restaurant_at(const RequestContext& ctx) {
  const std::string_view slug = ctx.path_param("slug");
  std::optional<domain::Restaurant> restaurant;
  if (domain::is_valid_slug(slug)) restaurant = ctx.services.store.restaurants().find_restaurant_by_slug(slug);
  if (!restaurant) {
    throw http::ApiError(404, "not_found", "There is no restaurant at this address: check the link.");
  }
  return std::move(*restaurant);
}

PublicLimits& limits(const RequestContext& ctx) {
  return public_limits(ctx);
}

// CORS (Fetch standard): only the origins the restaurant lists may read the
// answers from their own pages. Caches must keep answers per Origin.
void allow_origin(const http::Request& request, const domain::Restaurant& restaurant, Response& response) {
  response.set_header("Vary", "Origin");
  const std::string_view origin = request.header("Origin");
  if (origin.empty()) return;
  if (std::ranges::find(restaurant.allowed_origins, origin) == restaurant.allowed_origins.end()) return;
  response.set_header("Access-Control-Allow-Origin", std::string(origin));
}

using PublicHandler = std::function<Response(RequestContext&, const domain::Restaurant&)>;

// A public route: finds the restaurant, checks that it books online (unless
// `always` — its info says itself whether it does), and answers with the
// CORS headers of that restaurant, errors included (a browser hides an
// error without them from the page that must show it).
http::Handler public_route(PublicHandler handler, bool always = false) {
  return [handler = std::move(handler), always](RequestContext& ctx) {
    std::optional<domain::Restaurant> restaurant;
    Response response;
    try {
      restaurant = restaurant_at(ctx);
      if (!always) require_online_booking(*restaurant);
      response = handler(ctx, *restaurant);
    } catch (...) {
      response = http::response_for_exception(std::current_exception(), ctx.request_id);
    }
    if (restaurant) allow_origin(ctx.request, *restaurant, response);
    return response;
  };
}

// The CORS preflight of a public route: what the page may send.
Response preflight(RequestContext& ctx) {
  Response response;
  response.status = 204;
  try {
    const auto restaurant = restaurant_at(ctx);
    allow_origin(ctx.request, restaurant, response);
  } catch (const http::ApiError&) {
    // An unknown restaurant allows no origin; the browser then blocks.
  }
  if (!response.header("Access-Control-Allow-Origin").empty()) {
    response.set_header("Access-Control-Allow-Methods", "GET, POST, PUT, DELETE");
    response.set_header("Access-Control-Allow-Headers", "Content-Type");
    response.set_header("Access-Control-Max-Age", "600");
  }
  return response;
}

app::BookingContext guest_context(RequestContext& ctx, const domain::Restaurant& restaurant) {
  return {ctx.services.store, ctx.services.clock, restaurant, guest_actor()};
}

Response restaurant_info(RequestContext& ctx, const domain::Restaurant& restaurant) {
  return Response::json(200, json::public_restaurant_to_json(restaurant, ctx.services.clock.now()));
}

int required_people(const http::QueryParams& query) {
  if (!query.get("people")) json::invalid("people", "'people' is required.", "missing_parameter");
  return static_cast<int>(query.get_integer("people", 2, 1, 1000));
}

// GET /public/{slug}/dates?fromDate=&toDate=[&people=]: as /v1/bookingFlow/dates.
Response dates(RequestContext& ctx, const domain::Restaurant& restaurant) {
  http::QueryParams query(ctx.request.query);
  const auto from = required_date(query, "fromDate");
  const auto to = required_date(query, "toDate");
  std::optional<int> people;
  if (query.get("people")) people = required_people(query);
  return dates_answer(ctx, restaurant, from, to, people);
}

// GET /public/{slug}/times?date=&people=: as /v1/bookingFlow/times, always
// with the online rules (online tables, party size, notice, days ahead).
Response times(RequestContext& ctx, const domain::Restaurant& restaurant) {
  http::QueryParams query(ctx.request.query);
  domain::AvailabilityRequest request;
  request.day = required_date(query, "date");
  request.people = required_people(query);
  request.only_bookable_online = true;
  return times_answer(ctx, restaurant, request);
}

// POST /public/{slug}/holds {"date", "time", "people"}.
Response hold(RequestContext& ctx, const domain::Restaurant& restaurant) {
  auto body = json::parse_body(ctx.request.body);
  json::ObjectReader in(body);
  app::HoldRequest request;
  request.date = in.required_string("date", 10);
  request.time = in.required_string("time", 5);
  request.people = static_cast<int>(in.required_integer("people", 1, 1000));
  in.finish();
  limits(ctx).count_hold(ctx.request.client_address, restaurant.id);
  const auto placed = app::place_hold(guest_context(ctx, restaurant), request);
  return Response::json(200, json::public_hold_to_json(placed, ctx.services.clock.now()));
}

// DELETE /public/{slug}/holds/{id}: the guest went back.
Response release(RequestContext& ctx, const domain::Restaurant& restaurant) {
  const std::string id(ctx.path_param("id"));
  if (!app::release_hold(guest_context(ctx, restaurant), id)) {
    throw domain::NotFound("not_found", "_id", "This table is no longer held for you.");
  }
  return Response::json(200, "true");
}

// POST /public/{slug}/bookings: the guest confirms the hold with their
// details. The contact limit counts only attempts that passed the form's
// checks (the use case calls it), so a typo does not use up the day.
Response confirm(RequestContext& ctx, const domain::Restaurant& restaurant) {
  auto body = json::parse_body(ctx.request.body);
  json::ObjectReader in(body);
  app::GuestBookingRequest request;
  request.hold_id = in.required_string("holdId", 64);
  if (auto guest = in.optional_object("guest")) {
    request.name = guest->optional_string("name", 200).value_or("");
    request.email = guest->optional_string("email", 254).value_or("");
    request.phone = guest->optional_string("phone", 40).value_or("");
    guest->finish();
  }
  request.comment = in.optional_string("comment", 2000).value_or("");
  if (const auto* answers = in.raw("customFields")) request.custom_fields = json::read_custom_field_drafts(*answers);
  request.language_code = in.optional_string("languageCode", 10);
  request.consent = in.optional_bool("consent").value_or(false);
  request.website = in.optional_string("website", 1000).value_or("");
  in.finish();
  auto& guard = limits(ctx);
  const app::GuestBookingGuards guards{
      std::chrono::duration_cast<std::chrono::milliseconds>(guard.settings().minimum_fill_time),
      [&](std::string_view email, std::string_view phone) { guard.count_booking(restaurant.id, email, phone); }};
  const auto confirmed = app::confirm_hold(guest_context(ctx, restaurant), request, guards);
  return Response::json(200, json::confirmed_booking_to_json(confirmed.booking, confirmed.manage_token));
}

}  // namespace

void add_public_booking_routes(http::Router& router) {
  const auto add = [&router](Method method, const std::string& path, http::Handler handler) {
    router.add(method, path, Access::open, std::move(handler));
  };
  add(Method::get, "/public/{slug}/restaurant", public_route(restaurant_info, /*always=*/true));
  add(Method::get, "/public/{slug}/dates", public_route(dates));
  add(Method::get, "/public/{slug}/times", public_route(times));
  add(Method::post, "/public/{slug}/holds", public_route(hold));
  add(Method::del, "/public/{slug}/holds/{id}", public_route(release));
  add(Method::post, "/public/{slug}/bookings", public_route(confirm));
  for (const char* path : {"/public/{slug}/restaurant", "/public/{slug}/dates", "/public/{slug}/times",
                           "/public/{slug}/holds", "/public/{slug}/holds/{id}", "/public/{slug}/bookings"}) {
    add(Method::options, path, preflight);
  }
  add_public_manage_routes(router);
}

}  // namespace maitred::api
