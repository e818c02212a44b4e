-- Bookings: the JSON document (resOS shape, served as stored) next to the
-- columns queries filter and sort on.
CREATE TABLE bookings (
  restaurant_id TEXT NOT NULL REFERENCES restaurants(id),
  id            TEXT NOT NULL,
  local_date    TEXT NOT NULL,     -- YYYY-MM-DD in the restaurant's zone
  start_utc     TEXT NOT NULL,     -- dateTime, YYYY-MM-DDTHH:MM:SSZ
  status        TEXT NOT NULL,
  people        INTEGER NOT NULL,
  created_at    TEXT NOT NULL,
  activity_at   TEXT NOT NULL,
  customer_id   TEXT,
  doc           TEXT NOT NULL,
  PRIMARY KEY (restaurant_id, id)
) STRICT;
CREATE INDEX bookings_by_start ON bookings(restaurant_id, start_utc, id);
CREATE INDEX bookings_by_activity ON bookings(restaurant_id, activity_at, id);
CREATE INDEX bookings_by_created ON bookings(restaurant_id, created_at, id);
CREATE INDEX bookings_by_customer ON bookings(restaurant_id, customer_id);

-- Every change to a booking: who, when, which fields from what to what.
CREATE TABLE booking_history (
  restaurant_id TEXT NOT NULL,
  booking_id    TEXT NOT NULL,
  seq           INTEGER PRIMARY KEY AUTOINCREMENT,
  at            TEXT NOT NULL,
  entry         TEXT NOT NULL      -- JSON: {at, actor, action, changes}
) STRICT;
CREATE INDEX booking_history_by_booking ON booking_history(restaurant_id, booking_id, seq);

-- Idempotency-Key on POST /v1/bookings: the first result of a key, kept at
-- least 24 hours, so a retried create never makes a second booking.
CREATE TABLE idempotency_keys (
  restaurant_id TEXT NOT NULL,
  key           TEXT NOT NULL,
  request_hash  TEXT NOT NULL,
  booking_id    TEXT NOT NULL,
  created_at    TEXT NOT NULL,
  PRIMARY KEY (restaurant_id, key)
) STRICT;
CREATE INDEX idempotency_keys_by_age ON idempotency_keys(created_at);
