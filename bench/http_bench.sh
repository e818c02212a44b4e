#!/usr/bin/env bash
# HTTP benchmark: maitred `GET /v1/restaurant` (API key, TLS, keep-alive)
# against nginx serving the same JSON bytes as a static file over TLS with the
# same certificate. Loopback only. Each server gets one worker pinned to CPU
# SERVER_CPU, wrk runs pinned to CPU CLIENT_CPU, runs alternate
# (maitred, nginx, maitred, nginx, ...). Prints requests/s per run, the
# median and mean per server, and the ratio maitred/nginx.
#
#   bash bench/http_bench.sh
#
# Environment (defaults in brackets):
#   DURATION [10s]      wrk duration of each measured run
#   CONNECTIONS [32]    wrk connections (-c)
#   WRK_THREADS [1]     wrk threads (-t)
#   ROUNDS [2]          measured runs per server
#   WARMUP [2s]         one unmeasured wrk run per server first ("0" skips it)
#   SERVER_CPU [0]      core for the servers; CLIENT_CPU [1] core for wrk
#   NGINX_ACCESS_LOG [on]  "on": nginx writes an access log line per request
#                       (to the temp folder), as maitred does; "off": none
#
# A benchmark, not a test: it fails only if something is broken (a non-200
# answer, socket errors, a server that does not start), never on the ratio.
set -euo pipefail

DURATION=${DURATION:-10s}
CONNECTIONS=${CONNECTIONS:-32}
WRK_THREADS=${WRK_THREADS:-1}
ROUNDS=${ROUNDS:-2}
WARMUP=${WARMUP:-2s}
SERVER_CPU=${SERVER_CPU:-0}
CLIENT_CPU=${CLIENT_CPU:-1}
NGINX_ACCESS_LOG=${NGINX_ACCESS_LOG:-on}

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
bench_name=http_bench
# shellcheck source=bench/lib.sh
source "$root/bench/lib.sh"
cd "$root"

(( $(nproc) >= 2 )) || note "warning: only $(nproc) core(s); server and wrk will share a core"

# --- tools and build --------------------------------------------------------
bash scripts/setup --bench
for tool in wrk nginx taskset curl base64; do
  command -v "$tool" >/dev/null || [[ -x /usr/sbin/$tool ]] || die "$tool not found"
done
nginx_bin=$(command -v nginx || echo /usr/sbin/nginx)

note "building the release binary"
cmake --preset release >/dev/null
cmake --build --preset release
maitred=$root/build/release/src/maitred
[[ -x $maitred ]] || die "$maitred was not built"

