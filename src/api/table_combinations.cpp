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
  auto& store = context.services.store;
  auto writes = document_writes(context);
  writes.atomically([&] {
    domain::check_table_combination(combination, load_all<domain::Table>(store, context.caller().restaurant_id));
    combination.id = core::new_id();
    writes.create(document_write(context, combination, json::write_table_combination));
  });
  return created_id(combination.id);
}

http::Response update_table_combination(http::RequestContext& context) {
  auto& store = context.services.store;
  const auto& restaurant = context.caller().restaurant_id;
  auto writes = document_writes(context);
  writes.atomically([&] {
    auto combination = load_one<TableCombination>(store, restaurant, context.path_param("id"));
    const auto before = json::to_json(combination, json::write_table_combination);
    BodyReader body(context, combination.id);
    json::apply_table_combination(body.reader(), combination);
    body.reader().finish();
    domain::check_table_combination(combination, load_all<domain::Table>(store, restaurant));
    writes.update(document_write(context, combination, json::write_table_combination), before);
  });
  return json_true();
}

http::Response delete_table_combination(http::RequestContext& context) {
  auto& store = context.services.store;
  const auto& restaurant = context.caller().restaurant_id;
  auto writes = document_writes(context);
  writes.atomically([&] {
    const std::string id(context.path_param("id"));
    (void)load_for_delete<TableCombination>(store, restaurant, id);  // 404 when there is none
    writes.erase(store::Collection::table_combinations, id);
  });
  return json_true();
}

}  // namespace maitred::api
