#!/usr/bin/env bash
# Ten thousand big screens while voting goes on (issue 6): casts half the slips with no screen open, then opens
# STREAMS live-tally streams (bench/load/ScreenWatchers.java, each on its own connection with a screen link's
# key) and casts the other half. Reports the ballots/s and latency of both halves side by side (what the
# screens cost voting), the snapshots the screens received, how long after the last ballot's answer every
# screen showed the final count, and the server's peak heap and RSS; checks the stored ballots as always.
#
#   bench/screens.sh                    # 10,000 streams, 2 × 20,000 ballots over 200 connections
#   STREAMS=2000 SLIPS=10000 bench/screens.sh
#   STREAMS=4 SLIPS=100000 CONCURRENCY=2000 bench/screens.sh   # a hall's few screens under the voting load
BENCH_NAME=screens.sh
source "$(dirname "$0")/lib.sh"

STREAMS=${STREAMS:-10000}
SLIPS=${SLIPS:-40000}
CONCURRENCY=${CONCURRENCY:-200}
WARMUP=${WARMUP:-2000}

[[ $STREAMS =~ ^[0-9]+$ && $STREAMS -ge 1 ]] || die "STREAMS must be a positive number"
[[ $SLIPS =~ ^[0-9]+$ && $SLIPS -ge 2 ]] || die "SLIPS must be a number of at least 2"
need_tools java javac mvn psql jstat curl ss wrk
build
fresh_database
raise_fd_limit $((STREAMS + CONCURRENCY))
start_server
set_up_event
half=$((SLIPS / 2))
head -n "$half" "$OUT/tokens.txt" >"$OUT/tokens-alone.txt"
tail -n +"$((half + 1))" "$OUT/tokens.txt" >"$OUT/tokens-screens.txt"
WRK=(-t "$WRK_THREADS" -c "$CONCURRENCY" --timeout 60s -d 1h -s bench/load/ballots.lua "http://127.0.0.1:$PORT" --)

log "warm-up: $WARMUP ballots"
run_wrk warmup "${WRK[@]}" "$OUT/tokens-warmup.txt" "$WRK_THREADS" "$OUT/answers.json" w "$OUT/done-warmup"
log "ballots with no screen open: $half"
run_wrk alone "${WRK[@]}" "$OUT/tokens-alone.txt" "$WRK_THREADS" "$OUT/answers.json" a "$OUT/done-alone"

log "opening $STREAMS live-tally streams"
STREAMS=$STREAMS TARGET=$((WARMUP + SLIPS)) EVENT_ID=$event_id BENCH_PORT=$PORT SCREEN_KEY=$(result screen_key) \
  java -Xmx2g -Dlogback.configurationFile="$ROOT/bench/load/logback.xml" -cp "$CLIENT_CP" org.pingyi.bench.ScreenWatchers \
  >"$OUT/watchers.out" 2>"$OUT/watchers.err" &
WATCHERS_PID=$!
for _ in $(seq 360); do
  grep -qs '^streams_open=' "$OUT/watchers.out" && break
  kill -0 "$WATCHERS_PID" 2>/dev/null || { cat "$OUT/watchers.err"; die "the screen watchers stopped"; }
  sleep 0.5
done
grep -q '^streams_open=' "$OUT/watchers.out" || die "the streams did not open within 180 s"
log "$(grep '^streams_open=' "$OUT/watchers.out") $(grep '^streams_failed=' "$OUT/watchers.out")"

log "ballots with $STREAMS screens open: $((SLIPS - half))"
run_wrk screens "${WRK[@]}" "$OUT/tokens-screens.txt" "$WRK_THREADS" "$OUT/answers.json" s "$OUT/done-screens"
voting_ended_ms=$(($(date +%s%N) / 1000000))
wait "$WATCHERS_PID" || { cat "$OUT/watchers.err"; die "the screen watchers failed"; }
sed -n 's/^\([a-z_]*\)=/watchers_\1=/p' "$OUT/watchers.out" >>"$RESULT_FILE"
check_stored $(($(result warmup_accepted) + $(result alone_accepted) + $(result screens_accepted))) \
  $(($(result warmup_sent) + $(result alone_sent) + $(result screens_sent)))
heap=$(peak_heap_mb)
stop_server

rate() { awk -v a="$(result "$1_accepted")" -v s="$(result "$1_seconds")" 'BEGIN { printf "%.0f", a / s }'; }
alone=$(rate alone)
with=$(rate screens)
ratio=$(awk -v a="$with" -v b="$alone" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }')
last=$(result watchers_last_reached_ms)
lag=$([[ $last == -1 ]] && echo "never" || echo $((last - voting_ended_ms)))
per_screen=$(awk -v n="$(result watchers_snapshots)" -v s="$STREAMS" -v t="$(result screens_seconds)" \
  'BEGIN { printf "%.1f", n / s / t }')
errors=$(( $(result alone_sent) - $(result alone_accepted) + $(result screens_sent) - $(result screens_accepted) ))
cat <<REPORT

================ 大屏幕 / screens — $(nproc) cores, $(date '+%F %T'), $(basename "$JAR") at $(git rev-parse --short HEAD 2>/dev/null || echo '?') ================
ballots, no screen open       $alone ballots/s   p50 $(result alone_p50_ms) ms   p99 $(result alone_p99_ms) ms   ($(result alone_accepted) accepted of $(result alone_sent))
ballots, $STREAMS screens open  $with ballots/s   p50 $(result screens_p50_ms) ms   p99 $(result screens_p99_ms) ms   ($(result screens_accepted) accepted of $(result screens_sent))
  with ÷ without              $ratio
  not 201                     $errors   {$(result alone_not_201)} {$(result screens_not_201)}
screens                       $(result watchers_streams_open) of $STREAMS opened ($(result watchers_streams_failed) failed); $(result watchers_snapshots) snapshots received, $per_screen per screen per second of voting
longest without a snapshot    $(result watchers_longest_gap_ms) ms on any screen while the ballots came in
final count on every screen   $(result watchers_reached) of $STREAMS showed all $((WARMUP + SLIPS)) ballots, the last $lag ms after the last ballot's answer
stored                        $(result stored_ballots) ballots in the database: every 201 among them, each with its slip used
CPU while screens open        server $(result screens_cpu_server)  PostgreSQL $(result screens_cpu_postgres)  wrk $(result screens_cpu_client)  other (screen client, kernel) $(result screens_cpu_other)
server memory                 peak heap in use $heap MB (-Xmx$SERVER_HEAP), peak RSS $(result rss_peak_mb) MB
REPORT
printf 'streams=%s ballots_per_s_alone=%s ballots_per_s_screens=%s ratio=%s longest_gap_ms=%s final_lag_ms=%s errors=%s heap_mb=%s\n' \
  "$STREAMS" "$alone" "$with" "$ratio" "$(result watchers_longest_gap_ms)" "$lag" "$errors" "$heap"
