#include "app/document_writes.hpp"

#include "app/record_event.hpp"
#include "json/document_diff.hpp"

namespace maitred::app {

namespace {

// updatedAt moves on every write: not a change of its own.
std::string changes_between(std::string_view before, std::string_view after) {
  return json::document_changes(before, after, {"updatedAt"});
}

}  // namespace

std::string_view event_resource(store::Collection collection) {
  switch (collection) {
    case store::Collection::areas: return "area";
    case store::Collection::tables: return "table";
    case store::Collection::table_combinations: return "table_combination";
    case store::Collection::opening_hours: return "opening_hour";
    case store::Collection::custom_fields: return "custom_field";
    case store::Collection::customers: return "customer";
    case store::Collection::orders: return "order";
    case store::Collection::feedback: return "feedback";
    case store::Collection::holds: return "hold";
    case store::Collection::imports: return "import";
    case store::Collection::webhooks: return "webhook";
  }
  return "document";
}

void DocumentWrites::create(store::DocumentWrite write) {
  write.restaurant_id = restaurant_id_;
  write.at = clock_.now();
  atomically([&] {
    store_.documents().insert_document(write);
    record(write.collection, "created", write.id);
  });
}

void DocumentWrites::update(store::DocumentWrite write, std::string_view before) {
  write.restaurant_id = restaurant_id_;
  write.at = clock_.now();
  atomically([&] {
    store_.documents().update_document(write);
    auto changes = changes_between(before, write.json);
    if (!changes.empty()) record(write.collection, "updated", write.id, std::move(changes));
  });
}

void DocumentWrites::soft_delete(store::DocumentWrite write) {
  write.restaurant_id = restaurant_id_;
  write.at = clock_.now();
  write.deleted = true;
  atomically([&] {
    store_.documents().update_document(write);
    record(write.collection, "deleted", write.id);
  });
}

bool DocumentWrites::erase(store::Collection collection, const std::string& id) {
  bool erased = false;
  atomically([&] {
    erased = store_.documents().erase_document(collection, restaurant_id_, id);
    if (erased) record(collection, "deleted", id);
  });
  return erased;
}

void DocumentWrites::record_update(std::string type, const std::string& id, std::string_view before,
                                   std::string_view after) {
  auto changes = changes_between(before, after);
  if (!changes.empty()) record_event({store_, clock_, actor_, restaurant_id_}, std::move(type), id, std::move(changes));
}

void DocumentWrites::record(store::Collection collection, std::string_view what, const std::string& id,
                            std::string changes) {
  record_event({store_, clock_, actor_, restaurant_id_},
               std::string(event_resource(collection)) + "." + std::string(what), id, std::move(changes));
}

}  // namespace maitred::app
