-- Restaurants (tenants) and their API keys.
CREATE TABLE restaurants (
  id         TEXT PRIMARY KEY,
  doc        TEXT NOT NULL,          -- the JSON document, resOS shape
  created_at TEXT NOT NULL
) STRICT;

CREATE TABLE api_keys (
  id            TEXT PRIMARY KEY,
  restaurant_id TEXT NOT NULL REFERENCES restaurants(id),
  label         TEXT NOT NULL,
  lookup_prefix TEXT NOT NULL,       -- first characters of the secret, to find the row
  secret_hash   BLOB NOT NULL,       -- SHA-256 of the whole secret
  created_at    TEXT NOT NULL,
  last_used_at  TEXT,
  revoked_at    TEXT
) STRICT;
CREATE INDEX api_keys_by_prefix ON api_keys(lookup_prefix);
CREATE INDEX api_keys_by_restaurant ON api_keys(restaurant_id, created_at);

CREATE TABLE settings (
  name  TEXT PRIMARY KEY,
  value TEXT NOT NULL
) STRICT;
