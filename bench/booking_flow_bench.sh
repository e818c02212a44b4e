#!/usr/bin/env bash
# Booking-flow benchmark through HTTP (issue 5): one restaurant with 60
# tables, 40 combinations, lunch and dinner every day, DAY_BOOKINGS bookings
# on the measured day, and BOOKINGS bookings of its own on other days (1M and
# 10k, in two folders). Measured with wrk, alternating, against a reference
# on the same server in the same run (GET /v1/restaurant):
#
#   times-1M / times-10k   GET /v1/bookingFlow/times for a party of two on the
#                          measured day: does the rest of the table cost?
#   create-1M              POST /v1/bookings without tables (the engine
#                          assigns one; every create is an fsync'd SQLite
#                          transaction) at random times over 200 later days
#   restaurant-1M          GET /v1/restaurant, the reference
#
#   bash bench/booking_flow_bench.sh
#   BOOKINGS=100000 DURATION=5s bash bench/booking_flow_bench.sh   # a quick run
#
# Environment (defaults in brackets): BOOKINGS [1000000], SMALL_BOOKINGS
# [10000], DAY_BOOKINGS [600], DAY [2028-03-10, a Friday after every seeded
# booking], DURATION [10s], CONNECTIONS [16], ROUNDS [2], SERVER_CPU [0],
# CLIENT_CPU [1], KEEP_DATA [0].
#
# A benchmark, not a test: it fails only when something is broken (a server
# that does not start, a setup request refused, socket errors, a GET that is
# not 200), never on the numbers.
set -euo pipefail

BOOKINGS=${BOOKINGS:-1000000}
SMALL_BOOKINGS=${SMALL_BOOKINGS:-10000}
DAY_BOOKINGS=${DAY_BOOKINGS:-600}
DAY=${DAY:-2028-03-10}
DURATION=${DURATION:-10s}
CONNECTIONS=${CONNECTIONS:-16}
ROUNDS=${ROUNDS:-2}
SERVER_CPU=${SERVER_CPU:-0}
CLIENT_CPU=${CLIENT_CPU:-1}
KEEP_DATA=${KEEP_DATA:-0}

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
bench_name=booking_flow_bench
# shellcheck source=bench/lib.sh
source "$root/bench/lib.sh"
cd "$root"
bash scripts/setup --bench
for tool in wrk taskset curl base64; do command -v "$tool" >/dev/null || die "$tool not found"; done
note "building the bench preset"
cmake --preset bench >/dev/null
cmake --build --preset bench >/dev/null
maitred=$root/build/bench/src/maitred
seeder=$root/build/bench/bench/seed_bookings

work=$(mktemp -d "${TMPDIR:-/tmp}/maitred-flow-bench.XXXXXX")
trap bench_cleanup EXIT

