#!/usr/bin/env bash
# Three Pingyi processes on one PostgreSQL behind Debian's nginx (deploy/nginx/pingyi.conf), all on loopback:
# the checks of deploy/README.md “多台服务器与反向代理”, each printed as a PASS or FAIL line; exits non-zero if any
# fails. Installs nginx with apt-get when it is missing (without starting Debian's own nginx service), makes a
# self-signed certificate for the https checks, and uses the PostgreSQL at 127.0.0.1:5432 (database
# pingyi_multi, dropped and created anew) as the bench scripts do.
#
#   deploy/multi-instance.sh                      # 3 instances, 32 phones voting for 20 s, one instance killed at 8 s
#   INSTANCES=2 DURATION=30 KILL_AFTER=12 deploy/multi-instance.sh
BENCH_NAME=multi-instance
BENCH_DB=${BENCH_DB:-pingyi_multi}
source "$(dirname "$0")/../bench/lib.sh"

INSTANCES=${INSTANCES:-3}
DURATION=${DURATION:-20}
KILL_AFTER=${KILL_AFTER:-8}
CONCURRENCY=${CONCURRENCY:-32}
SLIPS=${SLIPS:-20000}
WARMUP=${WARMUP:-10}
DIR=$OUT/multi
failures=0
pass() { echo "PASS  $*"; }
fail() { echo "FAIL  $*"; failures=$((failures + 1)); }
check() { local what=$1; shift; if "$@"; then pass "$what"; else fail "$what"; fi; }

PIDS=()
NGINX_PID=""
# Stops what this run started, by process id, keeping the script's own exit status (a killed child's wait
# answers 143, which set -e would otherwise make the script's).
cleanup_all() {
  local status=$? pid
  for pid in $NGINX_PID "${PIDS[@]}"; do
    [[ -n $pid ]] || continue
    kill "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  done
  exit "$status"
}
trap cleanup_all EXIT

# nginx from Debian, installed without letting its package start the system service on port 80.
install_nginx() {
  command -v nginx >/dev/null || [[ -x /usr/sbin/nginx ]] && return 0
  log "installing nginx with apt-get"
  local policy=""
  if [[ ! -e /usr/sbin/policy-rc.d ]]; then
    printf '#!/bin/sh\nexit 101\n' >/usr/sbin/policy-rc.d && chmod +x /usr/sbin/policy-rc.d && policy=yes
  fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx >/dev/null 2>&1 \
    || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx >/dev/null; }
  [[ -n $policy ]] && rm -f /usr/sbin/policy-rc.d
  return 0
}

# free_port <start>: sets PORT_FOUND to the first port from <start> that nothing listens on and this run has not
# taken yet (not in a subshell: TAKEN must remember it).
free_port() {
  local p
  for p in $(seq "$1" $(($1 + 200))); do
    if ! ss -Hltn "sport = :$p" | grep -q . && [[ " ${TAKEN[*]:-} " != *" $p "* ]]; then
      TAKEN+=("$p"); PORT_FOUND=$p; return
    fi
  done
  die "no free port from $1"
}

start_instance() {
  local i=$1
  DATABASE_URL="postgresql://$PGUSER@$PGHOST:$PGPORT/$BENCH_DB" PINGYI_ADMIN_PASSWORD=$ADMIN_PASSWORD \
    PINGYI_HTTP_PORT=${PORTS[$i]} PINGYI_METRICS_PORT=${METRICS[$i]} PINGYI_TRUSTED_PROXIES=127.0.0.1 \
    PINGYI_PUBLIC_URL="https://127.0.0.1:$HTTPS_PORT" PINGYI_DATA_DIR="$DIR/data-$i" \
    java -Xmx256m -jar "$JAR" >"$DIR/pingyi-$i.log" 2>&1 &
  PIDS[$i]=$!
}

