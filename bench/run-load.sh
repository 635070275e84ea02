#!/usr/bin/env bash
# The voting load benchmark: one command sets everything up, measures, and prints a table ending with one
# line for scripts. See bench/README.md (## 投票负载) for what is measured and how to read it.
#
#   bench/run-load.sh                                   # defaults: 200,000 slips, 2,000 connections
#   SLIPS=50000 CONCURRENCY=64 bench/run-load.sh
#   JAR=/path/to/other/pingyi.jar bench/run-load.sh     # measure another build
#
# It measures, in one run and on one database:
#   1. the server (java -Xmx256m -jar target/pingyi.jar, a separate process) casting real ballots over HTTP,
#      each slip once, at CONCURRENCY keep-alive connections driven by wrk (bench/load/ballots.lua), with its
#      heap and RSS sampled every 250 ms;
#   2. its HTTP ceiling: GET /ping from wrk at the same concurrency;
#   3. PostgreSQL's own rate for the same vote done one per transaction (pgbench, bench/pgbench-vote.sql),
#      at the client count that is fastest here.
set -euo pipefail

cd "$(dirname "$0")/.."
ROOT=$PWD
OUT=$ROOT/target/bench
mkdir -p "$OUT"

SLIPS=${SLIPS:-200000}
CONCURRENCY=${CONCURRENCY:-2000}
WARMUP=${WARMUP:-5000}                   # ballots cast first, not counted (also opens every connection)
PING_SECONDS=${PING_SECONDS:-10}
PING_WARMUP_SECONDS=${PING_WARMUP_SECONDS:-5}
PGBENCH_SECONDS=${PGBENCH_SECONDS:-10}   # per client count tried
PGBENCH_CLIENTS=${PGBENCH_CLIENTS:-"8 16 32 64"}
WRK_THREADS=${WRK_THREADS:-2}             # wrk's threads (one event loop each)
SERVER_HEAP=${SERVER_HEAP:-256m}
SERVER_JAVA_OPTS=${SERVER_JAVA_OPTS:-}    # extra JVM options for the server, e.g. a flight recording
PGHOST=${PGHOST:-127.0.0.1}
PGPORT=${PGPORT:-5432}
PGUSER=${PGUSER:-postgres}
BENCH_DB=${BENCH_DB:-pingyi_bench}
ADMIN_PASSWORD=bench-admin-$RANDOM$RANDOM
export PGHOST PGPORT PGUSER

die() { echo "run-load.sh: $*" >&2; exit 1; }
log() { printf '[%s] %s\n' "$(date +%T)" "$*"; }
psql_db() { psql -X -q -v ON_ERROR_STOP=1 -At -d "$BENCH_DB" "$@"; }

[[ $SLIPS =~ ^[0-9]+$ && $SLIPS -ge 1 ]] || die "SLIPS must be a positive number"
[[ $CONCURRENCY =~ ^[0-9]+$ && $CONCURRENCY -ge 64 && $CONCURRENCY -le 2000 ]] || die "CONCURRENCY must be 64..2000"
for tool in java javac mvn psql pgbench jstat curl ss wrk; do
  command -v "$tool" >/dev/null || die "$tool is not installed"
done
started=$SECONDS

# --- build: the server jar and the load client -----------------------------------------------------------
if [[ -n ${JAR:-} ]]; then
  [[ -f $JAR ]] || die "JAR=$JAR does not exist"
elif [[ ! -f target/pingyi.jar || -n $(find pom.xml src webroot -newer target/pingyi.jar -print -quit) ]]; then
  log "building target/pingyi.jar"
  mvn -q -B package -DskipTests
fi
JAR=$(readlink -f "${JAR:-target/pingyi.jar}")
if [[ ! -f $OUT/classpath.txt || pom.xml -nt $OUT/classpath.txt ]]; then
  # vertx-web-client is a test dependency of the project: take the test classpath.
  mvn -q -B dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$OUT/classpath.txt"
