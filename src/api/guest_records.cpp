#include "api/guest_records.hpp"

#include "api/list_request.hpp"
#include "api/setup_documents.hpp"
#include "http/query_params.hpp"
#include "json/customer_codec.hpp"

namespace maitred::api {

namespace {

// GET of a collection with the list conventions of SPEC.md section 4.
http::Response list(http::RequestContext& context, store::Collection collection) {
  http::QueryParams query(context.request.query);
  auto list = read_list_request(context, query);
  store::DocumentQuery q;
  q.collection = collection;
  q.restaurant_id = context.caller().restaurant_id;
  q.limit = list.limit;
  q.skip = list.skip;
  q.filter = &list.filter;
  q.sort = &list.sort;
  return http::Response::json(200, json_array_of(context.services.store.documents().query_documents(q)));
}

http::Response get(http::RequestContext& context, store::Collection collection, const char* noun) {
  std::string id(context.path_param("id"));
  std::optional<store::Document> doc;
  if (core::is_valid_id(id))
    doc = context.services.store.documents().find_document(collection, context.caller().restaurant_id, id);
  if (!doc) throw domain::NotFound("not_found", "_id", std::string("There is no ") + noun + " with id '" + id + "'.");
  return http::Response::json(200, doc->json);
}

// Orders and feedback belong to a booking of the caller's restaurant.
void require_booking(http::RequestContext& context, const std::string& booking_id) {
  if (booking_id.empty()) json::invalid("bookingId", "'bookingId' is required.", "missing_field");
  if (!core::is_valid_id(booking_id) ||
      !context.services.store.bookings().find_booking(context.caller().restaurant_id, booking_id)) {
    throw domain::NotFound("unknown_reference", "bookingId", "There is no booking with id '" + booking_id + "'.");
  }
}

store::DocumentWrite write_of(http::RequestContext& context, store::Collection collection, const std::string& id,
                              std::string json) {
  return {collection, context.caller().restaurant_id, id, std::move(json), std::nullopt,
          false,      context.services.clock.now()};
}

}  // namespace

http::Response list_customers(http::RequestContext& context) {
  return list(context, store::Collection::customers);
}
http::Response get_customer(http::RequestContext& context) {
  return get(context, store::Collection::customers, "customer");
}
http::Response list_orders(http::RequestContext& context) {
  return list(context, store::Collection::orders);
}
http::Response get_order(http::RequestContext& context) {
  return get(context, store::Collection::orders, "order");
}
http::Response list_feedback(http::RequestContext& context) {
  return list(context, store::Collection::feedback);
}
http::Response get_feedback(http::RequestContext& context) {
  return get(context, store::Collection::feedback, "feedback");
}

http::Response create_order(http::RequestContext& context) {
  BodyReader body(context);
  domain::Order order;
  json::apply_order(body.reader(), order);
  body.reader().finish();
  if (order.items.empty()) json::invalid("items", "An order needs at least one item.", "missing_field");
  order.id = core::new_id();
  order.created_at = context.services.clock.now();
  auto writes = document_writes(context);
  writes.atomically([&] {
    require_booking(context, order.booking_id);
    writes.create(write_of(context, store::Collection::orders, order.id, json::order_to_json(order)));
  });
  return created_id(order.id);
}

http::Response create_feedback(http::RequestContext& context) {
  BodyReader body(context);
  if (!body.reader().has("rating")) json::invalid("rating", "'rating' is required (1 to 5).", "missing_field");
  domain::Feedback feedback;
  json::apply_feedback(body.reader(), feedback);
  body.reader().finish();
  feedback.id = core::new_id();
  feedback.created_at = context.services.clock.now();
  auto writes = document_writes(context);
  writes.atomically([&] {
    require_booking(context, feedback.booking_id);
    writes.create(write_of(context, store::Collection::feedback, feedback.id, json::feedback_to_json(feedback)));
  });
  return created_id(feedback.id);
}

}  // namespace maitred::api
