#!/usr/bin/env bash
# Latency below saturation: run-load.sh keeps all its connections busy, so its p99 is mostly queueing
# (Little's law: 2,000 connections ÷ 3,000 ballots/s ≈ 0.67 s each). A hall's phones arrive at their own pace:
# here every one of CONCURRENCY connections waits a random 0–2× pace before each ballot (BALLOT_PACE_MS in
# bench/load/ballots.lua), so the arrival rate is set, and each rate's p50/p90/p99 is measured at it.
#
#   bench/latency.sh                           # 2,000 connections at 250, 500, 1,000 and 2,000 ballots/s
#   RATES="100 1000" SECONDS_PER_RATE=20 bench/latency.sh
# Its last line, for scripts: one rate_<r>=<achieved ballots/s>:<p99 ms> per rate, then errors= and heap_mb=.
BENCH_NAME=latency.sh
source "$(dirname "$0")/lib.sh"

CONCURRENCY=${CONCURRENCY:-2000}
RATES=${RATES:-"250 500 1000 2000"}
SECONDS_PER_RATE=${SECONDS_PER_RATE:-30}
WARMUP=${WARMUP:-20000}                  # unpaced first, so that the JIT has compiled the ballot path
SLIPS=0
for rate in $RATES; do
  [[ $rate =~ ^[0-9]+$ && $rate -ge 10 ]] || die "RATES must be numbers of at least 10"
  SLIPS=$((SLIPS + rate * SECONDS_PER_RATE))
done
need_tools java javac mvn psql jstat curl ss wrk
build
fresh_database
raise_fd_limit "$CONCURRENCY"
start_server
set_up_event
WRK=(-t "$WRK_THREADS" -c "$CONCURRENCY" --timeout 60s -d 1h -s bench/load/ballots.lua "http://127.0.0.1:$PORT" --)

log "warm-up: $WARMUP ballots over $CONCURRENCY connections, unpaced"
run_wrk warmup "${WRK[@]}" "$OUT/tokens-warmup.txt" "$WRK_THREADS" "$OUT/answers.json" w "$OUT/done-warmup"
first=1
phase_letters=ABCDEFGHIJKLMNOPQRSTUVWXYZ   # each rate's nonce prefix (ballots.lua: one character)
accepted=0
sent=0
for rate in $RATES; do
  count=$((rate * SECONDS_PER_RATE))
  sed -n "${first},$((first + count - 1))p" "$OUT/tokens.txt" >"$OUT/tokens-$rate.txt"
  first=$((first + count))
  pace=$((CONCURRENCY * 1000 / rate))
  log "$rate ballots/s: $count ballots over $CONCURRENCY connections, each waiting 0–$((2 * pace)) ms before each"
  BALLOT_PACE_MS=$pace BALLOT_PACE_CONNECTIONS=$CONCURRENCY run_wrk "r$rate" "${WRK[@]}" "$OUT/tokens-$rate.txt" "$WRK_THREADS" "$OUT/answers.json" \
    "${phase_letters:0:1}" "$OUT/done-r$rate"
  phase_letters=${phase_letters:1}
  accepted=$((accepted + $(result "r${rate}_accepted")))
  sent=$((sent + $(result "r${rate}_sent")))
done
check_stored $(($(result warmup_accepted) + accepted)) $(($(result warmup_sent) + sent))
heap=$(peak_heap_mb)
stop_server

errors=0
rows=()
summary=()
for rate in $RATES; do
  r="r$rate"
  achieved=$(awk -v a="$(result "${r}_accepted")" -v s="$(result "${r}_seconds")" 'BEGIN { printf "%.0f", a / s }')
  not_ok=$(( $(result "${r}_sent") - $(result "${r}_accepted") + $(result "${r}_socket_errors") ))
  errors=$((errors + not_ok))
  rows+=("$(printf '  %5d/s asked  %5d/s accepted  p50 %7s ms  p90 %7s ms  p99 %7s ms  max %7s ms  not 201 %s {%s}  CPU server %s PostgreSQL %s client %s' \
    "$rate" "$achieved" "$(result "${r}_p50_ms")" "$(result "${r}_p90_ms")" "$(result "${r}_p99_ms")" "$(result "${r}_max_ms")" \
    "$not_ok" "$(result "${r}_not_201")" "$(result "${r}_cpu_server")" "$(result "${r}_cpu_postgres")" "$(result "${r}_cpu_client")")")
  summary+=("rate_$rate=$achieved:$(result "${r}_p99_ms")")
done
cat <<REPORT

================ 投票延迟 / latency at a set arrival rate — $(nproc) cores, $(date '+%F %T'), $(basename "$JAR") at $(git rev-parse --short HEAD 2>/dev/null || echo '?') ================
$CONCURRENCY connections, ${SECONDS_PER_RATE} s per rate, each ballot's time from its sending to its 201
$(printf '%s\n' "${rows[@]}")
stored                  $(result stored_ballots) ballots in the database: every 201 among them, each with its slip used
server memory           peak heap in use $heap MB (-Xmx$SERVER_HEAP), peak RSS $(result rss_peak_mb) MB
REPORT
echo "${summary[*]} errors=$errors heap_mb=$heap"
