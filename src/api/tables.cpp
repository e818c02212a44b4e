#include "api/tables.hpp"

#include <algorithm>

#include "api/setup_documents.hpp"
#include "domain/setup_rules.hpp"

namespace maitred::api {

namespace {

void write_stored(json::JsonWriter& out, const domain::Table& table) {
  json::write_table(out, table, nullptr, false);
}

void write_public(json::JsonWriter& out, const domain::Table& table, const std::vector<domain::Area>& areas) {
  auto area = std::ranges::find(areas, table.area_id, &domain::Area::id);
  json::write_table(out, table, area == areas.end() ? nullptr : &*area, true);
}

// Inserts (no `before`) or updates, turning a clash on the unique name into
// a clear 422.
void save(http::RequestContext& context, app::DocumentWrites& writes, const domain::Table& table,
          const std::optional<std::string>& before) {
  auto write = document_write(context, table, write_stored, domain::table_unique_key(table));
  try {
    if (!before)
      writes.create(write);
    else
      writes.update(write, *before);
  } catch (const store::StoreError& e) {
    if (e.kind != store::StoreError::Kind::conflict) throw;
    throw domain::InvalidInput("duplicate_name", "name", "A table named '" + table.name + "' already exists.");
  }
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
  auto& store = context.services.store;
  auto writes = document_writes(context);
  writes.atomically([&] {
    auto areas = load_all<domain::Area>(store, context.caller().restaurant_id);
    domain::check_table(table, areas);
    table.id = core::new_id();
    save(context, writes, table, std::nullopt);
  });
  return created_id(table.id);
}

http::Response update_table(http::RequestContext& context) {
  auto& store = context.services.store;
  const auto& restaurant = context.caller().restaurant_id;
  auto writes = document_writes(context);
  writes.atomically([&] {
    auto table = load_one<domain::Table>(store, restaurant, context.path_param("id"));
    const auto before = json::to_json(table, write_stored);
    BodyReader body(context, table.id);
    json::apply_table(body.reader(), table);
    body.reader().finish();
    domain::check_table(table, load_all<domain::Area>(store, restaurant));
    save(context, writes, table, before);
  });
  return json_true();
}

http::Response delete_table(http::RequestContext& context) {
  auto& store = context.services.store;
  const auto& restaurant = context.caller().restaurant_id;
  auto writes = document_writes(context);
  writes.atomically([&] {
    const std::string id(context.path_param("id"));
    const auto table = load_for_delete<domain::Table>(store, restaurant, id);
    const std::string name = table ? table->name : id;
    // Bookings already under way count too: start a day back.
    const auto since = context.services.clock.now() - std::chrono::hours{24};
    domain::check_table_unused(id, name, load_all<domain::TableCombination>(store, restaurant),
                               store.bookings().count_bookings_holding_table(restaurant, id, since));
    writes.erase(store::Collection::tables, id);
  });
  return json_true();
}

}  // namespace maitred::api
