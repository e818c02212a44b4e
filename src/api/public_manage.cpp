// The guest's manage link (/public/manage/{token}): no key, the token is the
// secret. An unknown, malformed and expired token get one and the same 404,
// and every lookup counts against the client address's limit, so tokens
// cannot be guessed at speed. Cancelling works even when the restaurant has
// switched online booking off (a guest must always be able to cancel);
// changes are refused then.

#include <string>

#include "api/public_guest.hpp"
#include "app/guest_booking_service.hpp"
#include "domain/guest_booking_rules.hpp"
#include "domain/guest_mail_content.hpp"
#include "domain/ics_invite.hpp"
#include "http/api_error.hpp"
#include "json/json_reader.hpp"
#include "json/public_booking_codec.hpp"
#include "store/store.hpp"

namespace maitred::api {
namespace {

using http::Access;
using http::Method;
using http::RequestContext;
using http::Response;

app::ManagedBooking managed_booking(const RequestContext& ctx) {
  public_limits(ctx).count_manage_lookup(ctx.request.client_address);
  auto found = app::find_managed_booking(ctx.services.store, ctx.services.clock, ctx.path_param("token"));
  if (!found) {
    throw http::ApiError(404, "not_found",
                         "This booking link is not valid (any more). Please use the link in your latest e-mail or "
                         "call the restaurant.");
  }
  return std::move(*found);
}

Response view_of(const RequestContext& ctx, const domain::Restaurant& restaurant, const domain::Booking& booking) {
  const auto now = ctx.services.clock.now();
  return Response::json(200, json::managed_booking_to_json(restaurant, booking,
                                                           domain::guest_permissions(booking, restaurant, now), now));
}

app::BookingContext guest_context(const RequestContext& ctx, const domain::Restaurant& restaurant) {
  return {ctx.services.store, ctx.services.clock, restaurant, guest_actor()};
}

// GET /public/manage/{token}
Response show(RequestContext& ctx) {
  const auto managed = managed_booking(ctx);
  return view_of(ctx, managed.restaurant, managed.booking);
}

// POST /public/manage/{token}/cancel
Response cancel(RequestContext& ctx) {
  const auto managed = managed_booking(ctx);
  const auto now = app::cancel_managed_booking(guest_context(ctx, managed.restaurant), managed.booking);
  return view_of(ctx, managed.restaurant, now);
}

// GET /public/manage/{token}/calendar.ics: the booking as a calendar entry
// to import, made by the same builder as the e-mails' attachment (same UID,
// so it is the same entry), with METHOD:PUBLISH as it is a download.
Response calendar(RequestContext& ctx) {
  const auto managed = managed_booking(ctx);
  auto invite = domain::booking_invite_facts(managed.restaurant, managed.booking, ctx.services.clock.now());
  invite.publish = true;
  invite.cancel = managed.booking.status == "canceled";
  Response response;
  response.status = 200;
  response.body = domain::ics_invite(invite);
  response.set_header("Content-Type", "text/calendar; charset=utf-8");
  response.set_header("Content-Disposition", "attachment; filename=\"booking.ics\"");
  response.set_header("Cache-Control", "no-store");
  return response;
}

// PUT /public/manage/{token} {"date", "time", "people"}: any of them.
Response change(RequestContext& ctx) {
  const auto managed = managed_booking(ctx);
  require_online_booking(managed.restaurant);
  auto body = json::parse_body(ctx.request.body);
  json::ObjectReader in(body);
  app::GuestChange request;
  request.date = in.optional_string("date", 10);
  request.time = in.optional_string("time", 5);
  if (auto people = in.optional_integer("people", 1, 1000)) request.people = static_cast<int>(*people);
  in.finish();
  const auto now = app::change_managed_booking(guest_context(ctx, managed.restaurant), managed.booking, request);
  return view_of(ctx, managed.restaurant, now);
}

}  // namespace

void add_public_manage_routes(http::Router& router) {
  router.add(Method::get, "/public/manage/{token}", Access::open, show);
  router.add(Method::put, "/public/manage/{token}", Access::open, change);
  router.add(Method::post, "/public/manage/{token}/cancel", Access::open, cancel);
  router.add(Method::get, "/public/manage/{token}/calendar.ics", Access::open, calendar);
}

}  // namespace maitred::api