wait_healthy() {
  local i=$1
  for _ in $(seq 240); do
    curl -fs "http://127.0.0.1:${PORTS[$i]}/health" >/dev/null 2>&1 && return 0
    kill -0 "${PIDS[$i]}" 2>/dev/null || { tail -20 "$DIR/pingyi-$i.log"; die "instance $i stopped"; }
    sleep 0.25
  done
  die "instance $i did not answer /health within 60 s"
}

# The shipped site file with this run's ports and certificate: the same directives as production.
render_nginx() {
  local upstreams="" i
  for i in $(seq 0 $((INSTANCES - 1))); do upstreams+="    server 127.0.0.1:${PORTS[$i]} max_fails=1 fail_timeout=5s;\n"; done
  sed -e "/^    server 127\.0\.0\.1:808[0-9]/d" -e "s|^    keepalive 64;|$upstreams    keepalive 64;|" \
      -e "s|^    listen 80;|    listen 127.0.0.1:$HTTP_PORT;|" -e "s|^    listen 443 ssl|    listen 127.0.0.1:$HTTPS_PORT ssl|" \
      -e "s|return 308 https://\$host\$request_uri|return 308 https://\$host:$HTTPS_PORT\$request_uri|" \
      -e "s|/etc/ssl/pingyi/fullchain.pem|$DIR/tls/cert.pem|" -e "s|/etc/ssl/pingyi/privkey.pem|$DIR/tls/key.pem|" \
      -e "s|/var/log/nginx/pingyi-error.log|$DIR/nginx-site-error.log|" \
      deploy/nginx/pingyi.conf >"$DIR/site.conf"
  cat >"$DIR/nginx.conf" <<CONF
user root;
worker_processes 1;
pid $DIR/nginx.pid;
error_log $DIR/nginx-error.log warn;
events { worker_connections 4096; }
http {
  client_body_temp_path $DIR/tmp/body;
  proxy_temp_path $DIR/tmp/proxy;
  fastcgi_temp_path $DIR/tmp/fastcgi;
  uwsgi_temp_path $DIR/tmp/uwsgi;
  scgi_temp_path $DIR/tmp/scgi;
  include $DIR/site.conf;
}
CONF
}

need_tools java javac mvn psql curl ss openssl
install_nginx
NGINX=$(command -v nginx || echo /usr/sbin/nginx)
rm -rf "$DIR" && mkdir -p "$DIR/tls" "$DIR/tmp"
build
fresh_database
raise_fd_limit 4096

TAKEN=()
free_port 18400; HTTP_PORT=$PORT_FOUND
free_port 18443; HTTPS_PORT=$PORT_FOUND
PORTS=(); METRICS=()
for i in $(seq 0 $((INSTANCES - 1))); do
  free_port 18481; PORTS[$i]=$PORT_FOUND
  free_port 19464; METRICS[$i]=$PORT_FOUND
done

log "self-signed certificate for 127.0.0.1 (tests only: production uses one for the name in PINGYI_PUBLIC_URL)"
openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj "/CN=127.0.0.1" -addext "subjectAltName=IP:127.0.0.1" \
  -keyout "$DIR/tls/key.pem" -out "$DIR/tls/cert.pem" 2>/dev/null

log "starting $INSTANCES instances on ports ${PORTS[*]} (metrics on ${METRICS[*]}), database $BENCH_DB"
start_instance 0
wait_healthy 0   # the first one migrates the database; the others find it up to date
for i in $(seq 1 $((INSTANCES - 1))); do start_instance "$i"; done
for i in $(seq 1 $((INSTANCES - 1))); do wait_healthy "$i"; done
for i in $(seq 0 $((INSTANCES - 1))); do
  ss -Hltnp "sport = :${PORTS[$i]}" | grep -q "pid=${PIDS[$i]}," || die "instance $i (pid ${PIDS[$i]}) does not own port ${PORTS[$i]}"
done

