-- Slips: one-time voting tokens handed out on paper. Only the SHA-256 of a token is stored, so a copy of
-- the database cannot be used to vote. Nothing here records when a slip was used: ballots (a later
-- migration) will hold no reference to a slip, and a slip row holds none to a ballot.

CREATE TABLE slip_batches (
  id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  event_id       uuid NOT NULL REFERENCES events (id) ON DELETE CASCADE,
  category_code  text NOT NULL,
  first_number   integer NOT NULL CHECK (first_number >= 1),
  slip_count     integer NOT NULL CHECK (slip_count >= 1),
  issued_by      uuid REFERENCES accounts (id),
  issued_at      timestamptz NOT NULL DEFAULT now()
);
-- Serial numbers continue per event and category from the highest batch so far.
CREATE INDEX slip_batches_event_category_idx ON slip_batches (event_id, category_code);

CREATE TABLE slips (
  token_sha256   bytea PRIMARY KEY,
  event_id       uuid NOT NULL REFERENCES events (id) ON DELETE CASCADE,
  category_code  text NOT NULL,
  batch_id       uuid NOT NULL REFERENCES slip_batches (id) ON DELETE CASCADE,
  serial         text NOT NULL,
  state          text NOT NULL DEFAULT 'unused' CHECK (state IN ('unused', 'used', 'void')),
  -- A lost slip is voided by the serial printed on it.
  UNIQUE (event_id, serial),
  -- A category that has slips cannot be removed from its event.
  FOREIGN KEY (event_id, category_code) REFERENCES voter_categories (event_id, code)
);
-- Counts of issued/used/void/unused per category are read often (console, big screen, completeness check).
CREATE INDEX slips_event_category_state_idx ON slips (event_id, category_code, state);