fi
CLIENT_CP="$OUT/classes:$(cat "$OUT/classpath.txt")"
if [[ ! -d $OUT/classes || -n $(find bench/load -newer "$OUT/classes" -print -quit) ]]; then
  rm -rf "$OUT/classes"
  javac -d "$OUT/classes" -cp "$CLIENT_CP" bench/load/org/pingyi/bench/*.java
fi

# --- PostgreSQL: up, durable, and a fresh database -------------------------------------------------------
if ! pg_isready -q; then
  log "starting PostgreSQL 15"
  pg_ctlcluster --skip-systemctl-redirect 15 main start
  for _ in $(seq 50); do pg_isready -q && break; sleep 0.2; done
fi
sync_commit=$(psql -X -At -d postgres -c "SHOW synchronous_commit")
fsync=$(psql -X -At -d postgres -c "SHOW fsync")
[[ $sync_commit == on && $fsync == on ]] || die "commits must be durable: synchronous_commit=$sync_commit fsync=$fsync"
PGDATA_DIR=$(psql -X -At -d postgres -c "SHOW data_directory")
POSTMASTER_PID=$(head -1 "$PGDATA_DIR/postmaster.pid")
PG_BIN=$(dirname "$(readlink -f "$(command -v pgbench)")")
[[ -x $PG_BIN/pg_waldump ]] || PG_BIN=/usr/lib/postgresql/15/bin
psql -X -q -d postgres -c "DROP DATABASE IF EXISTS $BENCH_DB WITH (FORCE)" -c "CREATE DATABASE $BENCH_DB"

# --- the server ------------------------------------------------------------------------------------------
# Both the server and the client keep one socket per connection: raise the open-files limit for both.
hard_limit=$(ulimit -Hn)
ulimit -n "$([[ $hard_limit == unlimited ]] && echo 1048576 || echo "$hard_limit")"
(( $(ulimit -n) >= CONCURRENCY + 1024 )) || die "ulimit -n is $(ulimit -n); need at least $((CONCURRENCY + 1024))"
PORT=${PINGYI_HTTP_PORT:-}
if [[ -z $PORT ]]; then
  for candidate in $(seq 18080 18180); do
    if ! ss -Hltn "sport = :$candidate" | grep -q .; then PORT=$candidate; break; fi
  done
  [[ -n $PORT ]] || die "no free port in 18080..18180"
fi

SERVER_PID=""
SAMPLER_PID=""
cleanup() {
  [[ -n $SERVER_PID ]] && kill "$SERVER_PID" 2>/dev/null && wait "$SERVER_PID" 2>/dev/null
  [[ -n $SAMPLER_PID ]] && kill "$SAMPLER_PID" 2>/dev/null && wait "$SAMPLER_PID" 2>/dev/null
  return 0
}
trap cleanup EXIT
trap 'exit 130' INT TERM

log "starting $JAR on port $PORT (heap -Xmx$SERVER_HEAP, database $BENCH_DB)"
DATABASE_URL="postgresql://$PGUSER@$PGHOST:$PGPORT/$BENCH_DB" PINGYI_ADMIN_PASSWORD=$ADMIN_PASSWORD \
  PINGYI_HTTP_PORT=$PORT PINGYI_PUBLIC_URL="http://127.0.0.1:$PORT" PINGYI_DATA_DIR="$OUT/data" \
  java -Xmx"$SERVER_HEAP" $SERVER_JAVA_OPTS -jar "$JAR" >"$OUT/server.log" 2>&1 &
SERVER_PID=$!
for _ in $(seq 240); do
  curl -fs "http://127.0.0.1:$PORT/health" >/dev/null 2>&1 && break
  kill -0 "$SERVER_PID" 2>/dev/null || { tail -20 "$OUT/server.log"; die "the server stopped"; }
  sleep 0.25
done
curl -fs "http://127.0.0.1:$PORT/health" >/dev/null || die "the server did not answer /health within 60 s"

# Heap (jstat -gc, every 250 ms) and RSS, each line stamped with the wall clock in microseconds.
sample_server() {
  local line rss key value
  jstat -gc "$SERVER_PID" 250 | while IFS= read -r line; do
    rss=0
    while read -r key value _; do [[ $key == VmRSS: ]] && rss=$value; done <"/proc/$SERVER_PID/status" 2>/dev/null || true
    printf '%s %s %s\n' "${EPOCHREALTIME/./}" "$rss" "$line"
  done
}
sample_server >"$OUT/heap.log" 2>/dev/null &
SAMPLER_PID=$!

# --- the load: set-up through the API, then wrk for the warm-up, the /ping ceiling and the ballots ----------
log "set-up: an event and $((WARMUP + SLIPS)) slips through the API"
RESULT_FILE=$OUT/load-result.properties
PHASES=$OUT/phases.log
rm -f "$RESULT_FILE" "$PHASES"
BENCH_HOST=127.0.0.1 BENCH_PORT=$PORT PINGYI_ADMIN_PASSWORD=$ADMIN_PASSWORD SLIPS=$SLIPS WARMUP=$WARMUP OUT_DIR=$OUT \
  java -Xmx1g -Dlogback.configurationFile="$ROOT/bench/load/logback.xml" -cp "$CLIENT_CP" org.pingyi.bench.LoadSetup \
  >"$RESULT_FILE" || die "the set-up failed"
result() { sed -n "s/^$1=//p" "$RESULT_FILE" | tail -1; }
put() { echo "$1=$2" >>"$RESULT_FILE"; }
phase() { echo "PHASE $1 $(($(date +%s%N) / 1000000))" >>"$PHASES"; }
event_id=$(result event_id)

# CPU: the machine's busy ticks (/proc/stat), the server's and PostgreSQL's (its postmaster and backends), and
# the time of day; wrk's own CPU comes from bash's time. Whatever is left is the kernel's network work
# (softirq on loopback) and other processes.
ticks_of() {
  local sum=0 pid stat
  for pid in "$@"; do
    stat=$(cat "/proc/$pid/stat" 2>/dev/null) || continue
    read -r -a f <<<"${stat##*) }"
    sum=$((sum + f[11] + f[12]))
  done
  echo "$sum"
}
# PostgreSQL: the postmaster, its live backends, and (cutime, cstime) the backends that exited meanwhile.
postgres_ticks() {
  local stat
  stat=$(cat "/proc/$POSTMASTER_PID/stat")
  read -r -a f <<<"${stat##*) }"
  echo $(( f[13] + f[14] + $(ticks_of "$POSTMASTER_PID" $(pgrep -P "$POSTMASTER_PID")) ))
}
cpu_sample() {
  echo "$(awk '/^cpu / {print $2 + $3 + $4 + $7 + $8 + $9}' /proc/stat) $(ticks_of "$SERVER_PID")" \
    "$(postgres_ticks) $EPOCHREALTIME"
}
# run_wrk <name> <wrk arguments>: runs wrk, keeps its key=value lines as <name>_<key>, and the CPU per party.
# ballots.lua threads leave a file in $OUT/done-<name> when their ballots are all answered: wrk is then
# interrupted (it reports on SIGINT), since it would otherwise wait for its whole -d duration.
run_wrk() {
  local name=$1 before after elapsed wrk_pid wrk_ticks=0 ticks
  shift
  rm -rf "$OUT/done-$name" && mkdir -p "$OUT/done-$name"
  read -r -a before < <(cpu_sample)
  wrk "$@" >"$OUT/wrk-$name.log" 2>&1 &
  wrk_pid=$!
  while kill -0 "$wrk_pid" 2>/dev/null; do
    ticks=$(ticks_of "$wrk_pid")
    (( ticks > 0 )) && wrk_ticks=$ticks
    if (( $(find "$OUT/done-$name" -type f | wc -l) >= WRK_THREADS )); then kill -INT "$wrk_pid"; break; fi
    sleep 0.05
  done
  wait "$wrk_pid" || { cat "$OUT/wrk-$name.log"; die "wrk ($name) failed"; }
  read -r -a after < <(cpu_sample)
  sed -n 's/^\([a-z0-9_]*\)=/'"$name"'_\1=/p' "$OUT/wrk-$name.log" >>"$RESULT_FILE"
  elapsed=$(awk -v a="${after[3]}" -v b="${before[3]}" 'BEGIN { print a - b }')
  awk -v t=$((after[0] - before[0])) -v s=$((after[1] - before[1])) -v p=$((after[2] - before[2])) \
      -v c="$wrk_ticks" -v e="$elapsed" -v n="$name" 'BEGIN {
    printf "%s_cpu_server=%.2f\n%s_cpu_postgres=%.2f\n%s_cpu_client=%.2f\n", n, s / 100 / e, n, p / 100 / e, n, c / 100 / e
    printf "%s_cpu_other=%.2f\n", n, (t - s - p - c) / 100 / e }' >>"$RESULT_FILE"
}
WRK=(-t "$WRK_THREADS" -c "$CONCURRENCY" --timeout 60s)

log "warm-up: $WARMUP ballots over $CONCURRENCY connections (opens every connection)"
phase warmup
run_wrk warmup "${WRK[@]}" -d 1h -s bench/load/ballots.lua "http://127.0.0.1:$PORT" -- \
  "$OUT/tokens-warmup.txt" "$WRK_THREADS" "$OUT/answers.json" w "$OUT/done-warmup"
log "HTTP ceiling: GET /ping for ${PING_SECONDS}s (after ${PING_WARMUP_SECONDS}s unmeasured)"
phase ping
wrk "${WRK[@]}" -d "${PING_WARMUP_SECONDS}s" "http://127.0.0.1:$PORT/ping" >/dev/null
run_wrk ping "${WRK[@]}" -d "${PING_SECONDS}s" -s bench/load/ping.lua "http://127.0.0.1:$PORT/ping"
psql_db -c "CHECKPOINT"
put wal_start "$(psql_db -c "SELECT pg_current_wal_insert_lsn()")"
log "ballots: $SLIPS slips, each once, over $CONCURRENCY connections"
phase ballots
run_wrk ballots "${WRK[@]}" -d 1h -s bench/load/ballots.lua "http://127.0.0.1:$PORT" -- \
  "$OUT/tokens.txt" "$WRK_THREADS" "$OUT/answers.json" m "$OUT/done-ballots"
phase done
put wal_end "$(psql_db -c "SELECT pg_current_wal_insert_lsn()")"
put ballots_per_s "$(awk -v a="$(result ballots_accepted)" -v s="$(result ballots_seconds)" 'BEGIN { printf "%.1f", a / s }')"
put ping_per_s "$(awk -v r="$(result ping_requests)" -v s="$(result ping_seconds)" 'BEGIN { printf "%.1f", r / s }')"

# Every ballot answered 201 must be stored, each with its slip used; a ballot whose connection broke before
# its answer may or may not be stored (its phone would retry), but never without its slip, nor twice.
accepted=$(($(result warmup_accepted) + $(result ballots_accepted)))
sent=$(($(result warmup_sent) + $(result ballots_sent)))
read -r stored used < <(psql_db -F ' ' -c "SELECT (SELECT count(*) FROM ballots WHERE event_id = '$event_id'),
  (SELECT count(*) FROM slips WHERE event_id = '$event_id' AND state = 'used')")
put stored_ballots "$stored"
put answers_json "$(psql_db -c "SELECT answers::text FROM ballots WHERE event_id = '$event_id' LIMIT 1")"
put unanswered_stored $((stored - accepted))
(( stored >= accepted && stored <= sent && used == stored )) \
  || die "$accepted ballots answered 201 of $sent sent, but $stored stored and $used slips used"

rss_peak_kb=$(awk '/^VmHWM:/ {print $2}' "/proc/$SERVER_PID/status")
kill "$SERVER_PID"; wait "$SERVER_PID" 2>/dev/null || true
SERVER_PID=""
wait "$SAMPLER_PID" 2>/dev/null || true
SAMPLER_PID=""

# Peak heap in use (survivors + eden + old, in MB) per phase, by the client's PHASE marks; GC during ballots.
read -r heap_setup heap_warmup heap_ping heap_ballots heap_peak heap_committed ygc fgc gct < <(
  awk -v marks="$(awk '{printf "%s=%s,", $2, $3}' "$PHASES")" '
    BEGIN { n = split(marks, m, ","); for (i = 1; i <= n; i++) if (split(m[i], kv, "=") == 2) at[kv[1]] = kv[2] * 1000 }
    $3 == "S0C" { for (i = 3; i <= NF; i++) col[$i] = i; next }
    NF > 10 {
      used = ($(col["S0U"]) + $(col["S1U"]) + $(col["EU"]) + $(col["OU"])) / 1024
      committed = ($(col["S0C"]) + $(col["S1C"]) + $(col["EC"]) + $(col["OC"])) / 1024
      t = $1; phase = t < at["warmup"] ? "setup" : t < at["ping"] ? "warmup" : t < at["ballots"] ? "ping" : t < at["done"] ? "ballots" : "after"
      if (used > peak[phase]) peak[phase] = used
      if (used > all) all = used
      if (committed > top) top = committed
      if (phase == "ballots") {
        if (!seen++) { y0 = $(col["YGC"]); f0 = $(col["FGC"]); g0 = $(col["GCT"]) }
        y1 = $(col["YGC"]); f1 = $(col["FGC"]); g1 = $(col["GCT"])
      }
    }
    END { printf "%.0f %.0f %.0f %.0f %.0f %.0f %d %d %.2f\n", peak["setup"], peak["warmup"], peak["ping"], peak["ballots"], all, top, y1 - y0, f1 - f0, g1 - g0 }
  ' "$OUT/heap.log")

# Ballots per transaction: the transactions that inserted into ballots during the measured phase, counted in
# the WAL (possible while its segments are still there; the phase began with a checkpoint).
ballots_rel=$(psql_db -c "SELECT pg_relation_filepath('ballots')")   # base/<db oid>/<relfilenode>
groups=0
if "$PG_BIN/pg_waldump" -p "$PGDATA_DIR/pg_wal" -s "$(result wal_start)" -e "$(result wal_end)" \
    -R "1663/${ballots_rel#base/}" >"$OUT/wal-ballots.txt" 2>"$OUT/wal-ballots.err"; then
  groups=$(grep -o 'tx: *[0-9]*' "$OUT/wal-ballots.txt" | sort -u | wc -l)
fi
rm -f "$OUT/wal-ballots.txt"

# --- pgbench: the same vote, one per transaction, on the same database ---------------------------------
answers=$(result answers_json)
pg_event=$(psql_db <<'SQL'
INSERT INTO events (title, status) VALUES ('pgbench', 'open') RETURNING id;
SQL
)
pg_slips=$(( ($(wc -w <<<"$PGBENCH_CLIENTS") * PGBENCH_SECONDS * 10000) ))
log "pgbench: preparing $pg_slips slips with known hashes (event $pg_event)"
psql_db <<SQL >/dev/null
INSERT INTO voter_categories (event_id, code, name, position) VALUES ('$pg_event', 'P', 'pgbench', 1);
WITH batch AS (
  INSERT INTO slip_batches (event_id, category_code, first_number, slip_count)
  VALUES ('$pg_event', 'P', 1, $pg_slips) RETURNING id)
INSERT INTO slips (token_sha256, event_id, category_code, batch_id, serial)
SELECT sha256(('pgbench-' || i)::bytea), '$pg_event', 'P', batch.id, 'P-' || i
FROM batch, generate_series(0, $pg_slips - 1) AS i;
VACUUM ANALYZE slips;
VACUUM ANALYZE ballots;
SQL

base=0
best_tps=0
best_clients=0
pgbench_rows=()
# Busy and iowait ticks of the whole machine (/proc/stat), to tell a CPU-bound pgbench from one waiting on fsync.
cpu_ticks() { awk -v now="$EPOCHREALTIME" '/^cpu / { print $2 + $3 + $4 + $7 + $8 + $9, $6, now }' /proc/stat; }
cores() { awk -v ticks="$1" -v seconds="$2" 'BEGIN { printf "%.1f", ticks / 100 / seconds }'; }
for clients in $PGBENCH_CLIENTS; do
  psql_db -c "CHECKPOINT"
  read -r busy0 iowait0 t0 < <(cpu_ticks)
  used_before=$(psql_db -c "SELECT count(*) FROM slips WHERE event_id = '$pg_event' AND state = 'used'")
  pgbench -n -M prepared -c "$clients" -j 2 -T "$PGBENCH_SECONDS" -f bench/pgbench-vote.sql \
    -D n=-1 -D nclients="$clients" -D base="$base" -D event="$pg_event" -D answers="$answers" \
    "$BENCH_DB" >"$OUT/pgbench-$clients.log" 2>&1 || { cat "$OUT/pgbench-$clients.log"; die "pgbench failed"; }
  read -r busy1 iowait1 t1 < <(cpu_ticks)
  tps=$(sed -n 's/^tps = \([0-9.]*\) .*/\1/p' "$OUT/pgbench-$clients.log" | head -1)
  txs=$(sed -n 's/^number of transactions actually processed: \([0-9]*\).*/\1/p' "$OUT/pgbench-$clients.log")
  lat=$(sed -n 's/^latency average = \([0-9.]*\) ms/\1/p' "$OUT/pgbench-$clients.log")
  read -r used_after max_id < <(psql_db -F ' ' -c \
    "SELECT count(*), coalesce(max(substr(serial, 3)::bigint), -1) FROM slips WHERE event_id = '$pg_event' AND state = 'used'")
  consumed=$((used_after - used_before))
  [[ $consumed == "$txs" ]] || die "pgbench with $clients clients: $txs transactions but $consumed slips consumed (out of slips? raise the 10,000/s margin)"
  elapsed=$(awk -v a="$t1" -v b="$t0" 'BEGIN { print a - b }')
  pgbench_rows+=("$(printf '  pgbench %2d clients: %8.0f tps  latency avg %6s ms  machine busy %s cores, iowait %s  (%s transactions, each its own slip)' \
    "$clients" "$tps" "$lat" "$(cores $((busy1 - busy0)) "$elapsed")" "$(cores $((iowait1 - iowait0)) "$elapsed")" "$txs")")
  if awk -v a="$tps" -v b="$best_tps" 'BEGIN { exit !(a > b) }'; then best_tps=$tps; best_clients=$clients; fi
  base=$((max_id + 1))
