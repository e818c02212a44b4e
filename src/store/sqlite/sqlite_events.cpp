// SqliteStore's event log (store/event_log.hpp): events wait in the writer
// until their body commits, then go in with the next numbers of their
// restaurant, in the same transaction.

#include <set>

#include "core/time_format.hpp"
#include "store/event_sql.hpp"
#include "store/sqlite/sqlite_store.hpp"

namespace maitred::store::sqlite {

namespace {

domain::Event event_from_row(const Statement& row) {
  domain::Event event;
  event.restaurant_id = row.text(0);
  event.sequence = static_cast<std::uint64_t>(row.integer(1));
  event.id = row.text(2);
  event.type = row.text(3);
  auto at = core::parse_utc(row.text(4));
  if (!at) throw StoreError(StoreError::Kind::internal, "corrupt event time: " + std::string(row.text(4)));
  event.at = *at;
  event.actor = {std::string(row.text(5)), std::string(row.text(6))};
  event.resource_id = row.text(7);
  event.changes_json = row.text(8);
  return event;
}

}  // namespace

void SqliteStore::append_event(domain::Event event) {
  std::lock_guard lock(writer_mutex_);
  if (!in_transaction_) {
    atomically([&] { pending_events_.push_back(std::move(event)); });
    return;
  }
  pending_events_.push_back(std::move(event));
}

// Called with the writer inside the body's transaction, just before COMMIT.
void SqliteStore::write_pending_events() {
  for (auto& event : pending_events_) {
    // Statements are cached by the connection; each borrow resets on return.
    {
      auto next = writer_->prepare(
          "INSERT INTO event_counters(restaurant_id, latest) VALUES (?1, 1) "
          "ON CONFLICT(restaurant_id) DO UPDATE SET latest = latest + 1 RETURNING latest");
      next.bind(1, event.restaurant_id);
      if (!next.step()) throw StoreError(StoreError::Kind::internal, "event counter gave no number");
      event.sequence = static_cast<std::uint64_t>(next.integer(0));
      while (next.step()) {
      }
    }
    auto insert = writer_->prepare(
        "INSERT INTO events(restaurant_id, sequence, id, type, at, actor_type, actor_id, resource_id, changes) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)");
    insert.bind(1, event.restaurant_id)
        .bind(2, static_cast<long long>(event.sequence))
        .bind(3, event.id)
        .bind(4, event.type)
        .bind(5, core::format_utc(event.at))
        .bind(6, event.actor.type)
        .bind(7, event.actor.id)
        .bind(8, event.resource_id)
        .bind(9, event.changes_json)
        .run();
  }
}

// After COMMIT: wakes the feed's waiters of each restaurant that got events.
void SqliteStore::ring_for_committed_events() {
  std::set<std::string> restaurants;
  for (const auto& event : pending_events_) restaurants.insert(event.restaurant_id);
  pending_events_.clear();
  for (const auto& restaurant : restaurants) bell_.ring(restaurant);
}

EventRange SqliteStore::event_range(std::string_view restaurant_id) {
  auto r = reader();
  auto q = r->prepare("SELECT latest, purged_through FROM event_counters WHERE restaurant_id = ?1");
  q.bind(1, restaurant_id);
  if (!q.step()) return {};
  return {static_cast<std::uint64_t>(q.integer(0)), static_cast<std::uint64_t>(q.integer(1))};
}

EventPage SqliteStore::read_events(const EventQuery& query) {
  auto r = reader();
  // The latest number first: every event up to it has committed (counter
  // and events change in one transaction), so the page has no gap.
  auto range_query = r->prepare("SELECT latest FROM event_counters WHERE restaurant_id = ?1");
  range_query.bind(1, query.restaurant_id);
  const std::uint64_t latest = range_query.step() ? static_cast<std::uint64_t>(range_query.integer(0)) : 0;

  const auto filter = event_type_filter(query.types, 4);
  const std::string sql =
      "SELECT restaurant_id, sequence, id, type, at, actor_type, actor_id, resource_id, changes FROM events "
      "WHERE restaurant_id = ?1 AND sequence > ?2 AND sequence <= ?3" +
      filter.sql + " ORDER BY sequence LIMIT " + std::to_string(query.limit);
  auto q = r->prepare_dynamic(sql);
  q.bind(1, query.restaurant_id).bind(2, static_cast<long long>(query.after)).bind(3, static_cast<long long>(latest));
  int index = 4;
  for (const auto& value : filter.values) q.bind(index++, value);
  EventPage page;
  while (q.step()) page.events.push_back(event_from_row(q));
  page.more = page.events.size() == query.limit;
  page.next = page.more ? page.events.back().sequence : std::max(latest, query.after);
  return page;
}

std::size_t SqliteStore::purge_events(core::SystemTime cutoff) {
  std::size_t purged = 0;
  atomically([&] {
    const std::string before = core::format_utc(cutoff);
    auto mark = writer_->prepare(
        "UPDATE event_counters SET purged_through = max(purged_through, "
        "(SELECT max(sequence) FROM events e WHERE e.restaurant_id = event_counters.restaurant_id AND e.at < ?1)) "
        "WHERE EXISTS (SELECT 1 FROM events e WHERE e.restaurant_id = event_counters.restaurant_id AND e.at < ?1)");
    mark.bind(1, before).run();
    auto drop = writer_->prepare(
        "DELETE FROM events WHERE sequence <= "
        "(SELECT purged_through FROM event_counters c WHERE c.restaurant_id = events.restaurant_id)");
    drop.run();
    purged = static_cast<std::size_t>(drop.changes());
  });
  return purged;
}

}  // namespace maitred::store::sqlite
