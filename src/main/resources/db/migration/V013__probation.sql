-- 试用期管理: the register of newly appointed cadres on probation, and the assessment (民主测评) that ends it.
-- The register holds the assessed, never the voters: nothing here refers to slips, ballots or who voted.

CREATE TABLE probation_entries (
  id                        uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name                      text NOT NULL,
  former_post               text NOT NULL DEFAULT '',
  current_post              text NOT NULL DEFAULT '',
  unit                      text NOT NULL DEFAULT '',
  -- Dates, not moments: the probation ends on a calendar day (任职时间 + 试用期 months).
  appointed_on              date NOT NULL,
  probation_months          integer NOT NULL DEFAULT 12 CHECK (probation_months BETWEEN 1 AND 60),
  -- The 试用期满考核 started from the register; "done" is this event archived. Events are never deleted.
  assessment_event_id       uuid REFERENCES events (id),
  -- The person's section in the event's 民主测评 form (p1, p2...), to find the figures when the event is archived.
  assessment_section        text,
  -- Copied from the tally report when the event is archived (percent, two decimals, as the summary table prints).
  excellent_rate            numeric(5, 2),
  competent_or_better_rate  numeric(5, 2),
  incompetent_share         numeric(5, 2),
  assessed_on               date,
  created_by                uuid REFERENCES accounts (id),
  created_at                timestamptz NOT NULL DEFAULT now(),
  updated_at                timestamptz NOT NULL DEFAULT now()
);
-- The register is read in order of when the probation ends (the home page's due list).
CREATE INDEX probation_entries_appointed_idx ON probation_entries (appointed_on, name);
-- Archiving an event looks up the entries it assesses.
CREATE INDEX probation_entries_event_idx ON probation_entries (assessment_event_id) WHERE assessment_event_id IS NOT NULL;
