#include "api/custom_fields.hpp"

#include <algorithm>

#include "api/setup_documents.hpp"
#include "domain/setup_rules.hpp"

namespace maitred::api {

using domain::CustomField;

http::Response list_custom_fields(http::RequestContext& context) {
  auto fields = load_all<CustomField>(context.services.store, context.caller().restaurant_id);
  std::ranges::stable_sort(fields, {}, &CustomField::sort_index);
  return list_response(context, fields, json::write_custom_field);
}

http::Response get_custom_field(http::RequestContext& context) {
  auto f = load_one<CustomField>(context.services.store, context.caller().restaurant_id, context.path_param("id"));
  return http::Response::json(200, json::to_json(f, json::write_custom_field));
}

http::Response create_custom_field(http::RequestContext& context) {
  BodyReader body(context);
  CustomField field;
  json::apply_custom_field(body.reader(), field);
  body.reader().finish();
  return created_id(setup_service(context).create(std::move(field)));
}

http::Response update_custom_field(http::RequestContext& context) {
  setup_service(context).update<CustomField>(context.path_param("id"), [&](CustomField& field) {
    BodyReader body(context, field.id);
    json::apply_custom_field(body.reader(), field);
    body.reader().finish();
  });
  return json_true();
}

http::Response delete_custom_field(http::RequestContext& context) {
  setup_service(context).remove<CustomField>(context.path_param("id"));
  return json_true();
}

}  // namespace maitred::api
