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
BENCH_NAME=run-load.sh
source "$(dirname "$0")/lib.sh"

SLIPS=${SLIPS:-200000}
CONCURRENCY=${CONCURRENCY:-2000}
WARMUP=${WARMUP:-200000}                 # ballots cast first, not counted: C2 on two shared cores needs about this many to finish compiling the ballot path (JIT per measured ballot after 5,000: 28 µs; 50,000: 15 µs; 200,000: 3 µs)
PING_SECONDS=${PING_SECONDS:-10}
PING_WARMUP_SECONDS=${PING_WARMUP_SECONDS:-5}
PGBENCH_SECONDS=${PGBENCH_SECONDS:-10}   # per client count tried
PGBENCH_CLIENTS=${PGBENCH_CLIENTS:-"8 16 32 64"}

[[ $SLIPS =~ ^[0-9]+$ && $SLIPS -ge 1 ]] || die "SLIPS must be a positive number"
[[ $CONCURRENCY =~ ^[0-9]+$ && $CONCURRENCY -ge 64 && $CONCURRENCY -le 2000 ]] || die "CONCURRENCY must be 64..2000"
need_tools java javac mvn psql pgbench jstat curl ss wrk
build
fresh_database
raise_fd_limit "$CONCURRENCY"
start_server

# --- the load: set-up through the API, then wrk for the warm-up, the /ping ceiling and the ballots ----------
set_up_event
WRK=(-t "$WRK_THREADS" -c "$CONCURRENCY" --timeout 60s)

# The /ping ceiling first, then the ballots' warm-up right before them: ten seconds of nothing but pings between the
# two had the JIT compile the shared paths (Netty, routing, the pg client) for pings, and recompile them all through
# the measured ballots (400 deoptimisations, a fifth of the server's CPU per ballot in the compiler threads).
log "HTTP ceiling: GET /ping for ${PING_SECONDS}s (after ${PING_WARMUP_SECONDS}s unmeasured; opens every connection)"
phase ping
wrk "${WRK[@]}" -d "${PING_WARMUP_SECONDS}s" "http://127.0.0.1:$PORT/ping" >/dev/null
phase ping_measured
run_wrk ping "${WRK[@]}" -d "${PING_SECONDS}s" -s bench/load/ping.lua "http://127.0.0.1:$PORT/ping"
phase ping_done
log "warm-up: $WARMUP ballots over $CONCURRENCY connections"
phase warmup
run_wrk warmup "${WRK[@]}" -d 1h -s bench/load/ballots.lua "http://127.0.0.1:$PORT" -- \
  "$OUT/tokens-warmup.txt" "$WRK_THREADS" "$OUT/answers.json" w "$OUT/done-warmup"
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

put ballots_allocated_mb "$(allocated_mb ballots done)"
put ping_allocated_mb "$(allocated_mb ping_measured ping_done)"
check_stored $(($(result warmup_accepted) + $(result ballots_accepted))) $(($(result warmup_sent) + $(result ballots_sent)))
put answers_json "$(psql_db -c "SELECT answers::text FROM $CAST_BALLOTS WHERE event_id = '$event_id' LIMIT 1")"
stop_server

