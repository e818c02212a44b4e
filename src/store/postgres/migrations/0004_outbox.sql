-- The outbox consumers (store/outbox_cursors.hpp), as SQLite's migration
-- 0009. A process fanning out a restaurant's events holds its cursor (a
-- transaction-scoped advisory lock, then the row FOR UPDATE); the others try
-- the lock, fail, and skip that restaurant.
CREATE TABLE outbox_consumers (
  consumer text PRIMARY KEY
);

CREATE TABLE outbox_cursors (
  consumer      text NOT NULL,
  restaurant_id text NOT NULL,
  sequence      bigint NOT NULL,
  PRIMARY KEY (consumer, restaurant_id)
);

-- Webhooks, as SQLite's migration 0009. Two processes claim due deliveries
-- with FOR UPDATE SKIP LOCKED, so each attempt is made by one of them.
CREATE TABLE webhook_secrets (
  restaurant_id text NOT NULL,
  endpoint_id   text NOT NULL,
  secret        text NOT NULL,
  created_at    bigint NOT NULL,
  expires_at    bigint,
  PRIMARY KEY (restaurant_id, endpoint_id, secret)
);

CREATE TABLE webhook_deliveries (
  id              text PRIMARY KEY,
  restaurant_id   text NOT NULL,
  endpoint_id     text NOT NULL,
  message_id      text NOT NULL,
  event_id        text NOT NULL,
  event_sequence  bigint NOT NULL,
  event_type      text NOT NULL,
  event_at        bigint NOT NULL,
  resource_id     text NOT NULL,
  changes         text NOT NULL,
  status          text NOT NULL,
  attempts        integer NOT NULL DEFAULT 0,
  next_attempt_at bigint,
  created_at      bigint NOT NULL,
  UNIQUE (endpoint_id, event_id)
);
CREATE INDEX webhook_deliveries_due ON webhook_deliveries(next_attempt_at) WHERE status = 'pending';
CREATE INDEX webhook_deliveries_of_endpoint ON webhook_deliveries(restaurant_id, endpoint_id, created_at);
CREATE INDEX webhook_deliveries_by_resource ON webhook_deliveries(endpoint_id, resource_id, event_sequence)
  WHERE status = 'pending';

CREATE TABLE webhook_attempts (
  delivery_id   text NOT NULL,
  number        integer NOT NULL,
  at            bigint NOT NULL,
  outcome       text NOT NULL,
  duration_ms   bigint NOT NULL,
  response_code integer,
  response_body text NOT NULL,
  error         text NOT NULL,
  PRIMARY KEY (delivery_id, number)
);