render_nginx
"$NGINX" -t -p "$DIR" -c "$DIR/nginx.conf" >"$DIR/nginx-t.log" 2>&1 || { cat "$DIR/nginx-t.log"; die "nginx -t failed"; }
"$NGINX" -p "$DIR" -c "$DIR/nginx.conf" -g 'daemon off;' &
NGINX_PID=$!
for _ in $(seq 40); do curl -fsk "https://127.0.0.1:$HTTPS_PORT/ping" >/dev/null 2>&1 && break; sleep 0.25; done
echo "nginx $("$NGINX" -v 2>&1 | sed 's|.*/||') on http://127.0.0.1:$HTTP_PORT and https://127.0.0.1:$HTTPS_PORT, $INSTANCES instances"

PROXY=https://127.0.0.1:$HTTPS_PORT
CA=(--cacert "$DIR/tls/cert.pem")
check "https through nginx: /health answers up, certificate verified against the self-signed CA" \
  bash -c "curl -fs ${CA[*]} $PROXY/health | grep -q '\"database\":\"up\"'"
check "plain http redirects to https (308)" \
  bash -c "[[ \$(curl -s -o /dev/null -w '%{http_code}' http://127.0.0.1:$HTTP_PORT/console/) == 308 ]]"

# Sticky-free balancing: /ping through nginx, then each instance's own /metrics counts what it served.
for _ in $(seq 60); do curl -fs "${CA[@]}" "$PROXY/ping" >/dev/null; done
served=()
for i in $(seq 0 $((INSTANCES - 1))); do
  served[$i]=$(curl -fs "http://127.0.0.1:${METRICS[$i]}/metrics" \
    | awk '/^vertx_http_server_requests_total\{.*route="\/ping"/ { n += $2 } END { printf "%d", n }')
done
all_served() { local n; for n in "${served[@]}"; do (( n > 0 )) || return 1; done; }
check "no stickiness: 60 requests through nginx served by every instance (/ping per instance: ${served[*]})" all_served
check "/metrics is not reachable through nginx (its own port, loopback only)" \
  bash -c "[[ \$(curl -s ${CA[*]} -o /dev/null -w '%{http_code}' $PROXY/metrics) == 404 ]]"

# The client's address behind the proxy: a sign-in from 127.0.0.2 with a forged header is counted for 127.0.0.2.
code=$(curl -s "${CA[@]}" --interface 127.0.0.2 -o /dev/null -w '%{http_code}' -H 'Content-Type: application/json' \
  -H 'X-Forwarded-For: 203.0.113.9' -d '{"username":"nobody","password":"wrong-password"}' "$PROXY/api/auth/login")
keys=$(psql_db -c "SELECT string_agg(key, ' ' ORDER BY key) FROM login_failures WHERE key LIKE 'addr:%'")
check "X-Forwarded-For from the trusted proxy: the throttle counted the client 127.0.0.2 (401; keys: $keys), not the forged 203.0.113.9 nor the proxy" \
  test "$code" == 401 -a "$keys" == "addr:127.0.0.2"

# SSE through nginx unbuffered: the stream's first line ("retry: 2000", 13 bytes) reaches the screen at once;
# a buffering proxy would hold it until a buffer filled.
sse_first_bytes() {
  local started=$EPOCHREALTIME bytes
  bytes=$(timeout 5 curl -sN "${CA[@]}" -H "Authorization: Screen $screen_key" \
    "$PROXY/api/events/$event_id/tally/stream" | head -c 13 | wc -c) || true
  sse_ms=$(awk -v a="$started" -v b="$EPOCHREALTIME" 'BEGIN { printf "%d", (b - a) * 1000 }')
  (( bytes == 13 && sse_ms < 1000 ))
}

# The bench's set-up client speaks plain http: it goes to the first instance directly.
PORT=${PORTS[0]}
set_up_event
screen_key=$(result screen_key)
curl -s "${CA[@]}" "$PROXY/api/events/$event_id/tally/stream" >/dev/null --max-time 1 || true   # nginx and the instance warm
if sse_first_bytes; then sse=pass; else sse=fail; fi
$sse "SSE through nginx is not buffered (proxy_buffering off): the stream's first line arrived after $sse_ms ms"

