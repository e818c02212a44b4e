-- The events of every restaurant (store/event_log.hpp): the change feed and
-- the outbox. A restaurant's events are numbered 1, 2, 3, ... in commit
-- order; event_counters holds the last number given out and the last one
-- dropped by retention (a cursor before it gets 410).
CREATE TABLE event_counters (
  restaurant_id  TEXT PRIMARY KEY,
  latest         INTEGER NOT NULL,
  purged_through INTEGER NOT NULL DEFAULT 0
) STRICT;

CREATE TABLE events (
  restaurant_id TEXT NOT NULL,
  sequence      INTEGER NOT NULL,
  id            TEXT NOT NULL UNIQUE,
  type          TEXT NOT NULL,
  at            TEXT NOT NULL,
  actor_type    TEXT NOT NULL,
  actor_id      TEXT NOT NULL,
  resource_id   TEXT NOT NULL,
  changes       TEXT NOT NULL,  -- JSON array, or '' for none
  PRIMARY KEY (restaurant_id, sequence)
) STRICT, WITHOUT ROWID;
-- Retention drops by time across restaurants.
CREATE INDEX events_by_time ON events(at);