done

# --- report ---------------------------------------------------------------------------------------------
ballots_per_s=$(result ballots_per_s)
ping_per_s=$(result ping_per_s)
ratio=$(awk -v a="$ballots_per_s" -v b="$best_tps" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }')
ballot_rows=$(result ballots_accepted)
per_group=$(awk -v b="$ballot_rows" -v g="$groups" 'BEGIN { if (g > 0) printf "%.1f", b / g; else print "n/a" }')
errors=$(( $(result ballots_sent) - $(result ballots_accepted) + $(result ballots_socket_errors) ))
p99=$(result ballots_p99_ms)
verdict() { awk -v v="$1" -v t="$3" -v op="$2" 'BEGIN { ok = (op == ">=" ? v >= t : v <= t); print (ok ? "met" : "MISSED") }'; }
others=$(result ballots_cpu_other)

cat <<EOF

================ 投票负载 / voting load — $(nproc) cores, $(date '+%F %T'), $(basename "$JAR") at $(git rev-parse --short HEAD 2>/dev/null || echo '?') ================
ballots (POST /api/v/:token, $CONCURRENCY connections, $(result ballots_sent) slips each once, $(result ballots_seconds) s)
  accepted (201)          $(printf '%8.0f' "$ballots_per_s") ballots/s
  latency                 p50 $(result ballots_p50_ms) ms   p90 $(result ballots_p90_ms) ms   p99 $p99 ms   max $(result ballots_max_ms) ms
  not 201                 $errors {$(result ballots_not_201)}  socket errors $(result ballots_socket_errors)
  stored                  $(result stored_ballots) ballots in the database: every 201 among them, each with its slip used; $(result unanswered_stored) stored whose answer was lost with its connection
  ballots per transaction $per_group  ($groups transactions inserted $ballot_rows ballots; counted in the WAL)
  CPU (cores)             server $(result ballots_cpu_server)  PostgreSQL $(result ballots_cpu_postgres)  load client $(result ballots_cpu_client)  other processes $others
