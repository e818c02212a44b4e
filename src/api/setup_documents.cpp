#include "api/setup_documents.hpp"

#include "api/booking_context.hpp"
#include "json/json_writer.hpp"

namespace maitred::api {

app::SetupService setup_service(const http::RequestContext& context) {
  return {document_writes(context), context.services.clock};
}

app::DocumentWrites document_writes(const http::RequestContext& context) {
  return {context.services.store, context.services.clock, context.caller().restaurant_id, actor_of(context.caller())};
}

namespace {
rapidjson::Document parse(const http::RequestContext& context) {
  return json::parse_body(context.request.body);
}
}  // namespace

BodyReader::BodyReader(const http::RequestContext& context, std::string_view document_id)
    : doc_(parse(context)), reader_(doc_) {
  if (auto id = reader_.optional_string("_id", 64); id && !document_id.empty() && *id != document_id) {
    json::invalid("_id", "The _id in the body differs from the one in the URL; ids cannot be changed.");
  }
  if (auto restaurant = reader_.optional_string("restaurantId", 64);
      restaurant && *restaurant != context.caller().restaurant_id) {
    json::invalid("restaurantId", "restaurantId must be your own restaurant's id.");
  }
  reader_.ignore("createdAt");
  reader_.ignore("updatedAt");
}

http::Response created_id(const std::string& id) {
  return http::Response::json(200, json::quoted(id));
}

http::Response json_true() {
  return http::Response::json(200, "true");
}

}  // namespace maitred::api
