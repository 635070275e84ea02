-- The live tally as counters: each stored ballot adds its counters (org.pingyi.tally.TallyCounters) in the same
-- transaction that stores it, so reading an event's tally is one small aggregate, whatever the number of
-- ballots. A counter is split over a few shards so that groups committing at the same moment rarely wait for
-- each other on the same row; a reading sums the shards.
CREATE TABLE tally_counters (
  event_id  uuid NOT NULL REFERENCES events (id) ON DELETE CASCADE,
  key       text NOT NULL,
  shard     smallint NOT NULL,
  n         bigint NOT NULL,
  PRIMARY KEY (event_id, key, shard)
);
