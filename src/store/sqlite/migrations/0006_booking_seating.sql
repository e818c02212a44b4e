-- What the availability engine reads of a booking, as columns beside the
-- document: a question about one day (GET /v1/bookingFlow/times, every
-- booking write's seating check) then reads a few hundred short rows instead
-- of parsing a few hundred JSON documents (docs/BENCHMARKS.md, "Booking
-- flow through HTTP"). `table_ids` is the tables' ids joined by commas (ids
-- are alphanumeric); `left_at` is set once the guest has left.
ALTER TABLE bookings ADD COLUMN duration INTEGER NOT NULL DEFAULT 0;
ALTER TABLE bookings ADD COLUMN left_at TEXT;
ALTER TABLE bookings ADD COLUMN table_ids TEXT NOT NULL DEFAULT '';
UPDATE bookings SET
  duration = json_extract(doc, '$.duration'),
  left_at = json_extract(doc, '$.leftAt'),
  table_ids = COALESCE((SELECT group_concat(json_extract(value, '$._id'), ',') FROM json_each(doc, '$.tables')), '');
