#include "api/bookings.hpp"

#include "api/booking_context.hpp"
#include "api/list_request.hpp"
#include "api/setup_documents.hpp"
#include "app/booking_service.hpp"
#include "core/crypto.hpp"
#include "core/ids.hpp"
#include "core/utf8.hpp"
#include "domain/date_time_bounds.hpp"
#include "domain/search_expression.hpp"
#include "domain/sort_spec.hpp"
#include "http/api_error.hpp"
#include "http/query_params.hpp"
#include "json/booking_codec.hpp"
#include "store/store.hpp"

namespace maitred::api {

namespace {

constexpr std::size_t kMaxIdempotencyKey = 200;

std::optional<core::SystemTime> bound(const http::QueryParams& query, const char* name, std::string_view zone,
                                      domain::Bound which) {
  auto text = query.get(name);
  if (!text || text->empty()) return std::nullopt;
  auto instant = domain::parse_date_time_bound(*text, zone, which);
  if (!instant) {
    throw domain::InvalidInput("invalid_parameter", name,
                               std::string("'") + name +
                                   "' must be a date (2026-01-20), a date-time with Z or an offset, or a local "
                                   "date-time (2026-01-20T18:00:00).");
  }
  return instant;
}

std::string text_of(http::RequestContext& context) {
  auto body = json::parse_body(context.request.body);
  json::ObjectReader in(body);
  auto text = in.required_string("text", 5000);
  if (text.find_first_not_of(" \t\r\n") == std::string::npos) json::invalid("text", "'text' must not be empty.");
  in.finish();
  return text;
}

}  // namespace

http::Response list_bookings(http::RequestContext& context) {
  const auto restaurant = restaurant_of(context);
  http::QueryParams query(context.request.query);
  store::BookingQuery q;
  q.restaurant_id = restaurant.id;
  q.from = bound(query, "fromDateTime", restaurant.timezone, domain::Bound::from);
  q.to = bound(query, "toDateTime", restaurant.timezone, domain::Bound::to);
  q.only_confirmed = query.get_bool("onlyConfirmed", false);
  auto list = read_list_request(context, query);
  q.limit = list.limit;
  q.skip = list.skip;
  q.filter = &list.filter;
  q.sort = &list.sort;
  return http::Response::json(200, json_array_of(context.services.store.bookings().list_booking_documents(q)));
}

http::Response get_booking(http::RequestContext& context) {
  std::string id(context.path_param("id"));
  std::optional<domain::Booking> booking;
  if (core::is_valid_id(id))
    booking = context.services.store.bookings().find_booking(context.caller().restaurant_id, id);
  if (!booking) throw domain::NotFound("not_found", "_id", "There is no booking with id '" + id + "'.");
  return http::Response::json(200, json::booking_to_json(*booking));
}

http::Response create_booking(http::RequestContext& context) {
  const auto restaurant = restaurant_of(context);
  BodyReader body(context);
  auto changes = json::read_booking_changes(body.reader());
  body.reader().finish();
  std::optional<app::IdempotentRequest> idempotency;
  if (auto key = context.request.header("Idempotency-Key"); !key.empty()) {
    if (key.size() > kMaxIdempotencyKey) {
      throw domain::InvalidInput("invalid_header", "Idempotency-Key", "Idempotency-Key is longer than 200 characters.");
    }
    if (!core::is_valid_utf8(key)) {
      throw domain::InvalidInput("invalid_header", "Idempotency-Key", "Idempotency-Key is not valid UTF-8.");
    }
    idempotency = app::IdempotentRequest{std::string(key), core::to_hex(core::sha256(context.request.body))};
  }
  auto created = app::create_booking(booking_context(context, restaurant), changes, idempotency);
  auto response = created_id(created.id);
  if (created.replayed) response.set_header("Idempotent-Replayed", "true");
  return response;
}

http::Response update_booking(http::RequestContext& context) {
  const auto restaurant = restaurant_of(context);
  std::string id(context.path_param("id"));
  BodyReader body(context, id);
  auto changes = json::read_booking_changes(body.reader());
  body.reader().finish();
  app::update_booking(booking_context(context, restaurant), id, changes);
  return json_true();
}

http::Response delete_booking(http::RequestContext& context) {
  const auto restaurant = restaurant_of(context);
  app::erase_booking(booking_context(context, restaurant), std::string(context.path_param("id")));
  http::Response response;
  response.status = 204;
  return response;
}

http::Response booking_history(http::RequestContext& context) {
  std::string id(context.path_param("id"));
  auto& store = context.services.store;
  if (!core::is_valid_id(id) || !store.bookings().find_booking(context.caller().restaurant_id, id)) {
    throw domain::NotFound("not_found", "_id", "There is no booking with id '" + id + "'.");
  }
  return http::Response::json(200, json_array_of(store.bookings().booking_history(context.caller().restaurant_id, id)));
}

http::Response add_restaurant_note(http::RequestContext& context) {
  const auto restaurant = restaurant_of(context);
  auto text = text_of(context);
  auto id = app::add_restaurant_note(booking_context(context, restaurant), std::string(context.path_param("id")), text,
                                     "API");
  return created_id(id);
}

http::Response add_booking_comment(http::RequestContext& context) {
  const auto restaurant = restaurant_of(context);
  auto text = text_of(context);
  auto id = app::add_comment(booking_context(context, restaurant), std::string(context.path_param("id")), text);
  return created_id(id);
}

}  // namespace maitred::api
