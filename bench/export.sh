#!/usr/bin/env bash
# Exports an event of 100,000 ballots from a server held to a small heap, and puts PostgreSQL's own
# \copy (SELECT ... the same rows ...) TO beside it, in one run: for each of ballots.csv, ballots.json,
# ballots.xlsx, the archive manifest (first computation) and bundle.zip, the time (whole request), the time
# to its first byte (curl's time_starttransfer: how long the client waited before anything came), the file,
# the server's peak resident memory (VmHWM, reset before each) and its heap (most in use, sampled by jstat
# every 250 ms; most still live after a collection, from the GC log); then ratios to the \copy.
#
#   bench/export.sh [ballots] [heap]        defaults: 100000 256m
#
# The ballots: SEEDS (100) real ones cast through the API on slips issued through the API (so each is validated
# and adds its tally counters like any other), then each copied in SQL until there are [ballots], with the
# copies' slips marked used and every tally counter multiplied by the same factor, so the stored event stays
# consistent (counters match a recount; every slip is accounted for). Runs the jar on port PORT (18474) over
# a fresh database BENCH_DB (pingyi_export_bench) on the PostgreSQL at PGHOST:PGPORT (127.0.0.1:5432, user
# postgres). Needs curl, psql, python3 (JSON), a JDK (jstat) and /usr/bin/time. JAR=path measures another
# build, BUILD=1 rebuilds, KEEP=1 keeps the files and the database, WARMUP=0 measures a server that has not
# exported before.
set -euo pipefail
cd "$(dirname "$0")/.."

BALLOTS=${1:-100000}
HEAP=${2:-256m}
SEEDS=100
PORT=${PORT:-18474}
PASSWORD=bench-admin-password
JAR=${JAR:-target/pingyi.jar}
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}
BENCH_DB=${BENCH_DB:-pingyi_export_bench}
WORK=$(mktemp -d /tmp/pingyi-export-bench.XXXXXX)
BASE="http://127.0.0.1:$PORT"
(( BALLOTS % SEEDS == 0 && BALLOTS >= SEEDS )) || { echo "ballots must be a multiple of $SEEDS" >&2; exit 1; }
COPIES=$((BALLOTS / SEEDS))

if [ "${BUILD:-0}" = 1 ] || [ ! -f "$JAR" ]; then
  mvn -q -B package -DskipTests
fi
psql_db() { psql -X -q -v ON_ERROR_STOP=1 -At -d "$BENCH_DB" "$@"; }
psql -X -q -d postgres -c "DROP DATABASE IF EXISTS $BENCH_DB WITH (FORCE)" -c "CREATE DATABASE $BENCH_DB"

DATABASE_URL="postgresql://$PGUSER@$PGHOST:$PGPORT/$BENCH_DB" PINGYI_DATA_DIR="$WORK/data" PINGYI_HTTP_PORT=$PORT \
  PINGYI_ADMIN_PASSWORD=$PASSWORD PINGYI_PUBLIC_URL=http://192.0.2.10:8080 \
  java ${JAVA_OPTS:-} -Xmx"$HEAP" -Xlog:gc:file="$WORK/gc.log" -jar "$JAR" >"$WORK/server.log" 2>&1 &
SERVER=$!
cleanup() {
  kill "$SERVER" 2>/dev/null && wait "$SERVER" 2>/dev/null || true
  if [ "${KEEP:-0}" = 1 ]; then echo "kept $WORK and database $BENCH_DB"; else
    rm -rf "$WORK"; psql -X -q -d postgres -c "DROP DATABASE IF EXISTS $BENCH_DB WITH (FORCE)" || true; fi
}
trap cleanup EXIT
for _ in $(seq 120); do
  curl -sf "$BASE/health" >/dev/null && break
  kill -0 "$SERVER" 2>/dev/null || { cat "$WORK/server.log"; exit 1; }
  sleep 1
done

json() { curl -sf -H 'Content-Type: application/json' ${TOKEN:+-H "Authorization: Bearer $TOKEN"} "$@"; }
field() { python3 -c "import json,sys; d=json.load(sys.stdin); print(eval('d' + sys.argv[1]))" "$1"; }
TOKEN=$(json "$BASE/api/auth/login" -d "{\"username\":\"admin\",\"password\":\"$PASSWORD\"}" | field '["token"]')
EVENT=$(json "$BASE/api/events" -d '{"title":"导出基准测试","organizingUnit":"基准","date":"2026-12-01",
  "venue":"会场","expectedAttendance":'"$BALLOTS"',"counters":["甲"],"supervisors":["乙"],
  "responsible":{"name":"丙","title":"主持人"},
  "categories":[{"code":"A","name":"领导班子成员"},{"code":"B","name":"干部职工代表"}]}' | field '["id"]')
