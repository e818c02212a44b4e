#!/usr/bin/env bash
# PostgreSQL against SQLite, with one and with two maitred processes (issue 7):
# the bookings-list page and the booking create of the earlier benchmarks on
#
#   sqlite  one `maitred serve` on the embedded SQLite store (the reference)
#   pg-1    one `maitred serve --database postgresql://...`
#   pg-2    two `maitred serve` processes on that same PostgreSQL database,
#           each with its own wrk and half of the connections; their
#           requests/s are added
#
# both stores seeded by bench/seed_bookings with the same BOOKINGS bookings
# (same seed: the same booking ids and documents) over RESTAURANTS
# restaurants. Two loads, each measured with wrk, alternating the three
# targets in every round:
#
#   list    GET /v1/bookings?fromDateTime=HOT_DAY&toDateTime=HOT_DAY&limit=100
#           (the first restaurant has 200 bookings on HOT_DAY)
#   create  POST /v1/bookings for the first restaurant with
#           "allowOverbooking": true, at random times (11:00-22:00) on random
#           days of the CREATE_DAYS days after the seeded ones: the day's
#           bookings are read and checked and the booking written in one
#           durable transaction, never refused
#
# The server side (maitred and PostgreSQL alike) is pinned to SERVER_CPU,
# every wrk to CLIENT_CPU: each target gets the same CPU. PostgreSQL is a
# throwaway cluster with production durability (fsync on), on loopback TCP.
# Prints per target requests/s (2xx only), wrk's average and 99th-percentile
# latency, the server side's CPU time per request (maitred processes plus
# every PostgreSQL process, PostgreSQL's part apart), non-2xx answers, and
# the ratios pg-1/sqlite, pg-2/sqlite and pg-2/pg-1.
#
#   bash bench/postgres_bench.sh
#   BOOKINGS=10000 DURATION=3s ROUNDS=1 bash bench/postgres_bench.sh   # a quick try
#
# Environment (defaults in brackets):
#   BOOKINGS [100000]     bookings stored in each database
#   RESTAURANTS [50]      restaurants; the page and the creates are the first's
#   HOT_DAY [2026-12-04]  the page's day
#   SEED [42]             seed_bookings --seed
#   CREATE_DAYS [3000]    days the creates are spread over
#   DURATION [10s]        wrk duration of each measured run
#   CONNECTIONS [32]      wrk connections per target (pg-2: half per process)
#   WRK_THREADS [1]       wrk threads per wrk process
#   ROUNDS [3]            measured runs per target and load
#   WARMUP [2s]           one unmeasured run per target and load first ("0" skips it)
#   DB_CONNECTIONS [8]    --database-connections of each PostgreSQL maitred
#   SERVER_CPU [0]        cores (taskset -c list) for maitred and PostgreSQL
#   CLIENT_CPU [1]        cores for wrk
#   KEEP_DATA [0]         "1": keep the temp folder and print its path
#   MAITRED_PG_BIN [/usr/lib/postgresql/15/bin]
#
# A benchmark, not a test: it fails only when something is broken (a server
# that does not start, a page that is not the same 100 bookings everywhere, a
# list answer other than 200, socket errors), never on the numbers. Non-2xx
# creates are counted, reported and left out of the requests/s.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
bench_name=postgres_bench
# shellcheck source=bench/lib.sh
source "$root/bench/lib.sh"
cd "$root"

BOOKINGS=${BOOKINGS:-100000}
RESTAURANTS=${RESTAURANTS:-50}
HOT_DAY=${HOT_DAY:-2026-12-04}
SEED=${SEED:-42}
CREATE_DAYS=${CREATE_DAYS:-3000}
DURATION=${DURATION:-10s}
CONNECTIONS=${CONNECTIONS:-32}
WRK_THREADS=${WRK_THREADS:-1}
ROUNDS=${ROUNDS:-3}
WARMUP=${WARMUP:-2s}
DB_CONNECTIONS=${DB_CONNECTIONS:-8}
SERVER_CPU=${SERVER_CPU:-0}
CLIENT_CPU=${CLIENT_CPU:-1}
KEEP_DATA=${KEEP_DATA:-0}
PAGE_SIZE=100
((CONNECTIONS % 2 == 0)) || die "CONNECTIONS must be even (pg-2 gives each process half)"

