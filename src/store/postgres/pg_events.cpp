// PgStore's event log (store/event_log.hpp). Events wait in the body's
// transaction and go in just before COMMIT: taking the restaurant's counter
// row there makes writers of one restaurant queue for the shortest time and
// commit in number order (no reader ever sees 11 before 10 commits). The
// NOTIFY sent in the same transaction is delivered at commit, to every
// process's listener (event_listener.cpp).

#include <set>

#include "core/time_format.hpp"
#include "store/event_sql.hpp"
#include "store/postgres/pg_store.hpp"

namespace maitred::store::postgres {

namespace {

constexpr const char* kEventColumns =
    "restaurant_id, sequence, id, type, at, actor_type, actor_id, resource_id, changes";

domain::Event event_from_row(const Result& rows, int r) {
  domain::Event event;
  event.restaurant_id = rows.text(r, 0);
  event.sequence = static_cast<std::uint64_t>(rows.integer(r, 1));
  event.id = rows.text(r, 2);
  event.type = rows.text(r, 3);
  auto at = core::parse_utc(rows.text(r, 4));
  if (!at) throw StoreError(StoreError::Kind::internal, "corrupt event time: " + std::string(rows.text(r, 4)));
  event.at = *at;
  event.actor = {std::string(rows.text(r, 5)), std::string(rows.text(r, 6))};
  event.resource_id = rows.text(r, 7);
  event.changes_json = rows.text(r, 8);
  return event;
}

}  // namespace

void PgStore::append_event(domain::Event event) {
  if (auto* pending = pending_events()) {
    pending->push_back(std::move(event));
    return;
  }
  atomically([&] { pending_events()->push_back(std::move(event)); });
}

void PgStore::write_pending_events(Connection& connection, std::vector<domain::Event>& events) {
  if (events.empty()) return;
  std::set<std::string> restaurants;
  for (auto& event : events) {
    auto next = connection.run_prepared(
        "INSERT INTO event_counters(restaurant_id, latest) VALUES ($1, 1) "
        "ON CONFLICT (restaurant_id) DO UPDATE SET latest = event_counters.latest + 1 RETURNING latest",
        event.restaurant_id);
    event.sequence = static_cast<std::uint64_t>(next.integer(0, 0));
    connection.run_prepared(
        "INSERT INTO events(restaurant_id, sequence, id, type, at, actor_type, actor_id, resource_id, changes) "
        "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
        event.restaurant_id, static_cast<long long>(event.sequence), event.id, event.type, core::format_utc(event.at),
        event.actor.type, event.actor.id, event.resource_id, event.changes_json);
    restaurants.insert(event.restaurant_id);
  }
  for (const auto& restaurant : restaurants) {
    connection.run_prepared("SELECT pg_notify('maitred_events', $1)", restaurant);
  }
}

EventRange PgStore::event_range(std::string_view restaurant_id) {
  return on_connection([&](Connection& c) {
    auto rows =
        c.run_prepared("SELECT latest, purged_through FROM event_counters WHERE restaurant_id = $1", restaurant_id);
    if (rows.rows() == 0) return EventRange{};
    return EventRange{static_cast<std::uint64_t>(rows.integer(0, 0)), static_cast<std::uint64_t>(rows.integer(0, 1))};
  });
}

EventPage PgStore::read_events(const EventQuery& query) {
  return on_connection([&](Connection& c) {
    // The latest number first: every event up to it has committed (counter
    // and events change in one transaction), so the page has no gap.
    auto range = c.run_prepared("SELECT latest FROM event_counters WHERE restaurant_id = $1", query.restaurant_id);
    const std::uint64_t latest = range.rows() == 0 ? 0 : static_cast<std::uint64_t>(range.integer(0, 0));
    const auto filter = event_type_filter(query.types, 4, '$');
    const std::string sql = std::string("SELECT ") + kEventColumns +
                            " FROM events WHERE restaurant_id = $1 AND sequence > $2 AND sequence <= $3" + filter.sql +
                            " ORDER BY sequence LIMIT " + std::to_string(query.limit);
    std::vector<Param> params{query.restaurant_id, std::to_string(query.after), std::to_string(latest)};
    for (const auto& value : filter.values) params.emplace_back(value);
    auto rows = c.prepared(sql, params);
    EventPage page;
    for (int r = 0; r < rows.rows(); ++r) page.events.push_back(event_from_row(rows, r));
    page.more = page.events.size() == query.limit;
    page.next = page.more ? page.events.back().sequence : std::max(latest, query.after);
    return page;
  });
}

std::size_t PgStore::purge_events(core::SystemTime cutoff) {
  return in_transaction([&](Connection& c) {
    const std::string before = core::format_utc(cutoff);
    c.run_prepared(
        "UPDATE event_counters SET purged_through = GREATEST(purged_through, dropped.last) "
        "FROM (SELECT restaurant_id, max(sequence) AS last FROM events WHERE at < $1 GROUP BY restaurant_id) dropped "
        "WHERE event_counters.restaurant_id = dropped.restaurant_id",
        before);
    auto dropped = c.run_prepared(
        "DELETE FROM events USING event_counters c "
        "WHERE c.restaurant_id = events.restaurant_id AND events.sequence <= c.purged_through");
    return static_cast<std::size_t>(dropped.affected());
  });
}

}  // namespace maitred::store::postgres
