-- The manifest (SHA256SUMS) of each archived event's bundle, kept once computed: its SHA-256 is written on the
-- paper record, and every later download of the bundle can be checked against it. The bundle is deterministic,
-- so any instance computing it again gets the same text; the first one stored wins.
CREATE TABLE archive_manifests (
  event_id         uuid PRIMARY KEY REFERENCES events (id) ON DELETE CASCADE,
  manifest         text NOT NULL,
  manifest_sha256  text NOT NULL,
  computed_at      timestamptz NOT NULL DEFAULT now()
);
