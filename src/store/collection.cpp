#include "store/document_repository.hpp"

namespace maitred::store {

std::string_view collection_name(Collection collection) {
  switch (collection) {
    case Collection::areas: return "areas";
    case Collection::tables: return "tables";
    case Collection::table_combinations: return "tableCombinations";
    case Collection::opening_hours: return "openingHours";
    case Collection::custom_fields: return "customFields";
    case Collection::customers: return "customers";
    case Collection::orders: return "orders";
    case Collection::feedback: return "feedback";
    case Collection::holds: return "holds";
    case Collection::imports: return "imports";
    case Collection::webhooks: return "webhooks";
  }
  return "unknown";
}

bool caches_may_hold(Collection collection) {
  switch (collection) {
    case Collection::customers:
    case Collection::orders:
    case Collection::feedback:
    case Collection::holds:
    case Collection::imports:
    case Collection::webhooks: return false;
    default: return true;
  }
}

}  // namespace maitred::store
