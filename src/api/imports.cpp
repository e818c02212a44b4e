#include "api/imports.hpp"

#include "api/booking_context.hpp"
#include "api/caller_restaurant.hpp"
#include "app/import_runner.hpp"
#include "core/ids.hpp"
#include "domain/errors.hpp"
#include "http/api_error.hpp"
#include "http/query_params.hpp"
#include "json/import_job_codec.hpp"
#include "store/store.hpp"

namespace maitred::api {

http::Response create_import(http::RequestContext& context) {
  auto* runner = context.services.imports;
  if (runner == nullptr) throw http::ApiError(503, "imports_unavailable", "Imports are not available here.");
  http::QueryParams query(context.request.query);
  const auto type_name = query.get("type").value_or("");
  const auto type = app::import_type_from(type_name);
  if (!type) {
    throw domain::InvalidInput("invalid_parameter", "type", "'type' must be bookings or customers.");
  }
  // Checked whole before the 202: a file of the wrong shape is refused now,
  // not discovered row by row.
  auto sheet = app::read_import_sheet(*type, context.request.body);
  sheet.allow_overbooking = query.get_bool("allowOverbooking", false);
  const auto& caller = context.caller();
  const auto job = runner->submit(restaurant_of(context), actor_of(caller), std::move(sheet));
  auto response = http::Response::json(202, json::import_job_to_json(job));
  // The same dialect's URL: the path this request came to, plus the id.
  response.set_header("Location", std::string(context.request.path) + "/" + job.id);
  return response;
}

http::Response get_import(http::RequestContext& context) {
  const std::string id(context.path_param("id"));
  std::optional<store::Document> stored;
  if (core::is_valid_id(id)) {
    stored = context.services.store.documents().find_document(store::Collection::imports,
                                                              context.caller().restaurant_id, id);
  }
  if (!stored) throw domain::NotFound("not_found", "_id", "There is no import with id '" + id + "'.");
  return http::Response::json(200, stored->json);
}

}  // namespace maitred::api
