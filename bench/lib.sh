# Shared by the benchmark scripts (run-load.sh, latency.sh, crowd.sh, screens.sh, crash.sh): defaults, building, a fresh durable
# database, the server as a separate process with its heap and RSS sampled, the set-up of an event through
# the API, wrk runs with the CPU of each party, and the check of stored ballots against the answers.
# Source it from a script that has set BENCH_NAME; every function dies with a message on failure.

set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROOT=$PWD
OUT=$ROOT/target/bench
mkdir -p "$OUT"

WRK_THREADS=${WRK_THREADS:-2}             # wrk's threads (one event loop each)
SERVER_HEAP=${SERVER_HEAP:-256m}
SERVER_JAVA_OPTS=${SERVER_JAVA_OPTS:-}    # extra JVM options for the server, e.g. a flight recording
PGHOST=${PGHOST:-127.0.0.1}
PGPORT=${PGPORT:-5432}
PGUSER=${PGUSER:-postgres}
BENCH_DB=${BENCH_DB:-pingyi_bench}
ADMIN_PASSWORD=bench-admin-$RANDOM$RANDOM
export PGHOST PGPORT PGUSER
RESULT_FILE=$OUT/$BENCH_NAME-result.properties
PHASES=$OUT/phases.log
rm -f "$RESULT_FILE" "$PHASES"
started=$SECONDS

die() { echo "$BENCH_NAME: $*" >&2; exit 1; }
log() { printf '[%s] %s\n' "$(date +%T)" "$*"; }
psql_db() { psql -X -q -v ON_ERROR_STOP=1 -At -d "$BENCH_DB" "$@"; }
result() { sed -n "s/^$1=//p" "$RESULT_FILE" | tail -1; }
put() { echo "$1=$2" >>"$RESULT_FILE"; }
phase() { echo "PHASE $1 $(($(date +%s%N) / 1000000))" >>"$PHASES"; }
need_tools() {
  local tool
  for tool in "$@"; do command -v "$tool" >/dev/null || die "$tool is not installed"; done
}

# The server jar (built when older than its sources, unless JAR names another build) and the bench classes.
build() {
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
}

# PostgreSQL up, with durable commits, and a fresh database BENCH_DB.
fresh_database() {
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
}

# The open-files limit raised for a number of connections: the client and the server each hold one socket per
# connection (root may raise the hard limit too, up to fs.nr_open).
raise_fd_limit() {
  local need=$(($1 + 1024))
  (( $(ulimit -Hn) >= need )) || ulimit -Hn "$need" 2>/dev/null || true
  ulimit -n "$(ulimit -Hn)"
  (( $(ulimit -n) >= need )) || die "ulimit -n is $(ulimit -n); need at least $need"
}

