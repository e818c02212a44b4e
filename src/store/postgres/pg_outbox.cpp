// PgStore's outbox cursors (store/outbox_cursors.hpp). Several processes run
// the same consumers: the one that takes a cursor's lock (a transaction-scoped
// advisory lock on consumer and restaurant, tried without waiting) fans that
// restaurant's events out; the others skip it and find the cursor advanced
// next time. The row itself is then locked too (FOR UPDATE), so even a writer
// that bypassed the advisory lock could not move it underneath.

#include "store/postgres/pg_store.hpp"

namespace maitred::store::postgres {

void PgStore::register_consumer(std::string_view consumer) {
  in_transaction([&](Connection& c) {
    // A second process registering at once waits on the key until the first
    // commits, then inserts nothing and starts nothing.
    auto inserted = c.run_prepared(
        "INSERT INTO outbox_consumers(consumer) VALUES ($1) ON CONFLICT (consumer) DO NOTHING RETURNING consumer",
        consumer);
    if (inserted.rows() == 0) return;
    c.run_prepared(
        "INSERT INTO outbox_cursors(consumer, restaurant_id, sequence) "
        "SELECT $1, restaurant_id, latest FROM event_counters ON CONFLICT DO NOTHING",
        consumer);
  });
}

std::vector<std::string> PgStore::restaurants_behind(std::string_view consumer) {
  return on_connection([&](Connection& c) {
    auto rows = c.run_prepared(
        "SELECT e.restaurant_id FROM event_counters e "
        "LEFT JOIN outbox_cursors c ON c.consumer = $1 AND c.restaurant_id = e.restaurant_id "
        "WHERE e.latest > coalesce(c.sequence, 0) ORDER BY e.restaurant_id",
        consumer);
    std::vector<std::string> restaurants;
    for (int r = 0; r < rows.rows(); ++r) restaurants.emplace_back(rows.text(r, 0));
    return restaurants;
  });
}

std::optional<std::uint64_t> PgStore::claim_cursor(std::string_view consumer, std::string_view restaurant_id) {
  return in_transaction([&](Connection& c) -> std::optional<std::uint64_t> {
    // Whoever holds this lock is fanning the restaurant out: the others give
    // up at once instead of queuing. Taken first, so nobody ever waits on the
    // row below either (not even on a first insert of it, which a plain
    // FOR UPDATE SKIP LOCKED could not skip).
    auto locked =
        c.run_prepared("SELECT pg_try_advisory_xact_lock(hashtext($1), hashtext($2))", consumer, restaurant_id);
    if (locked.text(0, 0) != "t") return std::nullopt;
    c.run_prepared(
        "INSERT INTO outbox_cursors(consumer, restaurant_id, sequence) VALUES ($1, $2, 0) ON CONFLICT DO NOTHING",
        consumer, restaurant_id);
    auto rows =
        c.run_prepared("SELECT sequence FROM outbox_cursors WHERE consumer = $1 AND restaurant_id = $2 FOR UPDATE",
                       consumer, restaurant_id);
    return static_cast<std::uint64_t>(rows.integer(0, 0));
  });
}

void PgStore::set_cursor(std::string_view consumer, std::string_view restaurant_id, std::uint64_t sequence) {
  in_transaction([&](Connection& c) {
    c.run_prepared("UPDATE outbox_cursors SET sequence = $3 WHERE consumer = $1 AND restaurant_id = $2", consumer,
                   restaurant_id, static_cast<long long>(sequence));
  });
}

void PgStore::atomically_unlocked(const std::function<void()>& body) {
  run_atomic([](Connection&) {}, body);
}

}  // namespace maitred::store::postgres
