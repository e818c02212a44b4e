-- Guest e-mails (store/guest_message_repository.hpp): the queue the sender
-- claims from and the log GET /v1/bookings/{id}/messages reads.
CREATE TABLE guest_messages (
  restaurant_id   TEXT NOT NULL,
  id              TEXT NOT NULL,
  booking_id      TEXT NOT NULL,
  kind            TEXT NOT NULL,
  language        TEXT NOT NULL,
  to_address      TEXT NOT NULL,
  status          TEXT NOT NULL,  -- queued, sent, failed, not_sent
  attempts        INTEGER NOT NULL DEFAULT 0,
  sequence        INTEGER NOT NULL DEFAULT 0,
  created_at      TEXT NOT NULL,
  next_attempt_at TEXT NOT NULL,
  last_error      TEXT NOT NULL DEFAULT '',
  sent_at         TEXT NOT NULL DEFAULT '',
  message_id      TEXT NOT NULL DEFAULT '',
  dedupe_key      TEXT NOT NULL,
  PRIMARY KEY (restaurant_id, id),
  UNIQUE (restaurant_id, dedupe_key)
) STRICT;
CREATE INDEX guest_messages_by_booking ON guest_messages(restaurant_id, booking_id, created_at);
-- The sender's claim: queued messages by due time, across restaurants.
CREATE INDEX guest_messages_due ON guest_messages(next_attempt_at) WHERE status = 'queued';
