-- The big screen: whether it may show per-option counts before voting closes, and the links that let a
-- projector's browser watch one event's tally without a staff account.

-- "Show turnout only until the event closes": while true and the event is open, the server leaves every
-- per-option count out of the tally it sends (JSON and stream), not merely out of the page.
ALTER TABLE events ADD COLUMN screen_turnout_only boolean NOT NULL DEFAULT false;

-- A screen link carries a random key in its fragment (#key=...); only the key's SHA-256 is kept.
CREATE TABLE screen_links (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  event_id    uuid NOT NULL REFERENCES events (id) ON DELETE CASCADE,
  key_sha256  bytea NOT NULL UNIQUE,
  label       text NOT NULL DEFAULT '',
  created_by  uuid REFERENCES accounts (id),
  created_at  timestamptz NOT NULL DEFAULT now(),
  revoked_at  timestamptz
);
CREATE INDEX screen_links_event_idx ON screen_links (event_id);
