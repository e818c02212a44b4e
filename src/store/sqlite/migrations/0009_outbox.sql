-- The outbox consumers (store/outbox_cursors.hpp): which consumers have
-- registered, and per consumer and restaurant the sequence of the last
-- event fanned out.
CREATE TABLE outbox_consumers (
  consumer TEXT PRIMARY KEY
) STRICT;

CREATE TABLE outbox_cursors (
  consumer      TEXT NOT NULL,
  restaurant_id TEXT NOT NULL,
  sequence      INTEGER NOT NULL,
  PRIMARY KEY (consumer, restaurant_id)
) STRICT, WITHOUT ROWID;

-- Webhooks (store/webhook_repository.hpp). The endpoints themselves are
-- documents (collection 'webhooks'), served as stored; their signing
-- secrets live apart so no document read can ever serve one. A secret is
-- kept as issued ("whsec_<base64>"): signing needs the key itself (see
-- docs/API.md, "Webhooks"). expires_at (Unix ms) is NULL for the current
-- secret; a rotated-out one signs beside it until then.
CREATE TABLE webhook_secrets (
  restaurant_id TEXT NOT NULL,
  endpoint_id   TEXT NOT NULL,
  secret        TEXT NOT NULL,
  created_at    INTEGER NOT NULL,
  expires_at    INTEGER,
  PRIMARY KEY (restaurant_id, endpoint_id, secret)
) STRICT, WITHOUT ROWID;

-- One row per (endpoint, event): what to send, and where its sending is.
-- Times are Unix milliseconds of the store's clock (ordered as numbers).
-- message_id is the webhook-id header, the same for every attempt.
CREATE TABLE webhook_deliveries (
  id              TEXT PRIMARY KEY,
  restaurant_id   TEXT NOT NULL,
  endpoint_id     TEXT NOT NULL,
  message_id      TEXT NOT NULL,
  event_id        TEXT NOT NULL,
  event_sequence  INTEGER NOT NULL,
  event_type      TEXT NOT NULL,
  event_at        INTEGER NOT NULL,
  resource_id     TEXT NOT NULL,
  changes         TEXT NOT NULL,
  status          TEXT NOT NULL,  -- pending, delivered, failed, canceled
  attempts        INTEGER NOT NULL DEFAULT 0,
  next_attempt_at INTEGER,        -- pending only
  created_at      INTEGER NOT NULL,
  UNIQUE (endpoint_id, event_id)
) STRICT;
CREATE INDEX webhook_deliveries_due ON webhook_deliveries(next_attempt_at) WHERE status = 'pending';
CREATE INDEX webhook_deliveries_of_endpoint ON webhook_deliveries(restaurant_id, endpoint_id, created_at);
CREATE INDEX webhook_deliveries_by_resource ON webhook_deliveries(endpoint_id, resource_id, event_sequence)
  WHERE status = 'pending';

-- Every attempt of a delivery: what happened, how long it took, the
-- answer's code and first KiB.
CREATE TABLE webhook_attempts (
  delivery_id   TEXT NOT NULL,
  number        INTEGER NOT NULL,
  at            INTEGER NOT NULL,
  outcome       TEXT NOT NULL,  -- delivered, failed, timeout, refused, error
  duration_ms   INTEGER NOT NULL,
  response_code INTEGER,
  response_body TEXT NOT NULL,
  error         TEXT NOT NULL,
  PRIMARY KEY (delivery_id, number)
) STRICT, WITHOUT ROWID;
