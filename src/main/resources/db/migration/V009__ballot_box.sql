-- The ballot box (README, 匿名). A cast consumes its slip and drops its ballot into held_ballots, in one durable
-- transaction; the mixer (org.pingyi.box.Mixer) later moves held ballots into ballots in shuffled batches of at
-- least k per voter category and channel, in a transaction of its own, and deletes them here. So no stored ballot
-- shares a transaction id (xmin) or a row order with its slip, its paper-entry audit row, or the moment it was cast.
CREATE TABLE held_ballots (
  event_id        uuid NOT NULL REFERENCES events (id) ON DELETE CASCADE,
  category_code   text NOT NULL,
  channel         text NOT NULL CHECK (channel IN ('phone', 'paper')),
  unreadable      boolean NOT NULL,
  answers         jsonb NOT NULL,
  receipt_sha256  bytea NOT NULL,
  -- What the ballot adds to the results (org.pingyi.tally.TallyCounters), added when it is mixed.
  counters        jsonb NOT NULL,
  PRIMARY KEY (event_id, receipt_sha256),
  FOREIGN KEY (event_id, category_code) REFERENCES voter_categories (event_id, code)
);
-- Held rows are deleted within seconds; their dead versions must not linger for autovacuum's next round.
ALTER TABLE held_ballots SET (autovacuum_vacuum_threshold = 0, autovacuum_vacuum_scale_factor = 0);
ALTER TABLE paper_entries SET (autovacuum_vacuum_threshold = 0, autovacuum_vacuum_scale_factor = 0);

-- Turnout is public in the hall and is counted when a ballot is cast ("returned"); everything a ballot says is
-- counted when it is mixed ("ballots" and the rest). Until now both were added together: carry the turnout over.
INSERT INTO tally_counters (event_id, key, shard, n)
SELECT event_id, regexp_replace(key, '(^|\|)ballots', '\1returned'), shard, n
FROM tally_counters
WHERE key ~ '(^|\|)ballots(:(phone|paper))?$'
ON CONFLICT (event_id, key, shard) DO UPDATE SET n = excluded.n;

-- Live results are the organiser's choice now, not the default: until an event closes its screens show turnout.
ALTER TABLE events ALTER COLUMN screen_turnout_only SET DEFAULT true;