# The server on a free port over BENCH_DB, its heap and RSS sampled into $OUT/heap.log and its collections logged
# into $OUT/gc.log (stamped with the wall clock in ms, for allocated_mb); stopped on exit.
SERVER_PID=""
SAMPLER_PID=""
cleanup() {
  [[ -n $SERVER_PID ]] && kill "$SERVER_PID" 2>/dev/null && wait "$SERVER_PID" 2>/dev/null
  [[ -n $SAMPLER_PID ]] && kill "$SAMPLER_PID" 2>/dev/null && wait "$SAMPLER_PID" 2>/dev/null
  return 0
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# Heap (jstat -gc, every 250 ms) and RSS, each line stamped with the wall clock in microseconds.
sample_server() {
  local line rss key value
  jstat -gc "$SERVER_PID" 250 | while IFS= read -r line; do
    rss=0
    while read -r key value _; do [[ $key == VmRSS: ]] && rss=$value; done <"/proc/$SERVER_PID/status" 2>/dev/null || true
    printf '%s %s %s\n' "${EPOCHREALTIME/./}" "$rss" "$line"
  done
}

start_server() {
  PORT=${PINGYI_HTTP_PORT:-}
  if [[ -z $PORT ]]; then
    for candidate in $(seq 18080 18180); do
      if ! ss -Hltn "sport = :$candidate" | grep -q .; then PORT=$candidate; break; fi
    done
    [[ -n $PORT ]] || die "no free port in 18080..18180"
  fi
  log "starting $JAR on port $PORT (heap -Xmx$SERVER_HEAP, database $BENCH_DB)"
  # Every bench client connects from 127.0.0.1, up to 20,000 connections at once (crowd.sh): no per-address cap.
  DATABASE_URL="postgresql://$PGUSER@$PGHOST:$PGPORT/$BENCH_DB" PINGYI_ADMIN_PASSWORD=$ADMIN_PASSWORD \
    PINGYI_MAX_CONNECTIONS_PER_ADDRESS=${PINGYI_MAX_CONNECTIONS_PER_ADDRESS:-0} \
    PINGYI_HTTP_PORT=$PORT PINGYI_PUBLIC_URL="http://127.0.0.1:$PORT" PINGYI_DATA_DIR="$OUT/data" \
    java -Xmx"$SERVER_HEAP" -Xlog:gc:file="$OUT/gc.log":timemillis $SERVER_JAVA_OPTS -jar "$JAR" >"$OUT/server.log" 2>&1 &
  SERVER_PID=$!
  for _ in $(seq 240); do
    curl -fs "http://127.0.0.1:$PORT/health" >/dev/null 2>&1 && break
    kill -0 "$SERVER_PID" 2>/dev/null || { tail -20 "$OUT/server.log"; die "the server stopped"; }
    sleep 0.25
  done
  curl -fs "http://127.0.0.1:$PORT/health" >/dev/null || die "the server did not answer /health within 60 s"
  sample_server >"$OUT/heap.log" 2>/dev/null &
  SAMPLER_PID=$!
}

# The server's peak RSS (VmHWM) in MB, then stops it.
stop_server() {
  put rss_peak_mb $(( $(awk '/^VmHWM:/ {print $2}' "/proc/$SERVER_PID/status") / 1024 ))
  kill "$SERVER_PID"; wait "$SERVER_PID" 2>/dev/null || true
  SERVER_PID=""
  wait "$SAMPLER_PID" 2>/dev/null || true
  SAMPLER_PID=""
}

# An open event and WARMUP + SLIPS slips through the API (bench/load/LoadSetup.java); its key=value lines
# (event_id, slips_issued, issue_slips_per_s, screen_key) go into the results.
set_up_event() {
  log "set-up: an event and $((WARMUP + SLIPS)) slips through the API"
  BENCH_HOST=127.0.0.1 BENCH_PORT=$PORT PINGYI_ADMIN_PASSWORD=$ADMIN_PASSWORD SLIPS=$SLIPS WARMUP=$WARMUP OUT_DIR=$OUT \
    java -Xmx1g -Dlogback.configurationFile="$ROOT/bench/load/logback.xml" -cp "$CLIENT_CP" org.pingyi.bench.LoadSetup \
    >>"$RESULT_FILE" || die "the set-up failed"
  event_id=$(result event_id)
}

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
# The server's ticks by kind of thread, "<event loops> <GC> <JIT> <other>": the event loops run the handlers (every
# request's own work), the GC threads (and the VM thread, which runs the pauses) collect what they allocated, the
# compiler threads compile it.
thread_ticks() {
  local stat comm loops=0 gc=0 jit=0 other=0 ticks task
  for task in /proc/"$SERVER_PID"/task/*/stat; do
    stat=$(cat "$task" 2>/dev/null) || continue
    comm=${stat#*(}; comm=${comm%)*}
    read -r -a f <<<"${stat##*) }"
    ticks=$((f[11] + f[12]))
    case $comm in
      vert.x-eventloo*) loops=$((loops + ticks)) ;;
      "GC Thread"*|G1*|"VM Thread") gc=$((gc + ticks)) ;;
      C1\ Compiler*|C2\ Compiler*) jit=$((jit + ticks)) ;;
      *) other=$((other + ticks)) ;;
    esac
  done
  echo "$loops $gc $jit $other"
}
cpu_sample() {
  echo "$(awk '/^cpu / {print $2 + $3 + $4 + $7 + $8 + $9}' /proc/stat) $(ticks_of "$SERVER_PID")" \
    "$(postgres_ticks) $EPOCHREALTIME"
}
# run_wrk <name> <wrk arguments>: runs wrk, keeps its key=value lines as <name>_<key>, and the CPU per party.
# ballots.lua threads leave a file in $OUT/done-<name> when their ballots are all answered: wrk is then
# interrupted (it reports on SIGINT), since it would otherwise wait for its whole -d duration. With
# WRK_STOP_AFTER=<seconds> set, wrk is interrupted then at the latest (when the server is gone, no answer
# comes back to stop a thread).
run_wrk() {
  local name=$1 before after threads_before threads_after elapsed wrk_pid wrk_ticks=0 ticks deadline=$((SECONDS + ${WRK_STOP_AFTER:-86400}))
  shift
  rm -rf "$OUT/done-$name" && mkdir -p "$OUT/done-$name"
  read -r -a before < <(cpu_sample)
  read -r -a threads_before < <(thread_ticks)
  wrk "$@" >"$OUT/wrk-$name.log" 2>&1 &
  wrk_pid=$!
  while kill -0 "$wrk_pid" 2>/dev/null; do
    ticks=$(ticks_of "$wrk_pid")
    (( ticks > 0 )) && wrk_ticks=$ticks
    if (( $(find "$OUT/done-$name" -type f | wc -l) >= WRK_THREADS || SECONDS >= deadline )); then
      kill -INT "$wrk_pid"
      break
    fi
    sleep 0.05
  done
  wait "$wrk_pid" || { cat "$OUT/wrk-$name.log"; die "wrk ($name) failed"; }
  read -r -a after < <(cpu_sample)
  read -r -a threads_after < <(thread_ticks)
  sed -n 's/^\([a-z0-9_]*\)=/'"$name"'_\1=/p' "$OUT/wrk-$name.log" >>"$RESULT_FILE"
  elapsed=$(awk -v a="${after[3]}" -v b="${before[3]}" 'BEGIN { print a - b }')
  awk -v t=$((after[0] - before[0])) -v s=$((after[1] - before[1])) -v p=$((after[2] - before[2])) \
      -v c="$wrk_ticks" -v e="$elapsed" -v n="$name" 'BEGIN {
    printf "%s_cpu_server=%.2f\n%s_cpu_postgres=%.2f\n%s_cpu_client=%.2f\n", n, s / 100 / e, n, p / 100 / e, n, c / 100 / e
    printf "%s_cpu_other=%.2f\n", n, (t - s - p - c) / 100 / e
    printf "%s_server_ticks=%d\n", n, s }' >>"$RESULT_FILE"
  # (A server that died during the run, as crash.sh's does on purpose, leaves no threads to count.)
  (( threads_after[0] + threads_after[1] + threads_after[2] + threads_after[3] > 0 )) || return 0
  printf '%s_server_ticks_loops=%d\n%s_server_ticks_gc=%d\n%s_server_ticks_jit=%d\n%s_server_ticks_rest=%d\n' \
    "$name" $((threads_after[0] - threads_before[0])) "$name" $((threads_after[1] - threads_before[1])) \
    "$name" $((threads_after[2] - threads_before[2])) "$name" $((threads_after[3] - threads_before[3])) >>"$RESULT_FILE"
}

# allocated_mb <from> <to> (phase names in $PHASES): what the server allocated on its heap between the two marks,
# in MB: the growth of the heap in use (jstat's samples nearest before each mark) plus everything the collections
# in between freed (the GC log's before->after). Within a sample's allocation (250 ms) of the truth.
allocated_mb() {
  local from to
  from=$(awk -v p="$1" '$2 == p { print $3 }' "$PHASES")
  to=$(awk -v p="$2" '$2 == p { print $3 }' "$PHASES")
  awk -v from="$from" -v to="$to" '
    function mb(text,  n) { n = text + 0; return text ~ /G$/ ? n * 1024 : text ~ /K$/ ? n / 1024 : text ~ /B$/ && text !~ /[KMG]B?$/ ? n / 1048576 : n }
    FNR == 1 { file++ }
    file == 1 && $3 == "S0C" { for (i = 3; i <= NF; i++) col[$i] = i; next }
    file == 1 && NF > 10 {
      t = $1 / 1000; used = ($(col["S0U"]) + $(col["S1U"]) + $(col["EU"]) + $(col["OU"])) / 1024
      if (t <= from) { t0 = t; u0 = used }
      if (t <= to) { t1 = t; u1 = used }
      next
    }
    file == 2 && match($0, /[0-9.]+[KMG]?B?->[0-9.]+[KMG]?B?\(/) {
      stamp = substr($1, 2) + 0
      split(substr($0, RSTART, RLENGTH - 1), ba, "->")
      gc[++n] = stamp; freed[n] = mb(ba[1]) - mb(ba[2])
    }
    END {
      for (i = 1; i <= n; i++) if (gc[i] > t0 && gc[i] <= t1) sum += freed[i]
      printf "%.0f\n", u1 - u0 + sum
    }' "$OUT/heap.log" "$OUT/gc.log"
}

# Every ballot answered 201 must be stored, each with its slip used; a ballot whose connection broke before
# its answer may or may not be stored (its phone would retry), but never without its slip, nor twice.
# Every ballot cast, whether still held in the ballot box or already mixed into ballots (README, 匿名).
CAST_BALLOTS="(SELECT event_id, receipt_sha256, answers FROM ballots
  UNION ALL SELECT event_id, receipt_sha256, answers FROM held_ballots) AS cast_ballots"

# check_stored <accepted> <sent>
check_stored() {
  local stored used
  read -r stored used < <(psql_db -F ' ' -c "SELECT (SELECT count(*) FROM $CAST_BALLOTS WHERE event_id = '$event_id'),
    (SELECT count(*) FROM slips WHERE event_id = '$event_id' AND state = 'used')")
  put stored_ballots "$stored"
  put unanswered_stored $((stored - $1))
  (( stored >= $1 && stored <= $2 && used == stored )) \
    || die "$1 ballots answered 201 of $2 sent, but $stored stored and $used slips used"
}

# Each receipt code answered 201 (the files ballots.lua wrote into a directory) must belong to a stored ballot
# of the event: the code is the first 50 bits of the ballot's receipt hash, in Crockford's base32.
# check_receipts <directory>: puts receipts_checked and receipts_missing.
check_receipts() {
  cat "$1"/* >"$OUT/receipts.txt"
  put receipts_checked "$(wc -l <"$OUT/receipts.txt")"
  put receipts_missing "$(psql_db <<SQL
CREATE TEMP TABLE acknowledged (code text);
\copy acknowledged FROM '$OUT/receipts.txt'
WITH stored AS (
  SELECT string_agg(substr('0123456789ABCDEFGHJKMNPQRSTVWXYZ', ((b.bits >> (5 * i)) & 31)::int + 1, 1)
           || CASE WHEN i = 5 THEN '-' ELSE '' END, '' ORDER BY i DESC) AS code
  FROM (SELECT receipt_sha256 AS id, (('x' || encode(substring(receipt_sha256 FROM 1 FOR 7), 'hex'))::bit(56)::bigint >> 6) AS bits
        FROM $CAST_BALLOTS WHERE event_id = '$event_id') b, generate_series(0, 9) AS i
  GROUP BY b.id)
SELECT count(*) FROM acknowledged a WHERE NOT EXISTS (SELECT 1 FROM stored s WHERE s.code = a.code);
SQL
)"
}

# Peak heap in use (survivors + eden + old, MB) over the whole run, from $OUT/heap.log.
peak_heap_mb() {
  awk '$3 == "S0C" { for (i = 3; i <= NF; i++) col[$i] = i; next }
    NF > 10 { used = ($(col["S0U"]) + $(col["S1U"]) + $(col["EU"]) + $(col["OU"])) / 1024; if (used > peak) peak = used }
    END { printf "%.0f\n", peak }' "$OUT/heap.log"
}
