-- Guest e-mails (store/guest_message_repository.hpp): the queue the senders
-- of every process claim from (FOR UPDATE SKIP LOCKED) and the log
-- GET /v1/bookings/{id}/messages reads.
CREATE TABLE guest_messages (
  restaurant_id   text NOT NULL,
  id              text NOT NULL,
  booking_id      text NOT NULL,
  kind            text NOT NULL,
  language        text NOT NULL,
  to_address      text NOT NULL,
  status          text NOT NULL,  -- queued, sent, failed, not_sent
  attempts        integer NOT NULL DEFAULT 0,
  sequence        integer NOT NULL DEFAULT 0,
  created_at      text COLLATE "C" NOT NULL,
  next_attempt_at text COLLATE "C" NOT NULL,
  last_error      text NOT NULL DEFAULT '',
  sent_at         text NOT NULL DEFAULT '',
  message_id      text NOT NULL DEFAULT '',
  dedupe_key      text NOT NULL,
  PRIMARY KEY (restaurant_id, id),
  UNIQUE (restaurant_id, dedupe_key)
);
CREATE INDEX guest_messages_by_booking ON guest_messages(restaurant_id, booking_id, created_at);
CREATE INDEX guest_messages_due ON guest_messages(next_attempt_at) WHERE status = 'queued';
