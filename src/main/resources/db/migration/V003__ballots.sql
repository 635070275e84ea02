-- Ballots, and the paper ballots awaiting their second entry.
--
-- A ballot holds its event, voter category, channel and answers, and nothing that could tie it to a slip,
-- a device, an address or a moment: the id is random (gen_random_uuid, not a sequence), there is no
-- timestamp, and there is no column, key or constraint between ballots and slips. Consuming the slip and
-- inserting the ballot happen in one transaction, and that is their only relation.

CREATE TABLE ballots (
  id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  event_id        uuid NOT NULL REFERENCES events (id) ON DELETE CASCADE,
  category_code   text NOT NULL,
  channel         text NOT NULL CHECK (channel IN ('phone', 'paper')),
  -- A paper ballot that cannot be read is returned but invalid as a whole (DOMAIN.md, 民主推荐 validity).
  unreadable      boolean NOT NULL DEFAULT false,
  -- {"<form id>": {<question id>: <answer>}}, normalised by org.pingyi.ballot.BallotValidator.
  answers         jsonb NOT NULL,
  -- SHA-256 over the event, the answers and a nonce only the voter's phone knows: the receipt code is its
  -- first 50 bits, and a retry of the same ballot from the same phone finds it again.
  receipt_sha256  bytea NOT NULL,
  FOREIGN KEY (event_id, category_code) REFERENCES voter_categories (event_id, code),
  UNIQUE (event_id, receipt_sha256)
);

-- 双人录入: a paper ballot counts only when two clerks have entered it alike. Entries are working data:
-- when two match, the ballot is stored (as anonymously as a phone's) and the entries are deleted.
CREATE TABLE paper_entries (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  event_id    uuid NOT NULL,
  serial      text NOT NULL,
  clerk_id    uuid NOT NULL REFERENCES accounts (id),
  clerk_name  text NOT NULL,
  unreadable  boolean NOT NULL DEFAULT false,
  answers     jsonb NOT NULL,
  FOREIGN KEY (event_id, serial) REFERENCES slips (event_id, serial) ON DELETE CASCADE,
  UNIQUE (event_id, serial, clerk_id)
);
