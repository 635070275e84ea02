#!/usr/bin/env bash
# Twenty thousand voters at once (issue 6): every voter on a connection of its own, all connected together,
# each loading the voter's page as a phone does (the page, its styles and modules, the ballot paper) and
# submitting one ballot. Reports how long the crowd took (the target is within two minutes), every answer that
# was not a success, each voter's time from first request to receipt, the server's peak heap and RSS, and
# checks that the database holds every ballot answered 201, each with its slip used.
#
#   bench/crowd.sh                      # 20,000 voters
#   VOTERS=5000 bench/crowd.sh
#   CONCURRENCY=15000 bench/crowd.sh    # fewer connections than voters: a connection serves several in turn
# Each connection is a socket in wrk and one in the server: where the open-files limit cannot be raised to
# VOTERS + 1,024 (a process without CAP_SYS_RESOURCE keeps its hard limit), the connections default to that
# limit less 2,000, and the report says so.
BENCH_NAME=crowd.sh
source "$(dirname "$0")/lib.sh"

VOTERS=${VOTERS:-20000}
(( $(ulimit -Hn) >= VOTERS + 1024 )) || ulimit -Hn $((VOTERS + 1024)) 2>/dev/null || true
CONCURRENCY=${CONCURRENCY:-$(( $(ulimit -Hn) >= VOTERS + 1024 ? VOTERS : $(ulimit -Hn) - 2000 ))}
SLIPS=$VOTERS
WARMUP=${WARMUP:-2000}                   # ballots cast first over 200 connections, so the server is compiled
WINDOW_SECONDS=120

[[ $VOTERS =~ ^[0-9]+$ && $VOTERS -ge 100 ]] || die "VOTERS must be a number of at least 100"
need_tools java javac mvn psql jstat curl ss wrk
build
fresh_database
raise_fd_limit "$CONCURRENCY"
start_server
set_up_event

# What the voter's page loads: index.html's styles and module, and every module they import, transitively.
page_assets() {
  local queue=() seen=" " file dir import
  mapfile -t queue < <(grep -o -E '(href|src)="/[^"]+\.(css|js)"' webroot/vote/index.html | grep -v legacy.js \
    | sed -E 's/^(href|src)="//; s/"$//')
  while ((${#queue[@]})); do
    file=${queue[0]}
    queue=("${queue[@]:1}")
    [[ $seen == *" $file "* ]] && continue
    seen+="$file "
    echo "$file"
    [[ $file == *.js ]] || continue
    dir=$(dirname "$file")
    while read -r import; do
      [[ $import == /* ]] || import=$(realpath -m --relative-to=/ "/$dir/$import" | sed 's|^|/|')
      queue+=("$import")
    done < <(grep -o -E "from '[^']+'" "webroot$file" | sed -E "s/^from '//; s/'$//")
  done
}
page_assets >"$OUT/assets.txt"
log "the voter's page loads $(wc -l <"$OUT/assets.txt") files: $(tr '\n' ' ' <"$OUT/assets.txt")"

log "warm-up: $WARMUP ballots over 200 connections"
run_wrk warmup -t "$WRK_THREADS" -c 200 --timeout 60s -d 1h -s bench/load/ballots.lua "http://127.0.0.1:$PORT" -- \
  "$OUT/tokens-warmup.txt" "$WRK_THREADS" "$OUT/answers.json" w "$OUT/done-warmup"
log "crowd: $VOTERS voters over $CONCURRENCY connections opened at once, each voter loading the page and voting once"
BALLOT_GIVE_UP_SECONDS=$WINDOW_SECONDS run_wrk crowd -t "$WRK_THREADS" -c "$CONCURRENCY" --timeout "${WINDOW_SECONDS}s" -d 1h -s bench/load/ballots.lua \
  "http://127.0.0.1:$PORT" -- "$OUT/tokens.txt" "$WRK_THREADS" "$OUT/answers.json" c "$OUT/done-crowd" - "$OUT/assets.txt"
check_stored $(($(result warmup_accepted) + $(result crowd_accepted))) $(($(result warmup_sent) + $(result crowd_sent)))
heap=$(peak_heap_mb)
stop_server

seconds=$(result crowd_seconds)
errors=$(( $(result crowd_sent) - $(result crowd_accepted) + $(result crowd_socket_errors) ))
within=$(awk -v s="$seconds" -v w="$WINDOW_SECONDS" 'BEGIN { print (s <= w ? "met" : "MISSED") }')
cat <<REPORT

================ 会场人群 / crowd — $(nproc) cores, $(date '+%F %T'), $(basename "$JAR") at $(git rev-parse --short HEAD 2>/dev/null || echo '?') ================
voters                  $VOTERS over $CONCURRENCY connections, all opened at once$( ((CONCURRENCY < VOTERS)) && echo " (open-files hard limit $(ulimit -Hn))"); each: page + $(wc -l <"$OUT/assets.txt") files + ballot paper + ballot
took                    $seconds s   (target ≤ $WINDOW_SECONDS s: $within)
accepted (201)          $(result crowd_accepted) of $(result crowd_sent) ballots sent
not 201 / errors        ${errors}   answers other than 201, by status {$(result crowd_not_201)}   socket errors $(result crowd_socket_errors)
stored                  $(result stored_ballots) ballots in the database: every 201 among them, each with its slip used; $(result unanswered_stored) stored whose answer was lost with its connection
voter's time            p50 $(result crowd_p50_ms) ms   p90 $(result crowd_p90_ms) ms   p99 $(result crowd_p99_ms) ms   max $(result crowd_max_ms) ms   (first request to receipt)
transfer                $(result crowd_requests) requests, $(( $(result crowd_bytes) / 1024 / 1024 )) MiB
CPU (cores)             server $(result crowd_cpu_server)  PostgreSQL $(result crowd_cpu_postgres)  load client $(result crowd_cpu_client)  other $(result crowd_cpu_other)
server memory           peak heap in use $heap MB (-Xmx$SERVER_HEAP), peak RSS $(result rss_peak_mb) MB
REPORT
printf 'voters=%s connections=%s seconds=%s errors=%s p99_ms=%s heap_mb=%s rss_mb=%s\n' "$VOTERS" "$CONCURRENCY" "$seconds" "$errors" \
  "$(result crowd_p99_ms)" "$heap" "$(result rss_peak_mb)"
