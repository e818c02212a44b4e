-- Rate-limit counters shared by every maitred process on this database
-- (SPEC.md section 3; store/postgres/rate_counter.hpp).
--
-- UNLOGGED: a counter lives for one window (a second by default) and is
-- worthless after it. Unlogged tables write no WAL for their rows, so a hit
-- costs no log write and no log flush at commit, and they are not shipped to
-- replicas. The price is that PostgreSQL empties the table after a crash,
-- which only forgets the current window's counts: at worst a client gets one
-- extra window's budget once per database crash.
--
-- bucket is the SHA-256 of the bucket name the HTTP layer passes
-- ("key:<id>", "user:<id>", "addr:<client address>"): fixed-width index
-- entries whatever the caller passes, and no client addresses (or anything
-- secret a future caller might pass) at rest.
--
-- window_start is milliseconds since the epoch, a multiple of the window.
-- Rows of past windows are deleted by RateCounter::purge_before, run
-- periodically, never per request. No index on window_start for it: the
-- table only ever holds the last few windows, so that scan is short, while
-- an index would be one more write on every new counter. Updates touch no
-- indexed column, so they can stay HOT (no index write at all).

CREATE UNLOGGED TABLE rate_limits (
  bucket       bytea   NOT NULL,
  window_start bigint  NOT NULL,
  hits         integer NOT NULL,
  PRIMARY KEY (bucket, window_start)
);
