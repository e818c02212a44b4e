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
  domain::check_area(area);
  area.id = core::new_id();
  document_writes(context).create(document_write(context, area, json::write_area));
  return created_id(area.id);
}

http::Response update_area(http::RequestContext& context) {
  auto& store = context.services.store;
  const auto& restaurant = context.caller().restaurant_id;
  auto writes = document_writes(context);
  writes.atomically([&] {
    auto area = load_one<domain::Area>(store, restaurant, context.path_param("id"));
    const auto before = json::to_json(area, json::write_area);
    BodyReader body(context, area.id);
    json::apply_area(body.reader(), area);
    body.reader().finish();
    domain::check_area(area);
    writes.update(document_write(context, area, json::write_area), before);
  });
  return json_true();
}

http::Response delete_area(http::RequestContext& context) {
  auto& store = context.services.store;
  const auto& restaurant = context.caller().restaurant_id;
  auto writes = document_writes(context);
  writes.atomically([&] {
    const std::string id(context.path_param("id"));
    const auto area = load_for_delete<domain::Area>(store, restaurant, id);
    const std::string name = area ? area->name : id;
    domain::check_area_unused(id, name, load_all<domain::Table>(store, restaurant),
                              load_all<domain::OpeningHour>(store, restaurant));
    writes.erase(store::Collection::areas, id);
  });
  return json_true();
}

}  // namespace maitred::api
