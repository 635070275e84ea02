-- After voting closes, the slips handed out but never used are declared not returned (未收回), so that every
-- issued slip is accounted for in the record: used, void, or not returned.
ALTER TABLE slips DROP CONSTRAINT slips_state_check;
ALTER TABLE slips ADD CONSTRAINT slips_state_check CHECK (state IN ('unused', 'used', 'void', 'unreturned'));
