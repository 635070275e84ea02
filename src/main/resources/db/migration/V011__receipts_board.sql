-- The public receipts board (回执码公布, /r/<board_key>): after voting closes, anyone holding the link sees every
-- receipt code of the event, sorted, and can check their own; before the close the address answers 404 like any
-- unknown one.
--
-- Its own key, not the event id: the event id travels in staff addresses, the big screen's /screen/<event> and the
-- access log, and addresses the event itself; the board key addresses only the published list, is shown only after
-- the close (on the big screen's last page and in the console), and cannot be derived from anything else.
-- 122 random bits (gen_random_uuid, a strong random source) as 32 hex digits: nothing to enumerate or guess, and
-- long enough that the access log masks it like a slip token. Filled for existing events too (evaluated per row).
ALTER TABLE events ADD COLUMN board_key text NOT NULL DEFAULT replace(gen_random_uuid()::text, '-', '');
-- The board's look-up is by this key alone.
CREATE UNIQUE INDEX events_board_key_idx ON events (board_key);