# api URL AUTH METHOD PATH [BODY]: the answer's body; dies unless 2xx.
api() {
  local status args=(-sS -o "$work/answer" -w '%{http_code}' -X "$3" -H "Authorization: $2")
  (($# >= 5)) && args+=(-H 'Content-Type: application/json' --data "$5")
  status=$(curl "${args[@]}" "$1$4") || die "curl $3 $4 failed"
  [[ $status == 2* ]] || die "$3 $4 answered $status: $(head -c 300 "$work/answer")"
  cat "$work/answer"
}

# prepare NAME COUNT: seeds COUNT bookings of one restaurant, gives it the
# setup over the API and DAY_BOOKINGS bookings on DAY; sets auth_NAME, url_NAME.
prepare() {
  local name=$1 count=$2 key auth id ids=() i
  note "seeding $name: $count bookings on other days"
  "$seeder" --data "$work/$name" --restaurants 1 --bookings "$count" --hot-bookings 0 --seed 7 \
    >"$work/seed-$name.out" 2>"$work/seed-$name.err" || die "seed_bookings failed: $(tail -n 3 "$work/seed-$name.err")"
  key=$(tail -n 1 "$work/seed-$name.out")
  auth="Basic $(printf '%s:' "$key" | base64 -w0)"
  start_maitred "$name" "$work/$name" --insecure-http
  url=$started_url
  note "setting up $name: 60 tables, 40 combinations, lunch and dinner, $DAY_BOOKINGS bookings on $DAY"
  api "$url" "$auth" PUT /v1/restaurant '{"bookingRules":{"maxDaysAhead":730,"minNoticeMinutes":0}}' >/dev/null
  local sizes=(2 2 2 4 4 4 6 8)
  for i in $(seq 0 59); do
    id=$(api "$url" "$auth" POST /v1/tables "{\"name\":\"T$i\",\"seatsMin\":1,\"seatsMax\":${sizes[i % 8]},\"priority\":$i}")
    ids+=("${id//\"/}")
  done
  for i in $(seq 0 39); do
    api "$url" "$auth" POST /v1/tableCombinations \
      "{\"tableIds\":[\"${ids[i]}\",\"${ids[i + 1]}\"],\"seatsMin\":3,\"seatsMax\":$((sizes[i % 8] + sizes[(i + 1) % 8]))}" >/dev/null
  done
  for day in 1 2 3 4 5 6 7; do
    api "$url" "$auth" POST /v1/openingHours "{\"name\":\"Lunch\",\"day\":$day,\"open\":1130,\"close\":1430}" >/dev/null
    api "$url" "$auth" POST /v1/openingHours "{\"name\":\"Dinner\",\"day\":$day,\"open\":1730,\"close\":2300}" >/dev/null
  done
  # More than the tables can seat in a day: placed on purpose, table by table.
  for i in $(seq 0 $((DAY_BOOKINGS - 1))); do
    local minutes=$(( (i % 3 == 0 ? 690 : 1050) + (i * 7 % 14) * 15 ))
    api "$url" "$auth" POST /v1/bookings "$(printf '{"date":"%s","time":"%02d:%02d","people":%d,"guest":{"name":"Day %d"},"tables":["%s"],"allowOverbooking":true}' \
      "$DAY" $((minutes / 60)) $((minutes % 60)) $((1 + i % 4)) "$i" "${ids[i % 60]}")" >/dev/null
  done
  printf -v "auth_$name" '%s' "$auth"
  printf -v "url_$name" '%s' "$url"
}
prepare big "$BOOKINGS"
prepare small "$SMALL_BOOKINGS"

# The create load: random dinner times over the 200 days after DAY.
lua=$work/create.lua
{
  echo 'local days = {'
  for d in $(seq 1 200); do printf '"%s",' "$(date -d "$DAY + $d day" +%F)"; done
  echo '}'
  cat <<'LUA'
math.randomseed(42)
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
local n = 0
request = function()
  n = n + 1
  local minutes = 1050 + math.random(0, 14) * 15
  local body = string.format('{"date":"%s","time":"%02d:%02d","people":%d,"guest":{"name":"Bench %d"}}',
    days[math.random(#days)], math.floor(minutes / 60), minutes % 60, math.random(1, 4), n)
  return wrk.format(nil, nil, nil, body)
end
LUA
} >"$lua"

run() {
  local target=$1 auth=$2 out=$work/wrk.out
  shift 2
  taskset -c "$CLIENT_CPU" wrk -t1 -c"$CONNECTIONS" -d"$DURATION" -H "Authorization: $auth" "$@" "$target" >"$out" 2>&1 ||
    die "wrk failed: $(cat "$out")"
  wrk_results "$out" "$target"
}

times_path="/v1/bookingFlow/times?date=$DAY&people=2"
api "$url_big" "$auth_big" GET "$times_path" >"$work/times.json"
grep -q availableTimes "$work/times.json" || die "times answered no service: $(head -c 300 "$work/times.json")"

declare -A rates=() avgs=()
for round in $(seq "$ROUNDS"); do
  for target in restaurant-1M times-1M times-10k create-1M; do
    case $target in
      restaurant-1M) run "$url_big/v1/restaurant" "$auth_big" ;;
      times-1M) run "$url_big$times_path" "$auth_big" ;;
      times-10k) run "$url_small$times_path" "$auth_small" ;;
      create-1M) run "$url_big/v1/bookings" "$auth_big" -s "$lua" ;;
    esac
    [[ $target == create-1M || $non2xx == 0 ]] || die "$target: $non2xx non-2xx answers"
    rates[$target]+="$rate " avgs[$target]+="$lat_avg "
    printf 'round %d  %-14s %8.0f req/s  avg %8.3f ms  non-2xx %s\n' "$round" "$target" "$rate" "$lat_avg" "$non2xx"
  done
done

declare -A r=() a=()
for target in restaurant-1M times-1M times-10k create-1M; do
  # shellcheck disable=SC2086
  r[$target]=$(median ${rates[$target]})
  # shellcheck disable=SC2086
  a[$target]=$(median ${avgs[$target]})
done
echo
awk -v t="${r[times-1M]}" -v g="${r[restaurant-1M]}" 'BEGIN { printf "times-1M / restaurant-1M (req/s): %.2f\n", t / g }'
awk -v b="${a[times-1M]}" -v s="${a[times-10k]}" 'BEGIN { printf "latency times-1M / times-10k (avg): %.2f\n", b / s }'
awk -v c="${r[create-1M]}" -v g="${r[restaurant-1M]}" 'BEGIN { printf "create-1M / restaurant-1M (req/s): %.3f\n", c / g }'
echo "medians: restaurant-1M ${r[restaurant-1M]} req/s, times-1M ${r[times-1M]} req/s (${a[times-1M]} ms)," \
  "times-10k ${r[times-10k]} req/s (${a[times-10k]} ms), create-1M ${r[create-1M]} req/s (${a[create-1M]} ms)"
