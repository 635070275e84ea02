#!/usr/bin/env bash
# Issues one batch of slips as CSV and one as PDF from a server held to a small heap, and reports for each
# the time, the file, the server's peak resident memory (VmHWM, reset before each batch) and its heap
# (the most used, sampled by jstat every 250 ms, and the most live, i.e. left after a collection).
#
#   bench/slip-issue.sh [count] [heap]        defaults: 100000 256m
#
# Builds target/pingyi.jar if missing (BUILD=1 forces it), and runs it on port PORT (18473) over a throw-away
# data directory (its own embedded PostgreSQL). Needs curl and a JDK (jstat); resetting VmHWM needs root
# or the server's own user. JAR=path measures another build, JAVA_OPTS adds JVM options, KEEP=1 keeps
# the data directory and the files.
set -euo pipefail
cd "$(dirname "$0")/.."

COUNT=${1:-100000}
HEAP=${2:-256m}
PORT=${PORT:-18473}
PASSWORD=bench-admin-password
JAR=${JAR:-target/pingyi.jar}
WORK=$(mktemp -d /tmp/pingyi-bench.XXXXXX)
BASE="http://127.0.0.1:$PORT"

if [ "${BUILD:-0}" = 1 ] || [ ! -f "$JAR" ]; then
  mvn -q -B package -DskipTests
fi

PINGYI_DATA_DIR="$WORK/data" PINGYI_HTTP_PORT=$PORT PINGYI_ADMIN_PASSWORD=$PASSWORD \
  PINGYI_PUBLIC_URL=http://192.0.2.10:8080 \
  java ${JAVA_OPTS:-} -Xmx"$HEAP" -Xlog:gc:file="$WORK/gc.log" -jar "$JAR" >"$WORK/server.log" 2>&1 &
SERVER=$!
cleanup() {
  kill "$SERVER" 2>/dev/null && wait "$SERVER" 2>/dev/null || true
  [ "${KEEP:-0}" = 1 ] && echo "kept $WORK" || rm -rf "$WORK"
}
trap cleanup EXIT

for _ in $(seq 120); do
  curl -sf "$BASE/health" >/dev/null && break
  kill -0 "$SERVER" 2>/dev/null || { cat "$WORK/server.log"; exit 1; }
  sleep 1
done

json() { curl -sf -H 'Content-Type: application/json' ${TOKEN:+-H "Authorization: Bearer $TOKEN"} "$@"; }
TOKEN=$(json "$BASE/api/auth/login" -d "{\"username\":\"admin\",\"password\":\"$PASSWORD\"}" \
  | sed -E 's/.*"token":"([^"]+)".*/\1/')
EVENT=$(json "$BASE/api/events" -d '{"title":"基准测试","organizingUnit":"基准","date":"2026-12-01",
  "venue":"会场","expectedAttendance":100,"counters":["甲"],"supervisors":["乙"],
  "responsible":{"name":"丙","title":"主持人"},
  "categories":[{"code":"A","name":"干部职工代表"},{"code":"B","name":"领导班子成员"}]}' \
  | sed -E 's/.*"id":"([^"]+)".*/\1/')

kib() { awk -v k="$1" 'BEGIN { printf "%.0f MiB", k / 1024 }'; }

# Largest heap in use while the batch ran (jstat), and largest heap left after a collection (GC log).
heap_peaks() {
  local samples=$1 gc_from=$2
  awk 'NR > 1 && $1 ~ /^[0-9.]+$/ { used = $3 + $4 + $6 + $8; if (used > max) max = used }
       END { printf "heap used ≤ %.0f MiB", max / 1024 }' "$samples"
  tail -n +"$gc_from" "$WORK/gc.log" | grep -o -- '->[0-9]*M' | tr -d '>M-' \
    | sort -n | tail -1 | awk '{ printf ", live after GC ≤ %d MiB", $1 }'
}

issue() {
  local category=$1 format=$2 file="$WORK/slips.$2"
  echo 5 >"/proc/$SERVER/clear_refs" 2>/dev/null || echo "(could not reset VmHWM: peak includes start-up)"
  local gc_from=$(($(wc -l <"$WORK/gc.log") + 1))
  jstat -gc "$SERVER" 250 >"$WORK/jstat.$format" &
  local sampler=$! start=$(date +%s.%N)
  local head outcome=ok
  head=$(json -D - -o "$file" "$BASE/api/events/$EVENT/slips" \
    -d "{\"category\":\"$category\",\"count\":$COUNT,\"format\":\"$format\"}") || outcome="FAILED (curl $?)"
  local end=$(date +%s.%N)
  sleep 0.3; kill "$sampler"; wait "$sampler" 2>/dev/null || true
  local hwm=$(awk '/VmHWM/ { print $2 }' "/proc/$SERVER/status")
  local rss=$(awk '/VmRSS/ { print $2 }' "/proc/$SERVER/status")
  printf '%s ×%s %s: %.1f s, %s bytes (%s); server peak RSS %s (now %s), %s\n' "$format" "$COUNT" "$outcome" \
    "$(awk -v s="$start" -v e="$end" 'BEGIN { print e - s }')" "$(stat -c %s "$file" 2>/dev/null || echo 0)" \
    "$(echo "$head" | grep -qi '^transfer-encoding: chunked' && echo chunked || echo NOT chunked)" \
    "$(kib "$hwm")" "$(kib "$rss")" "$(heap_peaks "$WORK/jstat.$format" "$gc_from")"
}

echo "Pingyi $JAR ($(git rev-parse --short HEAD)), -Xmx$HEAP, $(nproc) CPUs, $COUNT slips per batch"
issue A csv
[ "$(($(cat "$WORK/slips.csv" 2>/dev/null | wc -l) - 1))" = "$COUNT" ] || echo "CSV has the wrong number of rows"
issue B pdf
tail -c 6 "$WORK/slips.pdf" 2>/dev/null | grep -q '%%EOF' || echo "PDF is not complete"