bench_start=$(now)
bash scripts/setup --bench
for tool in wrk taskset curl base64 python3 ps; do command -v "$tool" >/dev/null || die "$tool not found"; done
note "building the bench preset"
cmake --preset bench >/dev/null
cmake --build --preset bench >/dev/null
maitred=$root/build/bench/src/maitred
seeder=$root/build/bench/bench/seed_bookings
[[ -x $maitred && -x $seeder ]] || die "the bench preset did not build maitred and seed_bookings"

work=$(mktemp -d "${TMPDIR:-/tmp}/maitred-pg-bench.XXXXXX")
trap bench_cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# --- data -------------------------------------------------------------------
note "starting PostgreSQL on CPU $SERVER_CPU"
start_pg_cluster taskset -c "$SERVER_CPU"
pg_version=$("$pg_bin/postgres" --version)

# seed NAME [seed_bookings options...]: sets key_NAME and seconds_NAME.
seed() {
  local name=$1 started key
  shift
  started=$(now)
  note "seeding $name: $BOOKINGS bookings over $RESTAURANTS restaurants"
  "$seeder" "$@" --restaurants "$RESTAURANTS" --bookings "$BOOKINGS" --seed "$SEED" --hot-day "$HOT_DAY" \
    >"$work/seed-$name.out" 2>"$work/seed-$name.err" || die "seed_bookings for $name failed: $(tail -n 3 "$work/seed-$name.err")"
  key=$(tail -n 1 "$work/seed-$name.out")
  [[ $key == mtd_* ]] || die "seed_bookings printed no API key for $name"
  printf -v "key_$name" '%s' "$key"
  printf -v "seconds_$name" '%s' "$(since "$started")"
  note "  $(head -n 1 "$work/seed-$name.out") (wall clock $(since "$started") s)"
}
seed sqlite --data "$work/sqlite"
seed pg --database "$pg_url"

# --- servers ----------------------------------------------------------------
pg_args=(--database "$pg_url" --database-connections "$DB_CONNECTIONS" --insecure-http)
start_maitred sqlite "$work/sqlite" --insecure-http
url_sqlite=$started_url pid_sqlite=$started_pid
start_maitred pg-1 "$work/pg-1" "${pg_args[@]}"
url_pg1=$started_url pid_pg1=$started_pid
start_maitred pg-2a "$work/pg-2a" "${pg_args[@]}"
url_pg2a=$started_url pid_pg2a=$started_pid
start_maitred pg-2b "$work/pg-2b" "${pg_args[@]}"
url_pg2b=$started_url pid_pg2b=$started_pid

auth_sqlite="Basic $(printf '%s:' "$key_sqlite" | base64 -w0)"
auth_pg="Basic $(printf '%s:' "$key_pg" | base64 -w0)"
page="/v1/bookings?fromDateTime=$HOT_DAY&toDateTime=$HOT_DAY&limit=$PAGE_SIZE"

# page_ids NAME URL AUTH: checks 200 and PAGE_SIZE bookings; prints their ids.
page_ids() {
  local name=$1 status
  status=$(curl -sS -o "$work/$name.page" -w '%{http_code}' -H "Authorization: $3" "$2$page") ||
    die "curl to $name failed"
  [[ $status == 200 ]] || die "$name answered $status, not 200: $(head -c 300 "$work/$name.page")"
  python3 -c 'import json, sys
page = json.load(open(sys.argv[1]))
assert isinstance(page, list) and len(page) == int(sys.argv[2]), "%d bookings" % len(page)
print(" ".join(b["_id"] if "_id" in b else b["id"] for b in page))' "$work/$name.page" "$PAGE_SIZE" ||
    die "$name did not answer $PAGE_SIZE bookings"
}
# Same seed, so the same bookings (restaurant ids differ: they are random).
check_pages() {
  local ids
  ids=$(page_ids sqlite "$url_sqlite" "$auth_sqlite")
  for target in pg-1:$url_pg1 pg-2a:$url_pg2a pg-2b:$url_pg2b; do
    [[ $(page_ids "${target%%:*}" "${target#*:}" "$auth_pg") == "$ids" ]] ||
      die "${target%%:*} does not serve the page SQLite serves"
  done
}
check_pages
page_bytes=$(wc -c <"$work/sqlite.page")

