-- The restaurant's setup (areas, tables, combinations, opening hours, custom
-- fields): JSON documents, one table for all collections. unique_key holds
-- what must be unique among a collection's live documents (a table's
-- lower-cased name), enforced by the index below even under concurrency.
CREATE TABLE documents (
  restaurant_id TEXT NOT NULL REFERENCES restaurants(id),
  collection    TEXT NOT NULL,
  id            TEXT NOT NULL,
  unique_key    TEXT,
  doc           TEXT NOT NULL,
  deleted       INTEGER NOT NULL DEFAULT 0,
  created_at    TEXT NOT NULL,
  updated_at    TEXT NOT NULL,
  PRIMARY KEY (restaurant_id, collection, id)
) STRICT;
CREATE UNIQUE INDEX documents_unique_key ON documents(restaurant_id, collection, unique_key)
  WHERE unique_key IS NOT NULL AND deleted = 0;
