-- Staff users (username + password, a role) and their login sessions.
CREATE TABLE staff_users (
  id                  TEXT PRIMARY KEY,
  restaurant_id       TEXT NOT NULL REFERENCES restaurants(id),
  username            TEXT NOT NULL,     -- as typed
  username_key        TEXT NOT NULL,     -- lower-cased: unique per restaurant
  role                TEXT NOT NULL,
  password_hash       TEXT NOT NULL,     -- argon2id, encoded PHC string
  created_at          TEXT NOT NULL,
  password_changed_at TEXT NOT NULL
) STRICT;
CREATE UNIQUE INDEX staff_users_by_name ON staff_users(restaurant_id, username_key);
-- Login without a restaurant id looks the name up across restaurants.
CREATE INDEX staff_users_by_key ON staff_users(username_key);

-- One row per access/refresh token pair. Tokens are found by their SHA-256.
-- A family is one sign-in and every pair refreshed from it.
CREATE TABLE auth_sessions (
  id                 TEXT PRIMARY KEY,
  family_id          TEXT NOT NULL,
  user_id            TEXT NOT NULL REFERENCES staff_users(id) ON DELETE CASCADE,
  restaurant_id      TEXT NOT NULL,
  access_hash        BLOB NOT NULL UNIQUE,
  refresh_hash       BLOB NOT NULL UNIQUE,
  created_at         TEXT NOT NULL,
  access_expires_at  TEXT NOT NULL,
  refresh_expires_at TEXT NOT NULL,
  revoked_at         TEXT
) STRICT;
CREATE INDEX auth_sessions_by_user ON auth_sessions(user_id);
CREATE INDEX auth_sessions_by_family ON auth_sessions(family_id);
-- The periodic purge of sessions past their refresh life.
CREATE INDEX auth_sessions_by_refresh_expiry ON auth_sessions(refresh_expires_at);