# The create load; `-- SEED` gives each wrk process its own random days.
first_create_day=$(date -d "$HOT_DAY + 366 days" +%F)
lua=$work/create.lua
cat >"$lua" <<LUA
local first_day = os.time{year = ${first_create_day:0:4}, month = ${first_create_day:5:2}, day = ${first_create_day:8:2}, hour = 12}
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
local n = 0
init = function(args) math.randomseed(tonumber(args[1] or "42")) end
request = function()
  n = n + 1
  local day = os.date("!%Y-%m-%d", first_day + 86400 * math.random(0, $CREATE_DAYS - 1))
  local minutes = 660 + 15 * math.random(0, 44)
  local body = string.format('{"date":"%s","time":"%02d:%02d","people":%d,"guest":{"name":"Bench %d"},"allowOverbooking":true}',
    day, math.floor(minutes / 60), minutes % 60, math.random(1, 8), n)
  return wrk.format(nil, nil, nil, body)
end
LUA
# One create by hand on each store first: it must be accepted.
for target in sqlite:$url_sqlite pg-1:$url_pg1; do
  auth=$auth_pg
  [[ ${target%%:*} == sqlite ]] && auth=$auth_sqlite
  status=$(curl -sS -o "$work/create.answer" -w '%{http_code}' -H "Authorization: $auth" -H 'Content-Type: application/json' \
    --data "{\"date\":\"$first_create_day\",\"time\":\"19:00\",\"people\":2,\"guest\":{\"name\":\"Check\"},\"allowOverbooking\":true}" \
    "${target#*:}/v1/bookings") || die "curl create on ${target%%:*} failed"
  [[ $status == 2* ]] || die "create on ${target%%:*} answered $status: $(head -c 300 "$work/create.answer")"
done

