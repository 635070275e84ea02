-- Foundation: staff accounts, sign-in throttling, server secrets, the audit log, events and their ballot forms.

-- Staff who prepare and run events. Voters never have accounts: they hold anonymous slips.
CREATE TABLE accounts (
  id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  username       text NOT NULL,
  display_name   text NOT NULL,
  role           text NOT NULL CHECK (role IN ('admin', 'organizer', 'clerk', 'observer')),
  password_hash  text NOT NULL,
  active         boolean NOT NULL DEFAULT true,
  -- Bumped on password change, reset or disable: tokens carry it, so older tokens stop working at once.
  token_version  integer NOT NULL DEFAULT 0,
  created_at     timestamptz NOT NULL DEFAULT now(),
  updated_at     timestamptz NOT NULL DEFAULT now()
);
-- Usernames are compared case-insensitively, so 'Admin' cannot shadow 'admin'.
CREATE UNIQUE INDEX accounts_username_key ON accounts (lower(username));

-- Failed sign-ins per account ('user:<name>') and per address ('addr:<ip>'), shared by every instance.
CREATE TABLE login_failures (
  key           text PRIMARY KEY,
  failures      integer NOT NULL,
  window_start  timestamptz NOT NULL
);

-- Secrets generated on first run (the JWT signing key), kept in the database so that every instance
-- sharing it signs and verifies with the same key.
CREATE TABLE server_secrets (
  name        text PRIMARY KEY,
  value       text NOT NULL,
  created_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE events (
  id                   uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  title                text NOT NULL,
  organizing_unit      text NOT NULL DEFAULT '',
  event_date           date,
  venue                text NOT NULL DEFAULT '',
  expected_attendance  integer NOT NULL DEFAULT 0 CHECK (expected_attendance >= 0),
  status               text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'open', 'closed', 'archived')),
  counters             jsonb NOT NULL DEFAULT '[]',
  supervisors          jsonb NOT NULL DEFAULT '[]',
  responsible_name     text NOT NULL DEFAULT '',
  responsible_title    text NOT NULL DEFAULT '负责人',
  created_by           uuid REFERENCES accounts (id),
  created_at           timestamptz NOT NULL DEFAULT now(),
  updated_at           timestamptz NOT NULL DEFAULT now(),
  opened_at            timestamptz,
  closed_at            timestamptz,
  archived_at          timestamptz
);
-- The console lists events newest first.
CREATE INDEX events_created_at_idx ON events (created_at DESC);

-- 参评人员类别: slips are issued per category, so a ballot knows its category and nothing else about its voter.
CREATE TABLE voter_categories (
  event_id  uuid NOT NULL REFERENCES events (id) ON DELETE CASCADE,
  code      text NOT NULL,
  name      text NOT NULL,
  expected  integer NOT NULL DEFAULT 0 CHECK (expected >= 0),
  weight    numeric CHECK (weight IS NULL OR weight > 0),
  position  integer NOT NULL,
  PRIMARY KEY (event_id, code)
);

-- Ballot forms: the JSON document described in docs/form-format.md. Editable while the event is a draft;
-- frozen (with the SHA-256 of its canonical JSON) when the event opens.
CREATE TABLE forms (
  id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  event_id     uuid NOT NULL REFERENCES events (id) ON DELETE CASCADE,
  position     integer NOT NULL,
  definition   jsonb NOT NULL,
  version      integer NOT NULL DEFAULT 1,
  frozen_at    timestamptz,
  frozen_sha256 text,
  created_at   timestamptz NOT NULL DEFAULT now(),
  updated_at   timestamptz NOT NULL DEFAULT now()
);
-- An event's forms are always read together, in order.
CREATE INDEX forms_event_idx ON forms (event_id, position);

-- Append-only record of every staff action that changes something.
CREATE TABLE audit_log (
  id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  at           timestamptz NOT NULL DEFAULT now(),
  actor_id     uuid,
  actor_name   text NOT NULL,
  action       text NOT NULL,
  object_type  text NOT NULL,
  object_id    text,
  event_id     uuid,
  details      jsonb NOT NULL DEFAULT '{}'
);
-- The console reads an event's trail, newest first.
CREATE INDEX audit_log_event_idx ON audit_log (event_id, id DESC);

-- The log is evidence: refuse any change to a written row, whoever asks.
CREATE FUNCTION audit_log_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only';
END;
$$;
CREATE TRIGGER audit_log_no_update BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_is_append_only();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_is_append_only();