# Peak heap in use (survivors + eden + old, in MB) per phase, by the client's PHASE marks; GC during ballots.
read -r heap_setup heap_warmup heap_ping heap_ballots heap_peak heap_committed ygc fgc gct < <(
  awk -v marks="$(awk '{printf "%s=%s,", $2, $3}' "$PHASES")" '
    BEGIN { n = split(marks, m, ","); for (i = 1; i <= n; i++) if (split(m[i], kv, "=") == 2) at[kv[1]] = kv[2] * 1000 }
    $3 == "S0C" { for (i = 3; i <= NF; i++) col[$i] = i; next }
    NF > 10 {
      used = ($(col["S0U"]) + $(col["S1U"]) + $(col["EU"]) + $(col["OU"])) / 1024
      committed = ($(col["S0C"]) + $(col["S1C"]) + $(col["EC"]) + $(col["OC"])) / 1024
      t = $1; phase = t < at["ping"] ? "setup" : t < at["warmup"] ? "ping" : t < at["ballots"] ? "warmup" : t < at["done"] ? "ballots" : "after"
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

# Ballots per transaction: the transactions that consumed slips (the casts, in groups) and those that inserted
# into ballots (the ballot box's mixes) during the measured phase, counted in the WAL (possible while its segments
# are still there; the phase began with a checkpoint).
wal_transactions() {  # <table>: how many transactions wrote to it in the measured phase
  local rel
  rel=$(psql_db -c "SELECT pg_relation_filepath('$1')")   # base/<db oid>/<relfilenode>
  if "$PG_BIN/pg_waldump" -p "$PGDATA_DIR/pg_wal" -s "$(result wal_start)" -e "$(result wal_end)" \
      -R "1663/${rel#base/}" >"$OUT/wal-ballots.txt" 2>"$OUT/wal-ballots.err"; then
    grep -o 'tx: *[0-9]*' "$OUT/wal-ballots.txt" | sort -u | wc -l
  else
    echo 0
  fi
}
groups=$(wal_transactions slips)
mixes=$(wal_transactions ballots)
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
best_pg_us=0
pgbench_rows=()
# Busy and iowait ticks of the whole machine (/proc/stat), to tell a CPU-bound pgbench from one waiting on fsync.
cpu_ticks() { awk -v now="$EPOCHREALTIME" '/^cpu / { print $2 + $3 + $4 + $7 + $8 + $9, $6, now }' /proc/stat; }
cores() { awk -v ticks="$1" -v seconds="$2" 'BEGIN { printf "%.1f", ticks / 100 / seconds }'; }
for clients in $PGBENCH_CLIENTS; do
  psql_db -c "CHECKPOINT"
  read -r busy0 iowait0 t0 < <(cpu_ticks)
  pg0=$(postgres_ticks)
  used_before=$(psql_db -c "SELECT count(*) FROM slips WHERE event_id = '$pg_event' AND state = 'used'")
  pgbench -n -M prepared -c "$clients" -j 2 -T "$PGBENCH_SECONDS" -f bench/pgbench-vote.sql \
    -D n=-1 -D nclients="$clients" -D base="$base" -D event="$pg_event" -D answers="$answers" \
    "$BENCH_DB" >"$OUT/pgbench-$clients.log" 2>&1 || { cat "$OUT/pgbench-$clients.log"; die "pgbench failed"; }
  read -r busy1 iowait1 t1 < <(cpu_ticks)
  pg1=$(postgres_ticks)
  tps=$(sed -n 's/^tps = \([0-9.]*\) .*/\1/p' "$OUT/pgbench-$clients.log" | head -1)
  txs=$(sed -n 's/^number of transactions actually processed: \([0-9]*\).*/\1/p' "$OUT/pgbench-$clients.log")
  lat=$(sed -n 's/^latency average = \([0-9.]*\) ms/\1/p' "$OUT/pgbench-$clients.log")
  read -r used_after max_id < <(psql_db -F ' ' -c \
    "SELECT count(*), coalesce(max(substr(serial, 3)::bigint), -1) FROM slips WHERE event_id = '$pg_event' AND state = 'used'")
  consumed=$((used_after - used_before))
  [[ $consumed == "$txs" ]] || die "pgbench with $clients clients: $txs transactions but $consumed slips consumed (out of slips? raise the 10,000/s margin)"
  elapsed=$(awk -v a="$t1" -v b="$t0" 'BEGIN { print a - b }')
  # PostgreSQL's own CPU per transaction (a tick is 10 ms): what one vote costs the database done alone.
  pg_us=$(( (pg1 - pg0) * 10000 / txs ))
  pgbench_rows+=("$(printf '  pgbench %2d clients: %8.0f tps  latency avg %6s ms  machine busy %s cores, iowait %s, PostgreSQL %s µs per transaction  (%s transactions, each its own slip)' \
    "$clients" "$tps" "$lat" "$(cores $((busy1 - busy0)) "$elapsed")" "$(cores $((iowait1 - iowait0)) "$elapsed")" "$pg_us" "$txs")")
  if awk -v a="$tps" -v b="$best_tps" 'BEGIN { exit !(a > b) }'; then best_tps=$tps; best_clients=$clients; best_pg_us=$pg_us; fi
  base=$((max_id + 1))
done

# --- the ballot's own work, alone: bench/work/BallotWork.java, one thread, no HTTP, no database ------------
log "the server's own work per ballot, without HTTP or the database (bench/work/BallotWork.java)"
# (A jar older than the program's calls leaves the figures n/a.)
java -Xmx256m -cp "$JAR" "$ROOT/bench/work/BallotWork.java" "${WORK_BALLOTS:-300000}" >"$OUT/work.log" 2>&1 \
  || { log "BallotWork did not run against $JAR (see $OUT/work.log)"; echo "work_us_per_ballot=n/a work_kb_per_ballot=n/a" >>"$OUT/work.log"; }
for key in work_us_per_ballot work_kb_per_ballot; do put "$key" "$(sed -n "s/.*$key=\([0-9.n/a]*\).*/\1/p" "$OUT/work.log")"; done

# --- report ---------------------------------------------------------------------------------------------
ballots_per_s=$(result ballots_per_s)
ping_per_s=$(result ping_per_s)
ratio=$(awk -v a="$ballots_per_s" -v b="$best_tps" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }')
# Where the database has cores of its own and they are the bound (the setting of the ≥ 3 goal), the ratio is what
# one vote costs PostgreSQL alone over what one ballot costs it in the server's group commits.
pg_us_per_ballot=$(awk -v c="$(result ballots_cpu_postgres)" -v r="$ballots_per_s" 'BEGIN { printf "%.0f", (r > 0 ? c * 1e6 / r : 0) }')
pg_bound_ratio=$(awk -v t="$best_pg_us" -v b="$pg_us_per_ballot" 'BEGIN { printf "%.2f", (b > 0 ? t / b : 0) }')
ballot_rows=$(result ballots_accepted)
per_group=$(awk -v b="$ballot_rows" -v g="$groups" 'BEGIN { if (g > 0) printf "%.1f", b / g; else print "n/a" }')
errors=$(( $(result ballots_sent) - $(result ballots_accepted) + $(result ballots_socket_errors) ))
p99=$(result ballots_p99_ms)
verdict() { awk -v v="$1" -v t="$3" -v op="$2" 'BEGIN { ok = (op == ">=" ? v >= t : v <= t); print (ok ? "met" : "MISSED") }'; }
others=$(result ballots_cpu_other)
# The server's own cost of one ballot and of one GET /ping: its CPU (/proc ticks during the measured phase) and what
# it allocated on its heap (allocated_mb), each divided by the answers of the phase.
per_answer() { awk -v total="$1" -v scale="$2" -v n="$3" 'BEGIN { printf "%.0f", (n > 0 ? total * scale / n : 0) }'; }
us_per_ballot=$(per_answer "$(result ballots_server_ticks)" 10000 "$ballot_rows")
us_per_ping=$(per_answer "$(result ping_server_ticks)" 10000 "$(result ping_requests)")
kb_per_ballot=$(per_answer "$(result ballots_allocated_mb)" 1024 "$ballot_rows")
kb_per_ping=$(per_answer "$(result ping_allocated_mb)" 1024 "$(result ping_requests)")
gc_share=$(awk -v g="$gct" -v s="$(result ballots_seconds)" 'BEGIN { printf "%.1f", (s > 0 ? 100 * g / s : 0) }')
# The server's CPU per answer by kind of thread (bench/lib.sh thread_ticks): event loops, GC, JIT, the rest.
split_of() {
  local name=$1 n=$2 part out=""
  for part in loops gc jit rest; do out+="$(per_answer "$(result "${name}_server_ticks_$part")" 10000 "$n") "; done
  echo "$out"
}
read -r ballot_loops ballot_gc ballot_jit ballot_rest < <(split_of ballots "$ballot_rows")
read -r ping_loops ping_gc ping_jit ping_rest < <(split_of ping "$(result ping_requests)")
work_us=$(result work_us_per_ballot)
work_kb=$(result work_kb_per_ballot)

cat <<EOF

================ 投票负载 / voting load — $(nproc) cores, $(date '+%F %T'), $(basename "$JAR") at $(git rev-parse --short HEAD 2>/dev/null || echo '?') ================
ballots (POST /api/v/:token, $CONCURRENCY connections, $(result ballots_sent) slips each once, $(result ballots_seconds) s)
  accepted (201)          $(printf '%8.0f' "$ballots_per_s") ballots/s
  latency                 p50 $(result ballots_p50_ms) ms   p90 $(result ballots_p90_ms) ms   p99 $p99 ms   max $(result ballots_max_ms) ms
  not 201                 $errors {$(result ballots_not_201)}  socket errors $(result ballots_socket_errors)
  stored                  $(result stored_ballots) ballots in the database: every 201 among them, each with its slip used; $(result unanswered_stored) stored whose answer was lost with its connection
  ballots per transaction $per_group  ($groups transactions consumed slips for $ballot_rows ballots; the ballot box mixed them in $mixes; counted in the WAL)
  CPU (cores)             server $(result ballots_cpu_server)  PostgreSQL $(result ballots_cpu_postgres)  load client $(result ballots_cpu_client)  other processes $others
  server per ballot       ${us_per_ballot} µs CPU, ${kb_per_ballot} KB allocated   (per GET /ping: ${us_per_ping} µs, ${kb_per_ping} KB; CPU ratio $(awk -v a="$us_per_ballot" -v b="$us_per_ping" 'BEGIN { printf "%.1f", (b > 0 ? a / b : 0) }')×)
    by thread             event loops $ballot_loops µs, GC $ballot_gc µs, JIT $ballot_jit µs, other $ballot_rest µs   (per /ping: $ping_loops, $ping_gc, $ping_jit, $ping_rest µs)
    the ballot's own work $work_us µs CPU, $work_kb KB allocated: decoding, rules, hashes, counters, the answer's text (bench/work/BallotWork.java: one thread, no HTTP, no database)
HTTP ceiling (GET /ping, wrk, same $CONCURRENCY connections, $(result ping_seconds) s)
  answered (200)          $(printf '%8.0f' "$ping_per_s") req/s   p50 $(result ping_p50_ms) ms   p99 $(result ping_p99_ms) ms   not 200: $(result ping_not_200)  socket errors $(result ping_socket_errors)
  CPU (cores)             server $(result ping_cpu_server)  load client $(result ping_cpu_client)  other processes $(result ping_cpu_other)
PostgreSQL alone (pgbench, bench/pgbench-vote.sql: consume slip + insert ballot + durable commit, -M prepared, -j 2, ${PGBENCH_SECONDS} s each)
$(printf '%s\n' "${pgbench_rows[@]}")
  best                    $(printf '%8.0f' "$best_tps") tps with $best_clients clients
server memory (java -Xmx$SERVER_HEAP; jstat every 250 ms)
  peak heap in use        setup+slips ${heap_setup} MB   warm-up ${heap_warmup} MB   /ping ${heap_ping} MB   ballots ${heap_ballots} MB   (committed up to ${heap_committed} MB)
  GC during ballots       $ygc young, $fgc full, ${gct} s (${gc_share} % of the phase)
  peak RSS (VmHWM)        $(result rss_peak_mb) MB
ratios
  ballots/s ÷ pgbench tps   $ratio   (target ≥ 3: $(verdict "$ratio" ">=" 3))
  PostgreSQL per ballot     $pg_us_per_ballot µs, per pgbench transaction $best_pg_us µs: with the database on cores of its own, ballots/s ÷ pgbench → $pg_bound_ratio
  ballots/s ÷ HTTP ceiling  $(awk -v a="$ballots_per_s" -v b="$ping_per_s" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }')
  p99 ≤ 50 ms               $(verdict "$p99" "<=" 50)   (at $CONCURRENCY connections)
  heap ≤ 256 MB             $(verdict "$heap_peak" "<=" 256)   (peak in use over the whole run: $heap_peak MB)
slip issuing during setup: $(result slips_issued) slips as CSV at $(result issue_slips_per_s) slips/s; whole run $((SECONDS - started)) s
EOF
if awk -v o="$others" 'BEGIN { exit !(o > 0.2) }'; then
  echo "warning: other processes used $others cores during the ballot phase; figures are lower than on an idle machine"
fi
printf 'ballots_per_s=%.0f pgbench_tps=%.0f ratio=%s http_ceiling_per_s=%.0f p99_ms=%s errors=%s heap_mb=%s server_us_per_ballot=%s server_us_per_ping=%s server_kb_per_ballot=%s gc_pct=%s pg_us_per_ballot=%s pg_us_per_tx=%s pg_bound_ratio=%s ballot_us_loops_gc_jit=%s/%s/%s ping_us_loops_gc_jit=%s/%s/%s work_us_per_ballot=%s work_kb_per_ballot=%s\n' \
  "$ballots_per_s" "$best_tps" "$ratio" "$ping_per_s" "$p99" "$errors" "$heap_peak" "$us_per_ballot" "$us_per_ping" "$kb_per_ballot" "$gc_share" \
  "$pg_us_per_ballot" "$best_pg_us" "$pg_bound_ratio" "$ballot_loops" "$ballot_gc" "$ballot_jit" "$ping_loops" "$ping_gc" "$ping_jit" "$work_us" "$work_kb"