form() { json "$BASE/api/events/$EVENT/forms" -d "{\"template\":\"$1\"}" | field '["id"]'; }
CADRES=$(form new-cadres)
json "$BASE/api/forms/$CADRES/paste" -d '{"questionId":"cadres","tsv":"姓名\t原任职务\t现任职务\t任职时间\n张三\t办公室副主任\t办公室主任\t2025.03\n李四\t科员\t副科长\t2025.06\n王五\t副科长\t科长\t2025.09"}' >/dev/null
WORKFORM=$(form cadre-work)
REC=$(form recommendation)
json "$BASE/api/forms/$REC/paste" -d '{"questionId":"rec","positionId":"p1","tsv":"赵一\t男\t1980.01\t科长\n钱二\t女\t1982.05\t副科长"}' >/dev/null
json -X POST "$BASE/api/events/$EVENT/open" >/dev/null

# Slips for every ballot, in the proportions of a meeting (1 in 5 A); SEEDS of them are used by real ballots.
json "$BASE/api/events/$EVENT/slips" -d "{\"category\":\"A\",\"count\":$((BALLOTS / 5)),\"format\":\"csv\"}" >"$WORK/slips-A.csv"
json "$BASE/api/events/$EVENT/slips" -d "{\"category\":\"B\",\"count\":$((BALLOTS * 4 / 5)),\"format\":\"csv\"}" >"$WORK/slips-B.csv"
grades=(good fair average poor); cadre=(agree basic disagree unknown); canvass=(no yes unknown)
cast() {
  local n=$1 token=$2 rows="" r
  for r in 1 2 3; do
    local o=${cadre[$(((n + r) % 4))]} reasons=""
    [ "$o" = disagree ] && reasons=',"reasons":["ability","recognition"]'
    rows+="${rows:+,}\"r$r\":{\"option\":\"$o\"$reasons,\"extra\":{\"canvass\":\"${canvass[$(((n + r) % 3))]}\"}}"
  done
  local rec='"selected":["c1"]'
  [ $((n % 3)) = 1 ] && rec='"selected":["c2"]'
  [ $((n % 3)) = 2 ] && rec='"writeIns":["孙三"]'
  local answers="{\"$WORKFORM\":{\"q1\":\"${grades[$((n % 4))]}\",\"q2\":\"${grades[$(((n / 2) % 4))]}\",
    \"q3\":\"${grades[$(((n / 3) % 4))]}\",\"q4\":[\"p$((n % 12 + 1))\"],
    \"q5\":\"第 $n 份意见：加强干部监督，规范选人用人程序，提高评议工作的透明度。\"},
    \"$CADRES\":{\"cadres\":{$rows}},\"$REC\":{\"rec\":{\"p1\":{$rec}}}}"
  json "$BASE/api/v/$token" -d "{\"nonce\":\"bench-nonce-$n-0123456789abcdef0123456789\",\"answers\":$answers}" >/dev/null
}
n=0
for category in A B; do
  [ "$category" = A ] && take=$((SEEDS / 5)) || take=$((SEEDS * 4 / 5))
  for token in $(tail -n +2 "$WORK/slips-$category.csv" | head -n "$take" | sed 's#.*/##' | tr -d '\r'); do
    cast $n "$token"; n=$((n + 1))
  done
done
# Closing first: a cast ballot waits in the ballot box (box.BallotBox) until it is mixed into ballots in a batch,
# and closing mixes in every one still held; only then are all SEEDS in ballots, ready to be copied.
json -X POST "$BASE/api/events/$EVENT/close" >/dev/null
echo "cast $n ballots through the API; copying each $((COPIES - 1)) times in SQL"
psql_db <<SQL
BEGIN;
INSERT INTO ballots (event_id, category_code, channel, unreadable, answers, receipt_sha256)
SELECT b.event_id, b.category_code, b.channel, b.unreadable, b.answers, sha256(b.receipt_sha256 || int4send(i))
FROM ballots b, generate_series(1, $COPIES - 1) AS i WHERE b.event_id = '$EVENT';
UPDATE slips SET state = 'used' WHERE event_id = '$EVENT';
UPDATE tally_counters SET n = n * $COPIES WHERE event_id = '$EVENT';
COMMIT;
VACUUM ANALYZE ballots;
SQL
[ "$(psql_db -c "SELECT count(*) FROM ballots WHERE event_id = '$EVENT'")" = "$BALLOTS" ] || { echo "wrong ballot count"; exit 1; }

