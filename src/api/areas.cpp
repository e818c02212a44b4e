#include "api/areas.hpp"

#include <algorithm>

#include "api/setup_documents.hpp"
#include "domain/setup_rules.hpp"

namespace maitred::api {

namespace {

std::string area_json(const domain::Area& area) {
  return json::to_json(area, json::write_area);
}

}  // namespace

http::Response list_areas(http::RequestContext& context) {
  return list_response(context, load_all<domain::Area>(context.services.store, context.caller().restaurant_id),
                       json::write_area);
}

http::Response get_area(http::RequestContext& context) {
  auto area = load_one<domain::Area>(context.services.store, context.caller().restaurant_id, context.path_param("id"));
  return http::Response::json(200, area_json(area));
}

http::Response create_area(http::RequestContext& context) {
  BodyReader body(context);
  domain::Area area;
  json::apply_area(body.reader(), area);
  body.reader().finish();
  return created_id(setup_service(context).create(std::move(area)));
}

http::Response update_area(http::RequestContext& context) {
  setup_service(context).update<domain::Area>(context.path_param("id"), [&](domain::Area& area) {
    BodyReader body(context, area.id);
    json::apply_area(body.reader(), area);
    body.reader().finish();
  });
  return json_true();
}

http::Response delete_area(http::RequestContext& context) {
  setup_service(context).remove<domain::Area>(context.path_param("id"));
  return json_true();
}

}  // namespace maitred::api