HTTP ceiling (GET /ping, wrk, same $CONCURRENCY connections, $(result ping_seconds) s)
  answered (200)          $(printf '%8.0f' "$ping_per_s") req/s   p50 $(result ping_p50_ms) ms   p99 $(result ping_p99_ms) ms   not 200: $(result ping_not_200)  socket errors $(result ping_socket_errors)
  CPU (cores)             server $(result ping_cpu_server)  load client $(result ping_cpu_client)  other processes $(result ping_cpu_other)
PostgreSQL alone (pgbench, bench/pgbench-vote.sql: consume slip + insert ballot + durable commit, -M prepared, -j 2, ${PGBENCH_SECONDS} s each)
$(printf '%s\n' "${pgbench_rows[@]}")
  best                    $(printf '%8.0f' "$best_tps") tps with $best_clients clients
server memory (java -Xmx$SERVER_HEAP; jstat every 250 ms)
  peak heap in use        setup+slips ${heap_setup} MB   warm-up ${heap_warmup} MB   /ping ${heap_ping} MB   ballots ${heap_ballots} MB   (committed up to ${heap_committed} MB)
  GC during ballots       $ygc young, $fgc full, ${gct} s
  peak RSS (VmHWM)        $((rss_peak_kb / 1024)) MB
ratios
  ballots/s ÷ pgbench tps   $ratio   (target ≥ 3: $(verdict "$ratio" ">=" 3))
  ballots/s ÷ HTTP ceiling  $(awk -v a="$ballots_per_s" -v b="$ping_per_s" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }')
  p99 ≤ 50 ms               $(verdict "$p99" "<=" 50)   (at $CONCURRENCY connections)
  heap ≤ 256 MB             $(verdict "$heap_peak" "<=" 256)   (peak in use over the whole run: $heap_peak MB)
slip issuing during setup: $(result slips_issued) slips as CSV at $(result issue_slips_per_s) slips/s; whole run $((SECONDS - started)) s
EOF
if awk -v o="$others" 'BEGIN { exit !(o > 0.2) }'; then
  echo "warning: other processes used $others cores during the ballot phase; figures are lower than on an idle machine"
fi
printf 'ballots_per_s=%.0f pgbench_tps=%.0f ratio=%s http_ceiling_per_s=%.0f p99_ms=%s errors=%s heap_mb=%s\n' \
  "$ballots_per_s" "$best_tps" "$ratio" "$ping_per_s" "$p99" "$errors" "$heap_peak"
