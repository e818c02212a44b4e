#include "api/tables.hpp"

#include <algorithm>

#include "api/setup_documents.hpp"
#include "domain/setup_rules.hpp"

namespace maitred::api {

namespace {

void write_public(json::JsonWriter& out, const domain::Table& table, const std::vector<domain::Area>& areas) {
  auto area = std::ranges::find(areas, table.area_id, &domain::Area::id);
  json::write_table(out, table, area == areas.end() ? nullptr : &*area, true);
}

}  // namespace

http::Response list_tables(http::RequestContext& context) {
  auto& store = context.services.store;
  const auto& restaurant = context.caller().restaurant_id;
  const auto areas = load_all<domain::Area>(store, restaurant);
  return list_response(context, load_all<domain::Table>(store, restaurant),
                       [&](json::JsonWriter& out, const domain::Table& table) { write_public(out, table, areas); });
}

http::Response get_table(http::RequestContext& context) {
  auto& store = context.services.store;
  const auto& restaurant = context.caller().restaurant_id;
  auto table = load_one<domain::Table>(store, restaurant, context.path_param("id"));
  auto areas = load_all<domain::Area>(store, restaurant);
  std::string body;
  json::JsonWriter out(body);
  write_public(out, table, areas);
  return http::Response::json(200, std::move(body));
}

http::Response create_table(http::RequestContext& context) {
  BodyReader body(context);
  if (!body.reader().has("seatsMax")) json::invalid("seatsMax", "'seatsMax' is required.", "missing_field");
  domain::Table table;
  json::apply_table(body.reader(), table);
  body.reader().finish();
  return created_id(setup_service(context).create(std::move(table)));
}

http::Response update_table(http::RequestContext& context) {
  setup_service(context).update<domain::Table>(context.path_param("id"), [&](domain::Table& table) {
    BodyReader body(context, table.id);
    json::apply_table(body.reader(), table);
    body.reader().finish();
  });
  return json_true();
}

http::Response delete_table(http::RequestContext& context) {
  setup_service(context).remove<domain::Table>(context.path_param("id"));
  return json_true();
}

}  // namespace maitred::api
