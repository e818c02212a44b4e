#pragma once
// The events of every restaurant: the change feed and the outbox that
// deliveries (webhooks, e-mail) will read with cursors of their own.
//
// A use case appends its events inside its atomically() body; the store
// keeps them until the body commits and writes them just before COMMIT,
// numbering each restaurant's events 1, 2, 3, ... in commit order (taking a
// per-restaurant counter that writers of one restaurant queue on, so no
// reader ever sees a later number before an earlier one commits). A body
// that rolls back leaves no event. After the commit the store rings bell()
// for each restaurant that got events; on PostgreSQL other processes'
// commits ring it too (LISTEN/NOTIFY).

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/clock.hpp"
#include "core/event_bell.hpp"
#include "domain/event.hpp"

namespace maitred::store {

struct EventQuery {
  std::string restaurant_id;
  std::uint64_t after = 0;  // sequence number; 0: from the oldest kept
  std::size_t limit = 100;
  std::vector<std::string> types;  // patterns (domain::event_type_matches); empty: all
};

struct EventPage {
  std::vector<domain::Event> events;
  // Where the next page starts: the last event's sequence, or when the page
  // is not full, the restaurant's latest sequence at the time of reading
  // (events the type filter skipped are not read again).
  std::uint64_t next = 0;
  bool more = false;  // a full page: more may follow at once
};

// What a restaurant's feed covers.
struct EventRange {
  std::uint64_t latest = 0;          // the newest sequence (0: no event yet)
  std::uint64_t purged_through = 0;  // events up to here were dropped (retention)
};

class EventLog {
 public:
  virtual ~EventLog() = default;

  // Inside an atomically() body: written at its commit, or never. Outside
  // one: written at once, in a transaction of its own. `event.sequence` is
  // assigned by the store.
  virtual void append_event(domain::Event event) = 0;

  virtual EventRange event_range(std::string_view restaurant_id) = 0;
  virtual EventPage read_events(const EventQuery& query) = 0;

  // Drops events that happened before `cutoff`, remembering per restaurant
  // the last sequence dropped; returns how many.
  virtual std::size_t purge_events(core::SystemTime cutoff) = 0;

  // Rung with the restaurant id after events of that restaurant commit.
  virtual core::EventBell& bell() = 0;
};

}  // namespace maitred::store
