-- 意见箱 (README, 意见箱): an always-open anonymous channel about selection and appointment work. Anyone holding a
-- box's link (its poster's QR code) may leave a message without an account; staff triage it and reply, and the
-- submitter reads the reply with a follow-up code only they hold.
--
-- Anonymity as for ballots: no message row holds an address, a device, a time finer than the day, or anything
-- ordered by arrival. A message first waits in feedback_inbox, written in a transaction of its own; the inbox mixer
-- (org.pingyi.feedback.InboxMixer) moves messages into feedback_messages in shuffled batches, in a transaction of
-- its own: all of a day's messages once the day is over, or, on a busy day, all but k once 2k are waiting. So no
-- stored message shares a transaction id (xmin) or a place in the table with the moment it arrived, and staff see
-- a day's messages appear together, not one by one as people walk past the poster.

-- The day as the boxes count it: Beijing time, whatever the database server's zone.
CREATE FUNCTION feedback_today() RETURNS date LANGUAGE sql STABLE AS $$
  SELECT (now() AT TIME ZONE 'Asia/Shanghai')::date
$$;

CREATE TABLE feedback_boxes (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  -- The address phones open, /f/<public_key>: 122 random bits as 32 hex digits, not the box id, so that nothing
  -- in staff addresses finds the public page, and long enough that the access log would mask it like a token.
  public_key  text NOT NULL DEFAULT replace(gen_random_uuid()::text, '-', '') CHECK (public_key ~ '^[0-9a-f]{32}$'),
  title       text NOT NULL,
  unit        text NOT NULL DEFAULT '',
  -- A box for one event (its title shown on the page), or for a unit (NULL).
  event_id    uuid REFERENCES events (id) ON DELETE SET NULL,
  created_by  uuid REFERENCES accounts (id),
  created_at  timestamptz NOT NULL DEFAULT now()
);
-- The public page finds its box by the key alone.
CREATE UNIQUE INDEX feedback_boxes_public_key_idx ON feedback_boxes (public_key);

-- The right to triage messages, which admins grant to accounts of any role (organizers and admins have it anyway).
CREATE TABLE feedback_handlers (
  account_id  uuid PRIMARY KEY REFERENCES accounts (id) ON DELETE CASCADE
);

-- Messages waiting to be mixed. The follow-up code is kept only as its SHA-256, as slip tokens are: the code the
-- submitter was shown is its only copy.
CREATE TABLE feedback_inbox (
  followup_sha256  bytea PRIMARY KEY,
  box_id           uuid NOT NULL REFERENCES feedback_boxes (id) ON DELETE CASCADE,
  received_on      date NOT NULL DEFAULT feedback_today(),
  category         text NOT NULL CHECK (category IN ('selection', 'conduct', 'other')),
  cadre            text NOT NULL DEFAULT '',
  body             text NOT NULL CHECK (char_length(body) BETWEEN 1 AND 2000)
);
-- Waiting rows are deleted within a day; their dead versions (which still hold the text and the arrival's
-- transaction id) are vacuumed by the mixer after each move, and autovacuum must not wait for a threshold either.
ALTER TABLE feedback_inbox SET (autovacuum_vacuum_threshold = 0, autovacuum_vacuum_scale_factor = 0);

-- Mixed messages and their triage. A random id (no serial); the only date is the day received and the day of the
-- last reply. Who did what when is in the audit log (never the message's text).
CREATE TABLE feedback_messages (
  id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  box_id           uuid NOT NULL REFERENCES feedback_boxes (id) ON DELETE CASCADE,
  received_on      date NOT NULL,
  category         text NOT NULL CHECK (category IN ('selection', 'conduct', 'other')),
  cadre            text NOT NULL DEFAULT '',
  body             text NOT NULL CHECK (char_length(body) BETWEEN 1 AND 2000),
  followup_sha256  bytea NOT NULL,
  status           text NOT NULL DEFAULT 'new' CHECK (status IN ('new', 'read', 'referred', 'done')),
  referred_to      text NOT NULL DEFAULT '',
  reply            text NOT NULL DEFAULT '',
  replied_on       date
);
-- A submitter's look-up is by the code's hash.
CREATE UNIQUE INDEX feedback_messages_followup_idx ON feedback_messages (followup_sha256);
-- The console lists a box's messages, newest day first.
CREATE INDEX feedback_messages_box_idx ON feedback_messages (box_id, received_on DESC);
