#include "app/setup_service.hpp"

#include <chrono>

#include "app/setup_kinds.hpp"
#include "core/ids.hpp"
#include "domain/errors.hpp"
#include "domain/setup_rules.hpp"
#include "store/store.hpp"

namespace maitred::app {

namespace {

// Each kind's check before a save: the document against what it refers to.
void check(store::Store&, const std::string&, domain::Area& area) {
  domain::check_area(area);
}
void check(store::Store& store, const std::string& restaurant, domain::Table& table) {
  domain::check_table(table, load_all<domain::Area>(store, restaurant));
}
void check(store::Store& store, const std::string& restaurant, domain::TableCombination& combination) {
  domain::check_table_combination(combination, load_all<domain::Table>(store, restaurant));
}
void check(store::Store& store, const std::string& restaurant, domain::OpeningHour& hour) {
  domain::check_opening_hour(hour, load_all<domain::Area>(store, restaurant));
}
void check(store::Store& store, const std::string& restaurant, domain::CustomField& field) {
  // Deleted services count: a field may still name one bookings were made in.
  domain::check_custom_field(field, load_all<domain::OpeningHour>(store, restaurant, true));
}

template <typename Doc>
store::DocumentWrite write_of(const Doc& doc) {
  store::DocumentWrite write;
  write.collection = SetupKind<Doc>::collection;
  write.id = doc.id;
  write.json = stored_json(doc);
  if constexpr (std::is_same_v<Doc, domain::Table>) write.unique_key = domain::table_unique_key(doc);
  if constexpr (requires { doc.deleted; }) write.deleted = doc.deleted;
  return write;
}

// Inserts (no `before`) or updates; a table's name clash is a clear 422.
template <typename Doc>
void save(DocumentWrites& writes, const Doc& doc, const std::string* before) {
  try {
    if (before == nullptr)
      writes.create(write_of(doc));
    else
      writes.update(write_of(doc), *before);
  } catch (const store::StoreError& e) {
    if constexpr (std::is_same_v<Doc, domain::Table>) {
      if (e.kind == store::StoreError::Kind::conflict) {
        throw domain::InvalidInput("duplicate_name", "name", "A table named '" + doc.name + "' already exists.");
      }
    }
    throw;
  }
}

}  // namespace

template <typename Doc>
std::string SetupService::create(Doc doc) {
  auto& store = writes_.store();
  writes_.atomically([&] {
    check(store, writes_.restaurant_id(), doc);
    doc.id = core::new_id();
    save(writes_, doc, nullptr);
  });
  return doc.id;
}

template <typename Doc>
void SetupService::update(std::string_view id, const std::function<void(Doc&)>& apply) {
  auto& store = writes_.store();
  writes_.atomically([&] {
    auto doc = load_one<Doc>(store, writes_.restaurant_id(), id);
    if constexpr (std::is_same_v<Doc, domain::OpeningHour>) {
      if (doc.deleted) {
        throw domain::IllegalOperation("deleted", "_id", "This opening hour was deleted; create a new one instead.");
      }
    }
    const auto before = stored_json(doc);
    apply(doc);
    check(store, writes_.restaurant_id(), doc);
    save(writes_, doc, &before);
  });
}

template <typename Doc>
void SetupService::remove(std::string_view id_view) {
  auto& store = writes_.store();
  const auto& restaurant = writes_.restaurant_id();
  const std::string id(id_view);
  writes_.atomically([&] {
    const auto doc = load_for_delete<Doc>(store, restaurant, id);  // 404 when there is none
    const std::string name = doc ? doc->name : id;
    if constexpr (std::is_same_v<Doc, domain::Area>) {
      domain::check_area_unused(id, name, load_all<domain::Table>(store, restaurant),
                                load_all<domain::OpeningHour>(store, restaurant));
    } else if constexpr (std::is_same_v<Doc, domain::Table>) {
      // Bookings already under way count too: start a day back.
      const auto since = clock_.now() - std::chrono::hours{24};
      domain::check_table_unused(id, name, load_all<domain::TableCombination>(store, restaurant),
                                 store.bookings().count_bookings_holding_table(restaurant, id, since));
    } else if constexpr (std::is_same_v<Doc, domain::OpeningHour>) {
      // Bookings keep the id and name they copied: the service stays,
      // marked deleted. One that cannot be read goes for good.
      if (doc) {
        auto hour = *doc;
        hour.deleted = true;
        writes_.soft_delete(write_of(hour));
        return;
      }
    }
    // Custom fields: bookings keep their answers with the field's name.
    writes_.erase(SetupKind<Doc>::collection, id);
  });
}

#define MAITRED_SETUP_KIND(Doc)                                                                \
  template std::string SetupService::create<Doc>(Doc);                                         \
  template void SetupService::update<Doc>(std::string_view, const std::function<void(Doc&)>&); \
  template void SetupService::remove<Doc>(std::string_view);
MAITRED_FOR_EACH_SETUP_KIND(MAITRED_SETUP_KIND)
#undef MAITRED_SETUP_KIND

}  // namespace maitred::app
