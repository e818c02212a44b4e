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
  auto& store = context.services.store;
  auto writes = document_writes(context);
  writes.atomically([&] {
    domain::check_custom_field(field, load_all<domain::OpeningHour>(store, context.caller().restaurant_id, true));
    field.id = core::new_id();
    writes.create(document_write(context, field, json::write_custom_field));
  });
  return created_id(field.id);
}

http::Response update_custom_field(http::RequestContext& context) {
  auto& store = context.services.store;
  const auto& restaurant = context.caller().restaurant_id;
  auto writes = document_writes(context);
  writes.atomically([&] {
    auto field = load_one<CustomField>(store, restaurant, context.path_param("id"));
    const auto before = json::to_json(field, json::write_custom_field);
    BodyReader body(context, field.id);
    json::apply_custom_field(body.reader(), field);
    body.reader().finish();
    domain::check_custom_field(field, load_all<domain::OpeningHour>(store, restaurant, true));
    writes.update(document_write(context, field, json::write_custom_field), before);
  });
  return json_true();
}

http::Response delete_custom_field(http::RequestContext& context) {
  auto& store = context.services.store;
  const auto& restaurant = context.caller().restaurant_id;
  auto writes = document_writes(context);
  writes.atomically([&] {
    const std::string id(context.path_param("id"));
    (void)load_for_delete<CustomField>(store, restaurant, id);  // 404 when there is none
    // Bookings keep their answers with the field's name copied in.
    writes.erase(store::Collection::custom_fields, id);
  });
  return json_true();
}

}  // namespace maitred::api
