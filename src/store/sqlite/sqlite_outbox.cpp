// SqliteStore's outbox cursors (store/outbox_cursors.hpp). One writer, so
// claiming a cursor needs no lock of its own: the writer's transaction is it.

#include "store/sqlite/sqlite_store.hpp"

namespace maitred::store::sqlite {

void SqliteStore::register_consumer(std::string_view consumer) {
  atomically([&] {
    auto insert =
        writer_->prepare("INSERT INTO outbox_consumers(consumer) VALUES (?1) ON CONFLICT(consumer) DO NOTHING");
    insert.bind(1, consumer).run();
    if (insert.changes() == 0) return;  // registered before
    auto start = writer_->prepare(
        "INSERT INTO outbox_cursors(consumer, restaurant_id, sequence) "
        "SELECT ?1, restaurant_id, latest FROM event_counters WHERE true "
        "ON CONFLICT(consumer, restaurant_id) DO NOTHING");
    start.bind(1, consumer).run();
  });
}

std::vector<std::string> SqliteStore::restaurants_behind(std::string_view consumer) {
  auto r = reader();
  auto q = r->prepare(
      "SELECT e.restaurant_id FROM event_counters e "
      "LEFT JOIN outbox_cursors c ON c.consumer = ?1 AND c.restaurant_id = e.restaurant_id "
      "WHERE e.latest > coalesce(c.sequence, 0) ORDER BY e.restaurant_id");
  q.bind(1, consumer);
  std::vector<std::string> restaurants;
  while (q.step()) restaurants.emplace_back(q.text(0));
  return restaurants;
}

std::optional<std::uint64_t> SqliteStore::claim_cursor(std::string_view consumer, std::string_view restaurant_id) {
  std::lock_guard lock(writer_mutex_);
  auto q = writer_->prepare("SELECT sequence FROM outbox_cursors WHERE consumer = ?1 AND restaurant_id = ?2");
  q.bind(1, consumer).bind(2, restaurant_id);
  if (!q.step()) return 0;
  return static_cast<std::uint64_t>(q.integer(0));
}

void SqliteStore::set_cursor(std::string_view consumer, std::string_view restaurant_id, std::uint64_t sequence) {
  std::lock_guard lock(writer_mutex_);
  auto upsert = writer_->prepare(
      "INSERT INTO outbox_cursors(consumer, restaurant_id, sequence) VALUES (?1, ?2, ?3) "
      "ON CONFLICT(consumer, restaurant_id) DO UPDATE SET sequence = excluded.sequence");
  upsert.bind(1, consumer).bind(2, restaurant_id).bind(3, static_cast<long long>(sequence)).run();
}

}  // namespace maitred::store::sqlite
