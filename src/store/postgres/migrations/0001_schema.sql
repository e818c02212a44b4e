-- The SQLite schema after its migrations 0001-0007, in one step.
--
-- Documents are `json`, not `jsonb`: the Store serves a stored document byte
-- for byte (store.hpp; a bookings page is the stored documents joined with
-- commas), and jsonb re-orders keys and re-spaces its output. `json` keeps
-- the text exactly, still validates it on write, and takes the same `->>`
-- and `#>>` path operators (DESIGN.md "Data") and expression indexes.
--
-- Times are the same ISO-8601 UTC strings the SQLite store writes
-- (YYYY-MM-DDTHH:MM:SSZ, which sort in time order), so both stores bind and
-- compare the same values.
--
-- The text columns lists sort and filter on are COLLATE "C": the query
-- compiler compares in byte order, as SQLite does, whatever the database's
-- default collation, and an index serves such an ORDER BY only when its
-- column has that collation too.

CREATE TABLE restaurants (
  id         text PRIMARY KEY,
  doc        json NOT NULL,
  created_at text NOT NULL
);

CREATE TABLE api_keys (
  id            text PRIMARY KEY,
  restaurant_id text NOT NULL REFERENCES restaurants(id),
  label         text NOT NULL,
  lookup_prefix text NOT NULL,       -- first characters of the secret, to find the row
  secret_hash   bytea NOT NULL,      -- SHA-256 of the whole secret
  created_at    text NOT NULL,
  last_used_at  text,
  revoked_at    text
);
CREATE INDEX api_keys_by_prefix ON api_keys(lookup_prefix);
CREATE INDEX api_keys_by_restaurant ON api_keys(restaurant_id, created_at);

CREATE TABLE settings (
  name  text PRIMARY KEY,
  value text NOT NULL
);

-- The setup collections, customers, orders, feedback, holds, imports.
-- unique_key holds what must be unique among a collection's live documents.
CREATE TABLE documents (
  restaurant_id text COLLATE "C" NOT NULL REFERENCES restaurants(id),
  collection    text COLLATE "C" NOT NULL,
  id            text COLLATE "C" NOT NULL,
  unique_key    text COLLATE "C",
  doc           json NOT NULL,
  deleted       boolean NOT NULL DEFAULT false,
  created_at    text COLLATE "C" NOT NULL,
  updated_at    text COLLATE "C" NOT NULL,
  -- Insertion order (SQLite's rowid): list_documents answers in it.
  seq           bigint GENERATED ALWAYS AS IDENTITY,
  PRIMARY KEY (restaurant_id, collection, id)
);
CREATE INDEX documents_in_order ON documents(restaurant_id, collection, seq);
CREATE UNIQUE INDEX documents_unique_key ON documents(restaurant_id, collection, unique_key)
  WHERE unique_key IS NOT NULL AND NOT deleted;
-- Customers are found again by e-mail or phone when they book.
CREATE INDEX documents_customer_email ON documents(restaurant_id, collection, lower(doc ->> 'email'))
  WHERE collection = 'customers';
CREATE INDEX documents_customer_phone ON documents(restaurant_id, collection, (doc ->> 'phone'))
  WHERE collection = 'customers';

-- Bookings: the document (served as stored) next to the columns queries
-- filter and sort on, and what the availability engine reads (duration,
-- left_at, table_ids: the tables' ids joined by commas).
CREATE TABLE bookings (
  restaurant_id text COLLATE "C" NOT NULL REFERENCES restaurants(id),
  id            text COLLATE "C" NOT NULL,
  start_utc     text COLLATE "C" NOT NULL,       -- dateTime, YYYY-MM-DDTHH:MM:SSZ
  local_date    text COLLATE "C" NOT NULL,       -- YYYY-MM-DD in the restaurant's zone
  status        text COLLATE "C" NOT NULL,
  people        integer NOT NULL,
  created_at    text COLLATE "C" NOT NULL,
  activity_at   text COLLATE "C" NOT NULL,
  customer_id   text COLLATE "C",
  duration      integer NOT NULL DEFAULT 0,
  left_at       text COLLATE "C",
  table_ids     text COLLATE "C" NOT NULL DEFAULT '',
  doc           json NOT NULL,
  PRIMARY KEY (restaurant_id, id)
);
CREATE INDEX bookings_by_start ON bookings(restaurant_id, start_utc, id);
CREATE INDEX bookings_by_activity ON bookings(restaurant_id, activity_at, id);
CREATE INDEX bookings_by_created ON bookings(restaurant_id, created_at, id);
CREATE INDEX bookings_by_customer ON bookings(restaurant_id, customer_id);

-- Every change to a booking: who, when, which fields from what to what.
CREATE TABLE booking_history (
  restaurant_id text NOT NULL,
  booking_id    text NOT NULL,
  seq           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  at            text NOT NULL,
  entry         json NOT NULL        -- {at, actor, action, changes}
);
CREATE INDEX booking_history_by_booking ON booking_history(restaurant_id, booking_id, seq);

-- Idempotency-Key on POST /v1/bookings.
CREATE TABLE idempotency_keys (
  restaurant_id text NOT NULL,
  key           text NOT NULL,
  request_hash  text NOT NULL,
  booking_id    text NOT NULL,
  created_at    text NOT NULL,
  PRIMARY KEY (restaurant_id, key)
);
CREATE INDEX idempotency_keys_by_age ON idempotency_keys(created_at);

-- Staff users (username + password, a role) and their login sessions.
CREATE TABLE staff_users (
  id                  text PRIMARY KEY,
  restaurant_id       text NOT NULL REFERENCES restaurants(id),
  username            text NOT NULL,   -- as typed
  username_key        text NOT NULL,   -- lower-cased: unique per restaurant
  role                text NOT NULL,
  password_hash       text NOT NULL,   -- argon2id, encoded PHC string
  created_at          text NOT NULL,
  password_changed_at text NOT NULL
);
CREATE UNIQUE INDEX staff_users_by_name ON staff_users(restaurant_id, username_key);
CREATE INDEX staff_users_by_key ON staff_users(username_key);

CREATE TABLE auth_sessions (
  id                 text PRIMARY KEY,
  family_id          text NOT NULL,
  user_id            text NOT NULL REFERENCES staff_users(id) ON DELETE CASCADE,
  restaurant_id      text NOT NULL,
  access_hash        bytea NOT NULL UNIQUE,
  refresh_hash       bytea NOT NULL UNIQUE,
  created_at         text NOT NULL,
  access_expires_at  text NOT NULL,
  refresh_expires_at text NOT NULL,
  revoked_at         text
);
CREATE INDEX auth_sessions_by_user ON auth_sessions(user_id);
CREATE INDEX auth_sessions_by_family ON auth_sessions(family_id);
CREATE INDEX auth_sessions_by_refresh_expiry ON auth_sessions(refresh_expires_at);

-- The data generation (Store::data_generation): the SQLite store keeps it in
-- a shared file beside the database; with several processes on one
-- PostgreSQL it is this one row, bumped by writes to restaurants, keys and
-- settings.
CREATE TABLE data_generation (
  only_row boolean PRIMARY KEY DEFAULT true CHECK (only_row),
  value    bigint NOT NULL
);
INSERT INTO data_generation(only_row, value) VALUES (true, 0);
