-- The events of every restaurant (store/event_log.hpp), as SQLite's
-- migration 0008. A commit that writes events also sends
-- NOTIFY maitred_events with the restaurant id, so every process's
-- long-polling feed wakes (store/postgres/event_listener.hpp).
CREATE TABLE event_counters (
  restaurant_id  text PRIMARY KEY,
  latest         bigint NOT NULL,
  purged_through bigint NOT NULL DEFAULT 0
);

CREATE TABLE events (
  restaurant_id text NOT NULL,
  sequence      bigint NOT NULL,
  id            text NOT NULL UNIQUE,
  type          text COLLATE "C" NOT NULL,
  at            text NOT NULL,
  actor_type    text NOT NULL,
  actor_id      text NOT NULL,
  resource_id   text NOT NULL,
  changes       text NOT NULL,
  PRIMARY KEY (restaurant_id, sequence)
);
CREATE INDEX events_by_time ON events(at);
