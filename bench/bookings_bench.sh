#!/usr/bin/env bash
# Bookings-list benchmark: maitred `GET /v1/bookings` returning a 100-booking
# page of one day, with 1,000,000 bookings stored (50 restaurants), against
# json-server (npm) serving the same 100 documents from its db.json; and the
# same page with only 10,000 bookings stored, to see what the large table
# costs. Loopback only.
#
# Four targets, each measured with wrk, alternating in every round:
#   maitred-1M    maitred --insecure-http on the BOOKINGS-booking folder
#   json-server   json-server GET /bookings (plain HTTP), the same 100 documents
#   maitred-10k   maitred --insecure-http on the SMALL_BOOKINGS-booking folder
#   maitred-1M-tls  maitred over TLS on a copy of the big folder (two servers
#                 must not share one database: each would checkpoint it)
# Every server runs with one thread / one process pinned to CPU SERVER_CPU;
# wrk runs pinned to CPU CLIENT_CPU. Prints requests/s and wrk's average (and
# 99th percentile) latency per target, the ratio maitred-1M/json-server
# (target >= 20) and the latency ratio maitred-1M/maitred-10k (target <= 1.5).
#
#   bash bench/bookings_bench.sh
#   BOOKINGS=100000 DURATION=5s bash bench/bookings_bench.sh   # a quick run
#
# Environment (defaults in brackets):
#   BOOKINGS [1000000]      bookings in the big folder
#   SMALL_BOOKINGS [10000]  bookings in the small folder
#   RESTAURANTS [50]        restaurants in each folder; the page is the first's
#   HOT_DAY [2026-12-04]    the day of the page (seed_bookings gives the first
#                           restaurant 200 bookings on it in both folders)
#   SEED [42]               seed_bookings --seed
#   DURATION [10s]          wrk duration of each measured run
#   CONNECTIONS [32]        wrk connections (-c)
#   WRK_THREADS [1]         wrk threads (-t)
#   ROUNDS [2]              measured runs per target
#   WARMUP [2s]             one unmeasured wrk run per target first ("0" skips it)
#   SERVER_CPU [0]          core for the servers; CLIENT_CPU [1] core for wrk
#   JSON_SERVER_VERSION [0.17.4]  npm version of json-server (0.17: the classic CLI)
#   KEEP_DATA [0]           "1": keep the temp folder (databases) and print its path
#
# A benchmark, not a test: it fails only if something is broken (a non-200
# answer, a page that is not 100 bookings, json-server serving other documents,
# socket errors, a server that does not start), never on the ratios.
set -euo pipefail

BOOKINGS=${BOOKINGS:-1000000}
SMALL_BOOKINGS=${SMALL_BOOKINGS:-10000}
RESTAURANTS=${RESTAURANTS:-50}
HOT_DAY=${HOT_DAY:-2026-12-04}
SEED=${SEED:-42}
DURATION=${DURATION:-10s}
CONNECTIONS=${CONNECTIONS:-32}
WRK_THREADS=${WRK_THREADS:-1}
ROUNDS=${ROUNDS:-2}
WARMUP=${WARMUP:-2s}
SERVER_CPU=${SERVER_CPU:-0}
CLIENT_CPU=${CLIENT_CPU:-1}
JSON_SERVER_VERSION=${JSON_SERVER_VERSION:-0.17.4}
KEEP_DATA=${KEEP_DATA:-0}
PAGE_SIZE=100

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
bench_name=bookings_bench
# shellcheck source=bench/lib.sh
source "$root/bench/lib.sh"
bench_start=$(now)
cd "$root"

(( $(nproc) >= 2 )) || note "warning: only $(nproc) core(s); servers and wrk will share a core"

# --- tools and build --------------------------------------------------------
bash scripts/setup --bench
for tool in wrk taskset curl base64 node npm; do
  command -v "$tool" >/dev/null || die "$tool not found"
done

note "building the bench preset"
cmake --preset bench >/dev/null
cmake --build --preset bench
maitred=$root/build/bench/src/maitred
seeder=$root/build/bench/bench/seed_bookings
[[ -x $maitred ]] || die "$maitred was not built"
[[ -x $seeder ]] || die "$seeder was not built"

