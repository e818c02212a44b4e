#include "api/table_combinations.hpp"

#include "api/setup_documents.hpp"
#include "domain/setup_rules.hpp"

namespace maitred::api {

using domain::TableCombination;

http::Response list_table_combinations(http::RequestContext& context) {
  return list_response(context, load_all<TableCombination>(context.services.store, context.caller().restaurant_id),
                       json::write_table_combination);
}

http::Response get_table_combination(http::RequestContext& context) {
  auto c = load_one<TableCombination>(context.services.store, context.caller().restaurant_id, context.path_param("id"));
  return http::Response::json(200, json::to_json(c, json::write_table_combination));
}

http::Response create_table_combination(http::RequestContext& context) {
  BodyReader body(context);
  if (!body.reader().has("seatsMax")) json::invalid("seatsMax", "'seatsMax' is required.", "missing_field");
  TableCombination combination;
  json::apply_table_combination(body.reader(), combination);
  body.reader().finish();
  return created_id(setup_service(context).create(std::move(combination)));
}

http::Response update_table_combination(http::RequestContext& context) {
  setup_service(context).update<TableCombination>(context.path_param("id"), [&](TableCombination& combination) {
    BodyReader body(context, combination.id);
    json::apply_table_combination(body.reader(), combination);
    body.reader().finish();
  });
  return json_true();
}

http::Response delete_table_combination(http::RequestContext& context) {
  setup_service(context).remove<TableCombination>(context.path_param("id"));
  return json_true();
}

}  // namespace maitred::api
