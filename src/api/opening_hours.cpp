#include "api/opening_hours.hpp"

#include "api/setup_documents.hpp"
#include "domain/setup_rules.hpp"
#include "http/query_params.hpp"

namespace maitred::api {

using domain::OpeningHour;

http::Response list_opening_hours(http::RequestContext& context) {
  http::QueryParams query(context.request.query);
  const bool show_deleted = query.get_bool("showDeleted", false);
  const bool only_special = query.get_bool("onlySpecial", false);
  const auto type = query.get("type");
  auto hours = load_all<OpeningHour>(context.services.store, context.caller().restaurant_id, show_deleted);
  std::erase_if(hours, [&](const OpeningHour& h) {
    return (only_special && !h.special) || (type && !type->empty() && h.type != *type);
  });
  return list_response(context, hours, json::write_opening_hour);
}

http::Response get_opening_hour(http::RequestContext& context) {
  auto h = load_one<OpeningHour>(context.services.store, context.caller().restaurant_id, context.path_param("id"));
  return http::Response::json(200, json::to_json(h, json::write_opening_hour));
}

http::Response create_opening_hour(http::RequestContext& context) {
  BodyReader body(context);
  auto& in = body.reader();
  OpeningHour hour;
  json::apply_opening_hour(in, hour);
  in.finish();
  if (!hour.special && !in.has("day"))
    json::invalid("day", "'day' is required for a recurring service.", "missing_field");
  if ((!hour.special || hour.is_open) && (!in.has("open") || !in.has("close"))) {
    json::invalid(in.has("open") ? "close" : "open", "'open' and 'close' are required.", "missing_field");
  }
  return created_id(setup_service(context).create(std::move(hour)));
}

http::Response update_opening_hour(http::RequestContext& context) {
  setup_service(context).update<OpeningHour>(context.path_param("id"), [&](OpeningHour& hour) {
    BodyReader body(context, hour.id);
    json::apply_opening_hour(body.reader(), hour);
    body.reader().finish();
  });
  return json_true();
}

http::Response delete_opening_hour(http::RequestContext& context) {
  setup_service(context).remove<OpeningHour>(context.path_param("id"));
  return json_true();
}

}  // namespace maitred::api
