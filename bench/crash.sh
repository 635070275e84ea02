#!/usr/bin/env bash
# kill -9 of the server in the middle of a load run (issue 6), then a restart: every ballot answered 201 is
# stored, no slip is used without its ballot and no ballot exists without its used slip, and the server
# serves again over the same database, and each receipt code answered 201 during the run is looked up among
# the stored ballots. (The test suite's CrashDuringVotingTest does the same with 32 phones.)
#
#   bench/crash.sh                      # 2,000 connections, killed 20 s into the run
#   CONCURRENCY=500 KILL_AFTER=10 bench/crash.sh
BENCH_NAME=crash.sh
source "$(dirname "$0")/lib.sh"

SLIPS=${SLIPS:-200000}
CONCURRENCY=${CONCURRENCY:-2000}
WARMUP=${WARMUP:-2000}
KILL_AFTER=${KILL_AFTER:-20}

need_tools java javac mvn psql jstat curl ss wrk
build
fresh_database
raise_fd_limit "$CONCURRENCY"
start_server
set_up_event
WRK=(-t "$WRK_THREADS" -c "$CONCURRENCY" --timeout 60s -d 1h -s bench/load/ballots.lua "http://127.0.0.1:$PORT" --)
run_wrk warmup "${WRK[@]}" "$OUT/tokens-warmup.txt" "$WRK_THREADS" "$OUT/answers.json" w "$OUT/done-warmup"

log "ballots over $CONCURRENCY connections; kill -9 of the server after $KILL_AFTER s"
( sleep "$KILL_AFTER"; kill -9 "$SERVER_PID"; echo "killed_at_ms=$(($(date +%s%N) / 1000000))" >>"$RESULT_FILE" ) &
killer=$!
rm -rf "$OUT/receipts" && mkdir -p "$OUT/receipts"
WRK_STOP_AFTER=$((KILL_AFTER + 5)) run_wrk killed "${WRK[@]}" "$OUT/tokens.txt" "$WRK_THREADS" "$OUT/answers.json" k \
  "$OUT/done-killed" "$OUT/receipts"
wait "$killer"
SERVER_PID=""
kill "$SAMPLER_PID" 2>/dev/null || true
wait "$SAMPLER_PID" 2>/dev/null || true

log "restarting the server over the same database"
start_server
accepted=$(($(result warmup_accepted) + $(result killed_accepted)))
sent=$(($(result warmup_sent) + $(result killed_sent)))
check_stored "$accepted" "$sent"
check_receipts "$OUT/receipts"
orphans=$(psql_db -c "SELECT (SELECT count(*) FROM slips WHERE event_id = '$event_id' AND state = 'used')
  - (SELECT count(*) FROM $CAST_BALLOTS WHERE event_id = '$event_id')")
health=$(curl -s "http://127.0.0.1:$PORT/health")
stop_server

cat <<REPORT

================ 断电 / kill -9 during load — $(nproc) cores, $(date '+%F %T'), $(basename "$JAR") at $(git rev-parse --short HEAD 2>/dev/null || echo '?') ================
before the kill         $(result killed_accepted) ballots answered 201 over $CONCURRENCY connections in the first $KILL_AFTER s
cut off                 $(( $(result killed_sent) - $(result killed_accepted) )) slips tried without a 201: in flight at the kill or tried while the server was gone ($(result killed_socket_errors) socket errors; other answers {$(result killed_not_201)})
stored after restart    $(result stored_ballots) ballots, $(result unanswered_stored) more than were answered 201 (stored, but the answer was lost with the connection: their phones retry and get their receipt)
receipts checked        $(result receipts_checked) receipt codes answered 201 during the run, each looked up among the stored ballots: $(result receipts_missing) missing
slips used − ballots    $orphans   (0: no slip used without its ballot, no ballot without its slip)
after restart           /health $health
REPORT
printf 'acknowledged=%s stored=%s unanswered_stored=%s receipts_missing=%s orphans=%s\n' "$accepted" \
  "$(result stored_ballots)" "$(result unanswered_stored)" "$(result receipts_missing)" "$orphans"
