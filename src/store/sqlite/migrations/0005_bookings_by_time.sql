-- Keep a restaurant's bookings in start-time order on disk: a list page (one
-- day, 100 bookings) then reads a few adjacent pages instead of seeking to
-- 100 rows scattered over the table by insertion order (measured in
-- docs/BENCHMARKS.md). Lookups by id go through bookings_by_id.
CREATE TABLE bookings_by_time (
  restaurant_id TEXT NOT NULL REFERENCES restaurants(id),
  start_utc     TEXT NOT NULL,
  id            TEXT NOT NULL,
  local_date    TEXT NOT NULL,
  status        TEXT NOT NULL,
  people        INTEGER NOT NULL,
  created_at    TEXT NOT NULL,
  activity_at   TEXT NOT NULL,
  customer_id   TEXT,
  doc           TEXT NOT NULL,
  PRIMARY KEY (restaurant_id, start_utc, id)
) STRICT, WITHOUT ROWID;
INSERT INTO bookings_by_time(restaurant_id, start_utc, id, local_date, status, people, created_at, activity_at,
                             customer_id, doc)
  SELECT restaurant_id, start_utc, id, local_date, status, people, created_at, activity_at, customer_id, doc
  FROM bookings;
DROP TABLE bookings;
ALTER TABLE bookings_by_time RENAME TO bookings;
CREATE UNIQUE INDEX bookings_by_id ON bookings(restaurant_id, id);
CREATE INDEX bookings_by_activity ON bookings(restaurant_id, activity_at, id);
CREATE INDEX bookings_by_created ON bookings(restaurant_id, created_at, id);
CREATE INDEX bookings_by_customer ON bookings(restaurant_id, customer_id);