# --- temp folder and cleanup ------------------------------------------------
work=$(mktemp -d "${TMPDIR:-/tmp}/maitred-bookings-bench.XXXXXX")
trap bench_cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# --- data -------------------------------------------------------------------
# seed NAME COUNT: seeds $work/NAME; sets seed_key, seed_restaurant, seed_seconds.
seed_key=""
seed_restaurant=""
seed_seconds=""
seed() {
  local name=$1 count=$2 started
  started=$(now)
  note "seeding $name: $count bookings over $RESTAURANTS restaurants"
  "$seeder" --data "$work/$name" --restaurants "$RESTAURANTS" --bookings "$count" --seed "$SEED" \
    --hot-day "$HOT_DAY" >"$work/seed-$name.out" 2>"$work/seed-$name.err" ||
    die "seed_bookings for $name failed: $(tail -n 3 "$work/seed-$name.err")"
  seed_seconds=$(since "$started")
  seed_key=$(tail -n 1 "$work/seed-$name.out")
  seed_restaurant=$(sed -n 's/^hot day .*, restaurant \([0-9A-Za-z]*\)$/\1/p' "$work/seed-$name.out")
  [[ $seed_key == mtd_* ]] || die "seed_bookings printed no API key for $name"
  [[ -n $seed_restaurant ]] || die "seed_bookings printed no restaurant id for $name"
  note "  $(head -n 1 "$work/seed-$name.out") (wall clock $seed_seconds s)"
}

seed big "$BOOKINGS"
big_key=$seed_key big_restaurant=$seed_restaurant big_seed_seconds=$seed_seconds
seed small "$SMALL_BOOKINGS"
small_key=$seed_key small_seed_seconds=$seed_seconds
big_db_mib=$(( $(stat -c %s "$work/big/maitred.db") / 1048576 ))
small_db_mib=$(( $(stat -c %s "$work/small/maitred.db") / 1048576 ))

