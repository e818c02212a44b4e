-- The public booking page's address (/book/{slug}) is the restaurant's "slug"
-- setting: unique across the server, found by it on every public request.
CREATE UNIQUE INDEX restaurants_by_slug ON restaurants(json_extract(doc, '$.slug'))
  WHERE json_extract(doc, '$.slug') <> '';