log "$CONCURRENCY phones voting through nginx for $DURATION s, screens watching; kill -9 of instance 1 after $KILL_AFTER s"
echo 9999999999999 >"$DIR/killed-at"
( sleep $((KILL_AFTER + 2)); echo $(($(date +%s%N) / 1000000)) >"$DIR/killed-at"; kill -9 "${PIDS[1]}" ) &
killer=$!
EVENT_ID=$event_id SCREEN_KEY=$screen_key PROXY_PORT=$HTTPS_PORT PROXY_CA="$DIR/tls/cert.pem" \
  INSTANCE_PORTS=$(IFS=,; echo "${PORTS[*]}") TOKENS="$OUT/tokens.txt" ANSWERS="$OUT/answers.json" \
  CONCURRENCY=$CONCURRENCY DURATION=$DURATION KILL_FILE="$DIR/killed-at" RECEIPTS="$DIR/receipts.txt" \
  java -Xmx512m -Dlogback.configurationFile="$ROOT/bench/load/logback.xml" -cp "$CLIENT_CP" org.pingyi.bench.ProxyVoting \
  >"$DIR/voting.txt" || die "the voting client failed"
wait "$killer"
PIDS[1]=""
cat "$DIR/voting.txt"
v() { sed -n "s/^$1=//p" "$DIR/voting.txt"; }

acknowledged=$(v acknowledged)
mkdir -p "$DIR/receipts" && cp "$DIR/receipts.txt" "$DIR/receipts/all"
check_receipts "$DIR/receipts"
stored=$(psql_db -c "SELECT count(*) FROM $CAST_BALLOTS WHERE event_id = '$event_id'")
used=$(psql_db -c "SELECT count(*) FROM slips WHERE event_id = '$event_id' AND state = 'used'")
check "killing an instance under load lost no acknowledged ballot: $acknowledged receipts answered, $(result receipts_missing) missing; $stored stored, $used slips used" \
  test "$(result receipts_missing)" == 0 -a "$acknowledged" -gt 0 -a "$stored" -ge "$acknowledged" -a "$stored" == "$used"
check "voting went on through nginx after the kill: $(v acknowledged_after_kill) ballots acknowledged after it ($(v retried) resent after a lost answer, $(v gave_up) given up)" \
  test "$(v acknowledged_after_kill)" -gt 0 -a "$(v gave_up)" == 0
killed_port=${PORTS[1]}
# A screen keeps up: each acknowledged ballot appears on it within a second (95 % of them; none later than two
# seconds: two shared cores run three servers, PostgreSQL, nginx and the phones here). A screen gets a snapshot
# only when the tally changed, so a pause in acknowledgements (the kill) is no gap of its own.
while read -r _ name open _ _ _ p50 p95 max; do
  open=${open#open=}; p50=${p50#lag_p50_ms=}; p95=${p95#lag_p95_ms=}; max=${max#lag_max_ms=}
  if [[ $name == instance-$killed_port ]]; then
    check "screen on the killed instance ($name) ended with it (a browser reconnects through nginx, as proxy-* did)" \
      test "$open" == false
  else
    check "screen $name kept updating: acknowledged ballots shown within ${p50} ms (median), ${p95} ms (95 %), ${max} ms (slowest)" \
      test "$open" == true -a "$p95" -ge 0 -a "$p95" -le 1000 -a "$max" -le 2000
  fi
done < <(grep '^screen ' "$DIR/voting.txt")

# Anonymity: no slip token nor receipt in any log of the run (nginx's and the three servers').
leaks=$(cat "$DIR"/nginx*.log "$DIR"/pingyi-*.log 2>/dev/null | grep -c -F -f "$OUT/tokens.txt" -f "$DIR/receipts.txt" || true)
check "no slip token or receipt in nginx's or the servers' logs ($leaks lines)" test "$leaks" == 0

echo
if (( failures > 0 )); then echo "$failures check(s) FAILED (logs in $DIR)"; exit 1; fi
echo "all checks passed (logs in $DIR)"