mib() { awk -v k="$1" 'BEGIN { printf "%.0f", k / 1024 }'; }
heap_peaks() {
  local used live
  used=$(awk 'NR > 1 && $1 ~ /^[0-9.]+$/ { u = $3 + $4 + $6 + $8; if (u > max) max = u } END { printf "%.0f", max / 1024 }' "$1")
  live=$(tail -n +"$2" "$WORK/gc.log" | grep -o -- '->[0-9]*M' | tr -d '>M-' | sort -n | tail -1)
  echo "$used ${live:-?}"
}
declare -A SECONDS_OF
row() { printf '| %-14s | %8s s | %8s s | %9s MB | %-8s | %8s MiB | %8s MiB | %8s MiB |\n' "$@"; }
measure() {
  local name=$1 path=$2 file="$WORK/$1"
  echo 5 >"/proc/$SERVER/clear_refs" 2>/dev/null || echo "(could not reset VmHWM: peak includes earlier work)"
  local gc_from=$(($(wc -l <"$WORK/gc.log") + 1))
  jstat -gc "$SERVER" 250 >"$WORK/jstat.$name" &
  local sampler=$! start end head first
  start=$(date +%s.%N)
  # time_starttransfer: when the first byte of the response (its status line) arrived, counted from the start.
  first=$(json -D "$WORK/head.$name" -o "$file" -w '%{time_starttransfer}' "$BASE$path") || echo "$name FAILED"
  end=$(date +%s.%N)
  head=$(cat "$WORK/head.$name")
  sleep 0.3; kill "$sampler"; wait "$sampler" 2>/dev/null || true
  local seconds=$(awk -v s="$start" -v e="$end" 'BEGIN { printf "%.1f", e - s }')
  SECONDS_OF[$name]=$seconds
  read -r used live < <(heap_peaks "$WORK/jstat.$name" "$gc_from")
  row "$name" "$seconds" "$(awk -v f="${first:-0}" 'BEGIN { printf "%.2f", f }')" \
    "$(awk -v b="$(stat -c %s "$file")" 'BEGIN { printf "%.1f", b / 1e6 }')" \
    "$(echo "$head" | grep -qi '^transfer-encoding: chunked' && echo chunked || echo whole)" \
    "$(mib "$(awk '/VmHWM/ { print $2 }' "/proc/$SERVER/status")")" "$used" "$live"
}

# Warm-up, as run-load.sh casts 5,000 ballots first: one export of each raw format, timed but not in the table, so
# the table measures the server compiled (a server of a real meeting has exported before; its first export of the
# day is the cold figure printed here). WARMUP=0 measures a cold server.
if [ "${WARMUP:-1}" = 1 ]; then
  for format in csv json xlsx; do
    cold=$(json -o /dev/null -w '%{time_starttransfer} %{time_total}' "$BASE/api/events/$EVENT/exports/ballots.$format")
    echo "cold (warm-up) ballots.$format: first byte ${cold% *} s, whole ${cold#* } s"
  done
fi

echo
echo "Pingyi $JAR ($(git rev-parse --short HEAD)), -Xmx$HEAP, $(nproc) CPUs, $BALLOTS ballots, $(date -u +%F),"\
  "load average $(cut -d' ' -f1-3 /proc/loadavg)"
row "what" "time" "1st byte" "file" "body" "peak RSS" "heap used" "live/GC"
row "---" "---" "---" "---" "---" "---" "---" "---"
measure ballots.csv "/api/events/$EVENT/exports/ballots.csv"
[ "$(($(wc -l <"$WORK/ballots.csv") - 1))" = "$BALLOTS" ] || echo "ballots.csv has the wrong number of rows"
measure ballots.json "/api/events/$EVENT/exports/ballots.json"
measure ballots.xlsx "/api/events/$EVENT/exports/ballots.xlsx"
COPY_SQL="\\copy (SELECT category_code, channel, unreadable, answers FROM ballots WHERE event_id = '$EVENT' ORDER BY id) TO '$WORK/copy.csv' WITH (FORMAT csv, HEADER)"
read -r copy_seconds copy_kib < <(/usr/bin/time -f '%e %M' psql -X -q -d "$BENCH_DB" -c "$COPY_SQL" 2>&1 >/dev/null | tail -1)
SECONDS_OF[copy]=$copy_seconds
row "psql \\copy" "$copy_seconds" "-" "$(awk -v b="$(stat -c %s "$WORK/copy.csv")" 'BEGIN { printf "%.1f", b / 1e6 }')" \
  "file" "$(mib "$copy_kib") (psql)" "-" "-"
json -X POST "$BASE/api/events/$EVENT/archive" >/dev/null
measure manifest "/api/events/$EVENT/archive/manifest"
measure bundle.zip "/api/events/$EVENT/archive/bundle.zip"
(cd "$WORK" && mkdir -p unzipped && cd unzipped && unzip -q ../bundle.zip && sha256sum -c --quiet SHA256SUMS) \
  && echo "bundle: sha256sum -c SHA256SUMS passes" || echo "bundle: sha256sum -c FAILED"
echo
for name in ballots.csv ballots.json ballots.xlsx bundle.zip; do
  awk -v n="$name" -v a="${SECONDS_OF[$name]}" -v c="$copy_seconds" 'BEGIN { printf "%s / \\copy: %.1f×\n", n, a / c }'
done
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