# --- temp folder and cleanup ------------------------------------------------
work=$(mktemp -d "${TMPDIR:-/tmp}/maitred-bench.XXXXXX")
maitred_pid=""
nginx_pid=""
wrk_pid=""
cleanup() {
  local status=$?
  for pid in $wrk_pid $maitred_pid $nginx_pid; do
    kill -TERM "$pid" 2>/dev/null || true
  done
  for pid in $wrk_pid $maitred_pid $nginx_pid; do
    for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  done
  if ((status != 0)); then
    for log in maitred.err nginx/error.log; do
      [[ -s $work/$log ]] && { echo "--- last lines of $log:" >&2; tail -n 5 "$work/$log" >&2; }
    done
  fi
  rm -rf "$work"
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# --- maitred ----------------------------------------------------------------
data=$work/data
api_key=$("$maitred" demo --data "$data" | tail -n 1)
[[ -n $api_key ]] || die "maitred demo printed no API key"
auth="Basic $(printf '%s:' "$api_key" | base64 -w0)"

# stdout: the "listening" line; stderr: its per-request access log.
taskset -c "$SERVER_CPU" "$maitred" serve --data "$data" --listen 127.0.0.1:0 --threads 1 \
  --rate-limit 10000000 >"$work/maitred.out" 2>"$work/maitred.err" &
maitred_pid=$!
maitred_url=""
for _ in $(seq 100); do
  maitred_url=$(sed -n 's/^maitred listening on \(https:\/\/127\.0\.0\.1:[0-9]*\).*/\1/p' "$work/maitred.out")
  [[ -n $maitred_url ]] && break
  kill -0 "$maitred_pid" 2>/dev/null || die "maitred serve exited early"
  sleep 0.1
done
[[ -n $maitred_url ]] || die "maitred did not print its listening address"
maitred_url+=/v1/restaurant

# --- the body nginx will serve ----------------------------------------------
status=$(curl -k -sS -o "$work/body.json" -D "$work/maitred.headers" -w '%{http_code}' \
  -H "Authorization: $auth" "$maitred_url") || die "curl to maitred failed"
[[ $status == 200 ]] || die "maitred answered $status, not 200: $(cat "$work/body.json")"
[[ -s $work/body.json ]] || die "maitred answered an empty body"

# --- nginx ------------------------------------------------------------------
ngx=$work/nginx
mkdir -p "$ngx/html/v1" "$ngx/tmp"
cp "$work/body.json" "$ngx/html/v1/restaurant"
if [[ $NGINX_ACCESS_LOG == on ]]; then access_log="access_log $ngx/access.log;"; else access_log="access_log off;"; fi
user_line=""
if [[ $(id -u) -eq 0 ]]; then user_line="user root;"; fi  # workers must read the temp folder

nginx_url=""
for attempt in 1 2 3 4 5; do
  port=$(free_port)
  cat >"$ngx/nginx.conf" <<EOF
$user_line
worker_processes 1;
daemon off;
pid $ngx/nginx.pid;
error_log $ngx/error.log warn;
events { worker_connections 1024; }
http {
  client_body_temp_path $ngx/tmp/body;
  proxy_temp_path $ngx/tmp/proxy;
  fastcgi_temp_path $ngx/tmp/fastcgi;
  uwsgi_temp_path $ngx/tmp/uwsgi;
  scgi_temp_path $ngx/tmp/scgi;
  types { }
  default_type application/json;
  $access_log
  server_tokens off;
  keepalive_timeout 60s;          # maitred --idle-timeout-ms default
  keepalive_requests 100000000;   # maitred has no per-connection cap
  server {
    listen 127.0.0.1:$port ssl;
    ssl_certificate $data/tls-cert.pem;
    ssl_certificate_key $data/tls-key.pem;
    ssl_protocols TLSv1.2 TLSv1.3;  # maitred: TLS 1.2 and newer
    root $ngx/html;
    location = /v1/restaurant { }
  }
}
EOF
  taskset -c "$SERVER_CPU" "$nginx_bin" -p "$ngx/" -c "$ngx/nginx.conf" 2>>"$ngx/error.log" &
  nginx_pid=$!
  for _ in $(seq 50); do
    if curl -k -s -o /dev/null "https://127.0.0.1:$port/v1/restaurant"; then nginx_url=https://127.0.0.1:$port/v1/restaurant; break; fi
    kill -0 "$nginx_pid" 2>/dev/null || break
    sleep 0.1
  done
  [[ -n $nginx_url ]] && break
  kill "$nginx_pid" 2>/dev/null || true
  wait "$nginx_pid" 2>/dev/null || true
  nginx_pid=""
  note "nginx did not start on port $port (attempt $attempt)"
done
[[ -n $nginx_url ]] || die "nginx did not start: $(tail -n 3 "$ngx/error.log")"

status=$(curl -k -sS -o "$work/nginx.body" -D "$work/nginx.headers" -w '%{http_code}' \
  -H "Authorization: $auth" "$nginx_url") || die "curl to nginx failed"
[[ $status == 200 ]] || die "nginx answered $status, not 200"
cmp -s "$work/body.json" "$work/nginx.body" || die "nginx does not serve the same bytes as maitred"
grep -qi '^content-type: application/json' "$work/nginx.headers" || die "nginx does not answer application/json"

# --- runs -------------------------------------------------------------------
# Runs wrk pinned to CLIENT_CPU (in the background, so that a signal stops the
# script at once); sets `rate` to its requests/s. Dies on any non-2xx/3xx
# answer or socket error (wrk prints those lines only when they are non-zero).
rate=""
run_wrk() {
  local name=$1 url=$2 duration=$3 out=$work/wrk.out
  taskset -c "$CLIENT_CPU" wrk -t"$WRK_THREADS" -c"$CONNECTIONS" -d"$duration" \
    -H "Authorization: $auth" "$url" >"$out" 2>&1 &
  wrk_pid=$!
  wait "$wrk_pid" || die "wrk against $name failed: $(cat "$out")"
  wrk_pid=""
  if grep -q 'Non-2xx or 3xx responses' "$out"; then
    die "$name answered non-2xx during the run: $(grep 'Non-2xx' "$out")"
  fi
  if grep -q 'Socket errors' "$out"; then
    die "$name: wrk reported $(grep 'Socket errors' "$out")"
  fi
  rate=$(awk '/^Requests\/sec:/ {print $2}' "$out")
  [[ -n $rate ]] || die "no Requests/sec in the wrk output for $name: $(cat "$out")"
  awk -v r="$rate" 'BEGIN { exit !(r > 0) }' || die "$name: zero requests/s"
}

note "maitred: $maitred_url   nginx: $nginx_url   ($(wc -c <"$work/body.json") byte body)"
note "wrk -t$WRK_THREADS -c$CONNECTIONS -d$DURATION, $ROUNDS round(s), servers on CPU $SERVER_CPU, wrk on CPU $CLIENT_CPU"
note "load average before the runs: $(cut -d' ' -f1-3 /proc/loadavg)"

if [[ $WARMUP != 0 ]]; then
  run_wrk maitred "$maitred_url" "$WARMUP"
  run_wrk nginx "$nginx_url" "$WARMUP"
fi

maitred_rates=()
nginx_rates=()
for round in $(seq "$ROUNDS"); do
  run_wrk maitred "$maitred_url" "$DURATION"; maitred_rates+=("$rate")
  printf 'round %d  maitred %10.0f req/s\n' "$round" "$rate"
  run_wrk nginx "$nginx_url" "$DURATION"; nginx_rates+=("$rate")
  printf 'round %d  nginx   %10.0f req/s\n' "$round" "$rate"
done

# Both servers must still answer 200 after the runs.
for url in "$maitred_url" "$nginx_url"; do
  status=$(curl -k -s -o /dev/null -w '%{http_code}' -H "Authorization: $auth" "$url") || true
  [[ $status == 200 ]] || die "$url answered $status after the runs"
done

stats() {  # prints "median mean"
  printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1; s += $1 }
    END { m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2; printf "%.0f %.0f\n", m, s / NR }'
}
read -r m_med m_mean < <(stats "${maitred_rates[@]}")
read -r n_med n_mean < <(stats "${nginx_rates[@]}")
echo
printf '%-8s %12s %12s\n' server "median req/s" "mean req/s"
printf '%-8s %12s %12s\n' maitred "$m_med" "$m_mean"
printf '%-8s %12s %12s\n' nginx "$n_med" "$n_mean"
awk -v a="$m_med" -v b="$n_med" -v c="$m_mean" -v d="$n_mean" \
  'BEGIN { printf "ratio maitred/nginx: %.2f (medians), %.2f (means); target >= 0.60\n", a / b, c / d }'
