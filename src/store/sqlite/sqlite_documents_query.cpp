// SqliteStore: searching and paging document collections, and the customer
// look-ups the booking flow needs.

#include "core/time_format.hpp"
#include "store/sqlite/query_compiler.hpp"
#include "store/sqlite/sqlite_store.hpp"

namespace maitred::store::sqlite {

namespace {

const ColumnMap& document_columns() {
  static const ColumnMap columns{{{"_id", "id"}, {"createdAt", "created_at"}, {"updatedAt", "updated_at"}}};
  return columns;
}

}  // namespace

std::vector<std::string> SqliteStore::query_documents(const DocumentQuery& query) {
  // Fixed fragments and the compiler's output only; every value is bound.
  std::string sql = "SELECT doc FROM documents WHERE restaurant_id = ? AND collection = ? AND deleted = 0";
  std::vector<SqlParam> params{query.restaurant_id, std::string(collection_name(query.collection))};
  static const std::vector<domain::SortKey> kByCreation{{"createdAt", true}};
  append_filter_order_page(sql, params, query.filter, query.sort, kByCreation, document_columns(), query.skip,
                           query.limit);
  return select_documents(sql, params);
}

std::vector<std::string> SqliteStore::select_documents(const std::string& sql, const std::vector<SqlParam>& params) {
  auto r = reader();
  auto statement = r->prepare_dynamic(sql);
  bind_all(statement, params);
  std::vector<std::string> docs;
  while (statement.step()) docs.emplace_back(statement.text(0));
  return docs;
}

std::optional<Document> SqliteStore::find_customer_document(std::string_view restaurant_id, std::string_view email,
                                                            std::string_view phone) {
  auto r = reader();
  // Two probes, each served by its expression index (an OR would scan).
  if (!email.empty()) {
    auto q = r->prepare(
        "SELECT id, doc FROM documents WHERE restaurant_id = ?1 AND collection = 'customers'"
        " AND lower(json_extract(doc, '$.email')) = lower(?2) LIMIT 1");
    q.bind(1, restaurant_id).bind(2, email);
    if (q.step()) return Document{std::string(q.text(0)), std::string(q.text(1)), false};
  }
  if (!phone.empty()) {
    auto q = r->prepare(
        "SELECT id, doc FROM documents WHERE restaurant_id = ?1 AND collection = 'customers'"
        " AND json_extract(doc, '$.phone') = ?2 LIMIT 1");
    q.bind(1, restaurant_id).bind(2, phone);
    if (q.step()) return Document{std::string(q.text(0)), std::string(q.text(1)), false};
  }
  return std::nullopt;
}

CustomerStats SqliteStore::customer_booking_stats(std::string_view restaurant_id, std::string_view customer_id) {
  // On the writer, which sees this transaction's own booking writes.
  std::lock_guard lock(writer_mutex_);
  auto q = writer_->prepare(
      "SELECT COUNT(*), MIN(start_utc), MAX(start_utc) FROM bookings WHERE restaurant_id = ?1 AND customer_id = ?2");
  q.bind(1, restaurant_id).bind(2, customer_id);
  q.step();
  CustomerStats stats;
  stats.booking_count = static_cast<int>(q.integer(0));
  if (!q.is_null(1)) stats.first = core::parse_utc(q.text(1));
  if (!q.is_null(2)) stats.last = core::parse_utc(q.text(2));
  return stats;
}

std::size_t SqliteStore::purge_expired_holds(core::SystemTime now) {
  std::lock_guard lock(writer_mutex_);
  auto erase =
      writer_->prepare("DELETE FROM documents WHERE collection = 'holds' AND json_extract(doc, '$.expiresAt') < ?1");
  erase.bind(1, core::format_utc(now)).run();
  return static_cast<std::size_t>(erase.changes());
}

}  // namespace maitred::store::sqlite