# --- runs -------------------------------------------------------------------
# measure TARGET LOAD DURATION: runs wrk against every process of TARGET at
# once (one wrk each, CONNECTIONS split evenly), all pinned to CLIENT_CPU, and
# sets: rate (2xx requests/s, summed), lat_avg (ms, weighted by requests),
# lat_p99 (ms, the largest of the processes'), non2xx (summed), cpu_us
# (server-side CPU microseconds per 2xx request), pg_us (PostgreSQL's part of
# it) and cpu_share (% of a core).
clk_tck=$(getconf CLK_TCK)
cpu_us="" pg_us="" cpu_share=""
measure() {
  local target=$1 load=$2 duration=$3 urls=() pids=() auth=$auth_pg conns i started ticks_before ticks_after
  local pg_before pg_after
  local total_rate=0 total_requests=0 weighted=0 p99=0 failures=0 path=$page args=()
  case $target in
    sqlite) urls=("$url_sqlite") pids=("$pid_sqlite") auth=$auth_sqlite ;;
    pg-1) urls=("$url_pg1") pids=("$pid_pg1") ;;
    pg-2) urls=("$url_pg2a" "$url_pg2b") pids=("$pid_pg2a" "$pid_pg2b") ;;
  esac
  [[ $load == create ]] && path=/v1/bookings args=(-s "$lua")
  conns=$((CONNECTIONS / ${#urls[@]}))
  ticks_before=$(cpu_ticks "${pids[@]}") || die "a $target server is not running"
  pg_before=$(pg_cpu_ticks) || die "PostgreSQL is not running"
  started=$(now)
  wrk_pids=()
  for i in "${!urls[@]}"; do
    taskset -c "$CLIENT_CPU" wrk -t"$WRK_THREADS" -c"$conns" -d"$duration" --latency -H "Authorization: $auth" \
      "${args[@]}" "${urls[i]}$path" -- $((SEED + i)) >"$work/wrk-$i.out" 2>&1 &
    wrk_pids+=($!)
  done
  for i in "${!wrk_pids[@]}"; do
    wait "${wrk_pids[i]}" || { wrk_pids=(); die "wrk against $target failed: $(cat "$work/wrk-$i.out")"; }
  done
  wrk_pids=()
  ticks_after=$(cpu_ticks "${pids[@]}") || die "a $target server stopped during the run"
  pg_after=$(pg_cpu_ticks) || die "PostgreSQL stopped during the run"
  # The SQLite target's PostgreSQL is idle (its background writer aside).
  [[ $target == sqlite ]] && pg_after=$pg_before
  for i in "${!urls[@]}"; do
    wrk_results "$work/wrk-$i.out" "$target $load"
    [[ -n $lat_p99 ]] || die "no 99th percentile in the wrk output for $target $load"
    total_rate=$(awk -v a="$total_rate" -v r="$rate" -v n="$requests" -v f="$non2xx" 'BEGIN { print a + r * (n - f) / n }')
    weighted=$(awk -v a="$weighted" -v l="$lat_avg" -v n="$requests" 'BEGIN { print a + l * n }')
    p99=$(awk -v a="$p99" -v b="$lat_p99" 'BEGIN { print (b > a) ? b : a }')
    total_requests=$((total_requests + requests))
    failures=$((failures + non2xx))
  done
  [[ $load == create ]] || ((failures == 0)) || die "$target answered $failures non-2xx to the bookings page"
  rate=$total_rate non2xx=$failures lat_p99=$p99
  lat_avg=$(awk -v w="$weighted" -v n="$total_requests" 'BEGIN { printf "%.3f", w / n }')
  read -r cpu_share cpu_us pg_us < <(awk -v t=$((ticks_after - ticks_before)) -v p=$((pg_after - pg_before)) \
    -v hz="$clk_tck" -v s="$started" -v e="$(now)" -v n=$((total_requests - failures)) \
    'BEGIN { c = (t + p) / hz; printf "%.0f %.1f %.1f\n", 100 * c / (e - s), (n > 0) ? 1e6 * c / n : 0,
             (n > 0) ? 1e6 * p / hz / n : 0 }')
}

# dsync_ms: milliseconds per durable 4 KiB write in $work (dd oflag=dsync,
# 100 writes): what one commit of a writer that fsyncs alone waits for, and
# what moves with the other I/O on the machine.
dsync_ms() {
  local out
  out=$(dd if=/dev/zero of="$work/dsync.probe" bs=4k count=100 oflag=dsync 2>&1) || die "dd oflag=dsync failed: $out"
  rm -f "$work/dsync.probe"
  awk '/ copied, / { for (i = 1; i <= NF; i++) if ($i == "s,") { printf "%.2f\n", $(i - 1) * 10; exit } }' <<<"$out"
}

targets=(sqlite pg-1 pg-2)
loads=(list create)
dsyncs=""
declare -A rates=() avgs=() p99s=() cpus=() pgs=() fails=()
note "$BOOKINGS bookings in each store, $RESTAURANTS restaurants; page: $page ($page_bytes bytes)"
note "wrk -t$WRK_THREADS -c$CONNECTIONS -d$DURATION (pg-2: two wrk of -c$((CONNECTIONS / 2))), $ROUNDS round(s);" \
  "maitred and PostgreSQL on CPU $SERVER_CPU, wrk on CPU $CLIENT_CPU; $(nproc) cores"
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
note "load average before the runs: $load_before"
runs_start=$(now)
if [[ $WARMUP != 0 ]]; then
  for load in "${loads[@]}"; do for target in "${targets[@]}"; do measure "$target" "$load" "$WARMUP"; done; done
fi
for round in $(seq "$ROUNDS"); do
  for load in "${loads[@]}"; do
    if [[ $load == create ]]; then
      ms=$(dsync_ms)
      dsyncs+="$ms "
      printf 'round %d  durable 4 KiB write (dd oflag=dsync): %s ms\n' "$round" "$ms"
    fi
    for target in "${targets[@]}"; do
      measure "$target" "$load" "$DURATION"
      key="$load $target"
      rates[$key]+="$rate " avgs[$key]+="$lat_avg " p99s[$key]+="$lat_p99 " cpus[$key]+="$cpu_us " pgs[$key]+="$pg_us "
      fails[$key]=$(( ${fails[$key]:-0} + non2xx ))
      printf 'round %d  %-6s %-6s %8.0f req/s  avg %8.3f ms  p99 %8.3f ms  server CPU %3d%%, %7.1f us/request (PostgreSQL %6.1f)  non-2xx %d\n' \
        "$round" "$load" "$target" "$rate" "$lat_avg" "$lat_p99" "$cpu_share" "$cpu_us" "$pg_us" "$non2xx"
    done
  done
done
runs_seconds=$(since "$runs_start")
load_after=$(cut -d' ' -f1-3 /proc/loadavg)
check_pages  # every server still serves the same page
# The creates were creates (wrk falls back to GET when its script fails).
for name in sqlite pg-1 pg-2a pg-2b; do
  grep -q '"method":"POST","path":"/v1/bookings","status":20' "$work/$name.err" ||
    die "$name logged no accepted POST /v1/bookings"
done

declare -A med_rate=() med_avg=() med_p99=() med_cpu=() med_pg=()
echo
printf '%-7s %-6s %12s %16s %16s %18s %16s %8s\n' load target "median req/s" "median avg (ms)" "median p99 (ms)" \
  "median CPU us/req" "of which PG" non-2xx
for load in "${loads[@]}"; do
  for target in "${targets[@]}"; do
    key="$load $target"
    # shellcheck disable=SC2086  # the lists are space-separated numbers
    med_rate[$key]=$(median ${rates[$key]})
    # shellcheck disable=SC2086
    med_avg[$key]=$(median ${avgs[$key]})
    # shellcheck disable=SC2086
    med_p99[$key]=$(median ${p99s[$key]})
    # shellcheck disable=SC2086
    med_cpu[$key]=$(median ${cpus[$key]})
    # shellcheck disable=SC2086
    med_pg[$key]=$(median ${pgs[$key]})
    printf '%-7s %-6s %12.0f %16.3f %16.3f %18.1f %16.1f %8d\n' "$load" "$target" "${med_rate[$key]}" "${med_avg[$key]}" \
      "${med_p99[$key]}" "${med_cpu[$key]}" "${med_pg[$key]}" "${fails[$key]}"
  done
done
echo
for load in "${loads[@]}"; do
  awk -v l="$load" -v s="${med_rate[$load sqlite]}" -v p1="${med_rate[$load pg-1]}" -v p2="${med_rate[$load pg-2]}" \
    -v cs="${med_cpu[$load sqlite]}" -v c1="${med_cpu[$load pg-1]}" -v c2="${med_cpu[$load pg-2]}" \
    'BEGIN { printf "%-6s req/s: pg-1/sqlite %.2f, pg-2/sqlite %.2f, pg-2/pg-1 %.2f;", l, p1 / s, p2 / s, p2 / p1
             printf "  CPU per request: pg-1/sqlite %.2f, pg-2/sqlite %.2f, pg-2/pg-1 %.2f\n", c1 / cs, c2 / cs, c2 / c1 }'
done
echo
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'); $pg_version;" \
  "load average $load_before before the runs, $load_after after"
# shellcheck disable=SC2086
echo "durable 4 KiB write before the creates: ${dsyncs% } ms (median $(median $dsyncs))"
echo "seeding $BOOKINGS bookings: SQLite $seconds_sqlite s, PostgreSQL $seconds_pg s"
echo "measured runs: $runs_seconds s; whole script: $(since "$bench_start") s"