# How SQLite runs the page query on the big database (the SQL of
# SqliteStore::list_booking_documents with the default sort, no filter).
query_plan="(sqlite3 not installed)"
if command -v sqlite3 >/dev/null; then
  query_plan=$(sqlite3 "file:$work/big/maitred.db?mode=ro" "EXPLAIN QUERY PLAN SELECT doc FROM bookings
    WHERE restaurant_id = '$big_restaurant' AND start_utc >= '2026-12-03T23:00:00Z'
    AND start_utc <= '2026-12-04T22:59:59Z' ORDER BY start_utc ASC, id ASC LIMIT 100 OFFSET 0" 2>&1) ||
    die "EXPLAIN QUERY PLAN failed: $query_plan"
fi

note "copying the big folder for the TLS server"
mkdir -p "$work/big-tls"
cp "$work/big/maitred.db" "$work/big/maitred.db-generation" "$work/big-tls/"

# --- servers ----------------------------------------------------------------
page_query="/v1/bookings?fromDateTime=$HOT_DAY&toDateTime=$HOT_DAY&limit=$PAGE_SIZE"
start_maitred maitred-1M "$work/big" --insecure-http
url_big=$started_url$page_query
start_maitred maitred-10k "$work/small" --insecure-http
url_small=$started_url$page_query
start_maitred maitred-1M-tls "$work/big-tls"
url_tls=$started_url$page_query
[[ $url_big == http://* && $url_small == http://* ]] || die "the --insecure-http servers do not serve http://"
[[ $url_tls == https://* ]] || die "the TLS server does not serve https://"

auth_big="Basic $(printf '%s:' "$big_key" | base64 -w0)"
auth_small="Basic $(printf '%s:' "$small_key" | base64 -w0)"

# count_items FILE: the length of the JSON array in FILE.
count_items() {
  node -e 'const a = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
    if (!Array.isArray(a)) throw new Error("not an array"); console.log(a.length);' "$1"
}

# fetch_page NAME URL AUTH: checks 200 and exactly PAGE_SIZE bookings.
fetch_page() {
  local name=$1 url=$2 auth=$3 status items
  status=$(curl -k -sS -o "$work/$name.body" -w '%{http_code}' -H "Authorization: $auth" "$url") ||
    die "curl to $name failed"
  [[ $status == 200 ]] || die "$name answered $status, not 200: $(head -c 300 "$work/$name.body")"
  items=$(count_items "$work/$name.body") || die "$name did not answer a JSON array"
  [[ $items == "$PAGE_SIZE" ]] || die "$name answered $items bookings, not $PAGE_SIZE"
}
fetch_page maitred-1M "$url_big" "$auth_big"
fetch_page maitred-10k "$url_small" "$auth_small"
fetch_page maitred-1M-tls "$url_tls" "$auth_big"
cmp -s "$work/maitred-1M.body" "$work/maitred-1M-tls.body" || die "the TLS server answers other bytes than the HTTP one"

# --- json-server ------------------------------------------------------------
js=$work/json-server
mkdir -p "$js"
node -e 'const fs = require("fs");
  fs.writeFileSync(process.argv[2], JSON.stringify({ bookings: JSON.parse(fs.readFileSync(process.argv[1], "utf8")) }));' \
  "$work/maitred-1M.body" "$js/db.json"
note "installing json-server@$JSON_SERVER_VERSION from npm"
(cd "$js" && npm install --no-audit --no-fund --loglevel=error "json-server@$JSON_SERVER_VERSION" >"$work/npm.out" 2>&1) ||
  die "npm install json-server@$JSON_SERVER_VERSION failed: $(tail -n 5 "$work/npm.out")"
json_server_version=$(node -p 'require(process.argv[1]).version' "$js/node_modules/json-server/package.json")
extra_args=()
if "$js/node_modules/.bin/json-server" --help 2>&1 | grep -q -- '--quiet'; then extra_args+=(--quiet); fi

url_js=""
for attempt in 1 2 3 4 5; do
  port=$(free_port)
  # --id _id: the bookings' id field, so /bookings/:id would work too.
  (cd "$js" && exec taskset -c "$SERVER_CPU" node node_modules/.bin/json-server --host 127.0.0.1 --port "$port" \
    --id _id "${extra_args[@]}" db.json) >"$work/json-server.out" 2>"$work/json-server.err" &
  js_pid=$!
  server_pids+=("$js_pid")
  for _ in $(seq 100); do
    if curl -s -o /dev/null "http://127.0.0.1:$port/bookings"; then url_js=http://127.0.0.1:$port/bookings; break; fi
    kill -0 "$js_pid" 2>/dev/null || break
    sleep 0.1
  done
  [[ -n $url_js ]] && break
  kill "$js_pid" 2>/dev/null || true
  wait "$js_pid" 2>/dev/null || true
  note "json-server did not start on port $port (attempt $attempt)"
done
[[ -n $url_js ]] || die "json-server did not start: $(tail -n 3 "$work/json-server.err")"

fetch_page json-server "$url_js" "$auth_big"
node -e 'const fs = require("fs"), assert = require("assert");
  const read = (f) => JSON.parse(fs.readFileSync(f, "utf8"));
  assert.deepStrictEqual(read(process.argv[2]), read(process.argv[1]));' \
  "$work/maitred-1M.body" "$work/json-server.body" || die "json-server does not serve the same 100 documents"

# --- runs -------------------------------------------------------------------
# Runs wrk pinned to CLIENT_CPU (in the background, so that a signal stops the
# script at once); sets `rate` (requests/s), `lat_avg` and `lat_p99` (ms), and
# from the server's CPU time (/proc/PID/stat, all threads) `cpu_share` (% of a
# core) and `cpu_us` (CPU microseconds per request): on a busy machine the
# servers get less than their core, and cpu_us still compares them fairly.
# Dies on any non-2xx/3xx answer or socket error.
cpu_share="" cpu_us=""
clk_tck=$(getconf CLK_TCK)
run_wrk() {
  local name=$1 url=$2 auth=$3 duration=$4 pid=$5 out=$work/wrk.out ticks_before ticks_after started
  ticks_before=$(cpu_ticks "$pid") || die "$name is not running"
  started=$(now)
  taskset -c "$CLIENT_CPU" wrk -t"$WRK_THREADS" -c"$CONNECTIONS" -d"$duration" --latency \
    -H "Authorization: $auth" "$url" >"$out" 2>&1 &
  wrk_pids=($!)
  wait "${wrk_pids[0]}" || die "wrk against $name failed: $(cat "$out")"
  wrk_pids=()
  ticks_after=$(cpu_ticks "$pid") || die "$name stopped during the run"
  wrk_results "$out" "$name"
  ((non2xx == 0)) || die "$name answered $non2xx non-2xx during the run"
  [[ -n $lat_p99 ]] || die "no 99th percentile in the wrk output for $name: $(cat "$out")"
  read -r cpu_share cpu_us < <(awk -v t=$((ticks_after - ticks_before)) -v hz="$clk_tck" -v s="$started" \
    -v e="$(now)" -v n="$requests" 'BEGIN { c = t / hz; printf "%.0f %.1f\n", 100 * c / (e - s), 1e6 * c / n }')
}

names=(maitred-1M json-server maitred-10k maitred-1M-tls)
declare -A urls=([maitred-1M]=$url_big [json-server]=$url_js [maitred-10k]=$url_small [maitred-1M-tls]=$url_tls)
declare -A pids=([maitred-1M]=${server_pids[0]} [maitred-10k]=${server_pids[1]} [maitred-1M-tls]=${server_pids[2]}
  [json-server]=$js_pid)
declare -A auths=([maitred-1M]=$auth_big [json-server]=$auth_big [maitred-10k]=$auth_small [maitred-1M-tls]=$auth_big)
declare -A rates=() avgs=() p99s=() cpus=()

note "$BOOKINGS bookings (${big_db_mib} MiB) and $SMALL_BOOKINGS bookings (${small_db_mib} MiB), $RESTAURANTS restaurants"
note "page: GET $page_query ($(wc -c <"$work/maitred-1M.body") bytes from maitred, $(wc -c <"$work/json-server.body") from json-server $json_server_version)"
note "wrk -t$WRK_THREADS -c$CONNECTIONS -d$DURATION, $ROUNDS round(s), servers on CPU $SERVER_CPU, wrk on CPU $CLIENT_CPU"
note "load average before the runs: $(cut -d' ' -f1-3 /proc/loadavg)"

runs_start=$(now)
if [[ $WARMUP != 0 ]]; then
  for name in "${names[@]}"; do run_wrk "$name" "${urls[$name]}" "${auths[$name]}" "$WARMUP" "${pids[$name]}"; done
fi
for round in $(seq "$ROUNDS"); do
  for name in "${names[@]}"; do
    run_wrk "$name" "${urls[$name]}" "${auths[$name]}" "$DURATION" "${pids[$name]}"
    rates[$name]+="$rate " avgs[$name]+="$lat_avg " p99s[$name]+="$lat_p99 " cpus[$name]+="$cpu_us "
    printf 'round %d  %-15s %8.0f req/s  avg %8.3f ms  p99 %8.3f ms  server CPU %3d%%, %7.1f us/request\n' \
      "$round" "$name" "$rate" "$lat_avg" "$lat_p99" "$cpu_share" "$cpu_us"
  done
done
runs_seconds=$(since "$runs_start")
note "load average after the runs: $(cut -d' ' -f1-3 /proc/loadavg)"

# Every server must still answer the full page after the runs.
for name in "${names[@]}"; do fetch_page "$name-after" "${urls[$name]}" "${auths[$name]}"; done

declare -A med_rate=() med_avg=() med_p99=() med_cpu=()
echo
printf '%-15s %12s %16s %16s %18s\n' target "median req/s" "median avg (ms)" "median p99 (ms)" "median CPU us/req"
for name in "${names[@]}"; do
  # shellcheck disable=SC2086  # the lists are space-separated numbers
  med_rate[$name]=$(median ${rates[$name]})
  # shellcheck disable=SC2086
  med_avg[$name]=$(median ${avgs[$name]})
  # shellcheck disable=SC2086
  med_p99[$name]=$(median ${p99s[$name]})
  # shellcheck disable=SC2086
  med_cpu[$name]=$(median ${cpus[$name]})
  printf '%-15s %12.0f %16.3f %16.3f %18.1f\n' "$name" "${med_rate[$name]}" "${med_avg[$name]}" "${med_p99[$name]}" \
    "${med_cpu[$name]}"
done
echo
awk -v a="${med_rate[maitred-1M]}" -v b="${med_rate[json-server]}" \
  'BEGIN { printf "ratio maitred-1M/json-server (req/s): %.1f; target >= 20\n", a / b }'
awk -v a="${med_cpu[json-server]}" -v b="${med_cpu[maitred-1M]}" \
  'BEGIN { printf "ratio json-server/maitred-1M (server CPU per request): %.1f\n", a / b }'
awk -v a="${med_avg[maitred-1M]}" -v b="${med_avg[maitred-10k]}" \
  'BEGIN { printf "latency maitred-1M/maitred-10k (avg): %.2f; target <= 1.5\n", a / b }'
awk -v a="${med_rate[maitred-1M-tls]}" -v b="${med_rate[maitred-1M]}" \
  'BEGIN { printf "maitred-1M TLS/HTTP (req/s): %.2f\n", a / b }'
echo
echo "seeding: $BOOKINGS bookings in $big_seed_seconds s (${big_db_mib} MiB), $SMALL_BOOKINGS in $small_seed_seconds s"
echo "measured runs: $runs_seconds s; whole script: $(since "$bench_start") s"
echo "query plan of the page query on the $BOOKINGS-booking database:"
echo "$query_plan"
