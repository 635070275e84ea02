-- One vote per transaction, the way a server without group commit casts it: consume the slip, insert the
-- ballot, commit (durably: the script checks synchronous_commit and fsync are on). run-load.sh runs it with
-- -M prepared, so the variables below travel as parameters, as the server's do.
--
-- Each transaction consumes a slip of its own: :n counts this client's transactions (it persists across a
-- client's transactions; -D n=-1 starts it), so ids base + n * nclients + client_id never repeat within a run,
-- and each run starts its base above the highest id used before. run-load.sh created the slips with
-- token_sha256 = sha256('pgbench-<id>') and checks afterwards that every transaction consumed one.
--
-- :answers is the text of a ballot the server stored during the same run (the same size and shape), parsed
-- into jsonb on every insert as the server's are; :event is a separate open event with category P.
\set n :n + 1
\set id :base + :n * :nclients + :client_id
BEGIN;
UPDATE slips SET state = 'used' WHERE token_sha256 = sha256(('pgbench-' || :id)::bytea) AND state = 'unused';
INSERT INTO ballots (event_id, category_code, channel, unreadable, answers, receipt_sha256)
  VALUES (:event, 'P', 'phone', false, :answers, sha256(('pgbench-receipt-' || :id)::bytea));
COMMIT;
