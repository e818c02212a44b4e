-- Guests' manage links: only the SHA-256 of each token is kept (hex), so a
-- copy of the database opens no booking. Several tokens per booking are
-- normal (the confirmation and each guest e-mail issue one). Times are Unix
-- milliseconds; a token is valid until the booking's end.
CREATE TABLE manage_tokens (
  token_hash    TEXT PRIMARY KEY,
  restaurant_id TEXT NOT NULL,
  booking_id    TEXT NOT NULL,
  expires_at    INTEGER NOT NULL,
  created_at    INTEGER NOT NULL
) STRICT, WITHOUT ROWID;
CREATE INDEX manage_tokens_by_booking ON manage_tokens(restaurant_id, booking_id);
CREATE INDEX manage_tokens_by_expiry ON manage_tokens(expires_at);
