#pragma once
// The restaurant's documents other than bookings: the setup collections, and
// customers, orders, feedback, holds and import jobs, each stored as the
// API's JSON document.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/clock.hpp"
#include "domain/search_expression.hpp"
#include "domain/sort_spec.hpp"

namespace maitred::store {

enum class Collection {
  areas,
  tables,
  table_combinations,
  opening_hours,
  custom_fields,
  customers,
  orders,
  feedback,
  holds,
  imports,   // CSV import jobs (domain/import_job.hpp)
  webhooks,  // webhook endpoints (domain/webhook_endpoint.hpp); their secrets are elsewhere
};
std::string_view collection_name(Collection collection);
// Whether a cache may hold documents of the collection (the setup ones):
// writes to those move the data generation. Customers, orders, feedback,
// holds, import jobs and webhook endpoints change too often or are read
// only by their own requests and the delivery worker: nothing caches them.
bool caches_may_hold(Collection collection);

struct Document {
  std::string id;
  std::string json;
  bool deleted = false;
};

struct DocumentWrite {
  Collection collection;
  std::string restaurant_id;
  std::string id;
  std::string json;
  // Unique among the collection's live documents of the restaurant; a clash
  // throws StoreError(conflict).
  std::optional<std::string> unique_key;
  bool deleted = false;  // soft-deleted documents keep their id for references
  core::SystemTime at;
};

// A page of a document collection, as GET /v1/customers and friends ask.
struct DocumentQuery {
  Collection collection;
  std::string restaurant_id;
  const domain::SearchExpression* filter = nullptr;
  const std::vector<domain::SortKey>* sort = nullptr;  // empty: createdAt ascending
  long long skip = 0;
  long long limit = 100;
};

class DocumentRepository {
 public:
  virtual ~DocumentRepository() = default;

  // In insertion order. Soft-deleted documents only when asked.
  virtual std::vector<Document> list_documents(Collection collection, std::string_view restaurant_id,
                                               bool include_deleted) = 0;
  // Soft-deleted documents included (their `deleted` says so).
  virtual std::optional<Document> find_document(Collection collection, std::string_view restaurant_id,
                                                std::string_view id) = 0;
  virtual void insert_document(const DocumentWrite& write) = 0;
  // False when the document does not exist.
  virtual bool update_document(const DocumentWrite& write) = 0;
  // Erases for good; false when it did not exist.
  virtual bool erase_document(Collection collection, std::string_view restaurant_id, std::string_view id) = 0;
  // Documents (JSON) filtered, sorted (ties by id) and paged.
  virtual std::vector<std::string> query_documents(const DocumentQuery& query) = 0;
};

}  // namespace maitred::store
