#!/usr/bin/env bash
# Webhook backlog benchmark (issue 15): how fast maitred delivers a backlog of
# EVENTS (10,000) webhook deliveries to a loopback receiver that answers 204
# at once (bench/instant_receiver.mjs, Node `http`), against the receiver's
# own capacity measured with wrk in the same run.
#
# Setup: `maitred demo` data, `serve --webhook-allow-private` (TLS, one I/O
# thread) pinned to CPU SERVER_CPU, the receiver pinned to CPU CLIENT_CPU,
# one endpoint (`booking.*`) pointing at it. Each round, alternating:
#
#   receiver   wrk (pinned to SERVER_CPU, where maitred then idles) POSTs a
#              delivery-sized JSON body to the receiver with CONNECTIONS (32,
#              the sender's most attempts in flight) keep-alive connections:
#              the most 204s per second the receiver can answer.
#   backlog    the receiver is told to hold every delivery 9 s (then 204: an
#              attempt has 10 s, so no attempt fails and nothing waits for a
#              retry); EVENTS bookings are imported (POST /api/v3/imports,
#              one CSV, allowOverbooking: one booking.created event each,
#              every row its own transaction); once the deliveries log holds
#              all of them, the receiver is released (answers the held ones
#              and everything later at once), and the time from the release
#              to the receiver's EVENTS-th distinct webhook-id gives
#              deliveries/s. Those delivered while held (at most 32 per 9 s)
#              are left out of the count and the time.
#
# Prints deliveries/s and the receiver's capacity per round, their medians,
# and the ratio backlog/receiver (1.0: maitred delivers as fast as the
# receiver can answer). Afterwards the newest page of the deliveries log must
# be all `delivered` with one attempt each.
#
#   bash bench/webhook_backlog.sh
#   EVENTS=2000 ROUNDS=1 bash bench/webhook_backlog.sh   # a quick run
#
# Environment (defaults in brackets): EVENTS [10000] (at most 10,000: one
# import), ROUNDS [3], DURATION [5s] (wrk, receiver reference), CONNECTIONS
# [32], SERVER_CPU [0], CLIENT_CPU [1], KEEP_DATA [0].
#
# A benchmark, not a test: it fails only when something is broken (a server
# that does not start, a refused setup request, an import row refused, a
# backlog that is not delivered within 10 minutes), never on the numbers.
set -euo pipefail

EVENTS=${EVENTS:-10000}
ROUNDS=${ROUNDS:-3}
DURATION=${DURATION:-5s}
CONNECTIONS=${CONNECTIONS:-32}
SERVER_CPU=${SERVER_CPU:-0}
CLIENT_CPU=${CLIENT_CPU:-1}
KEEP_DATA=${KEEP_DATA:-0}

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
bench_name=webhook_backlog
# shellcheck source=bench/lib.sh
source "$root/bench/lib.sh"
cd "$root"
((EVENTS >= 100 && EVENTS <= 10000)) || die "EVENTS must be 100..10000 (one import)"
(($(nproc) >= 2)) || note "warning: only $(nproc) core(s); servers and load share a core"

bash scripts/setup --bench
for tool in wrk taskset curl base64 node; do command -v "$tool" >/dev/null || die "$tool not found"; done
note "building the release binary"
cmake --preset release >/dev/null
cmake --build --preset release >/dev/null
maitred=$root/build/release/src/maitred
[[ -x $maitred ]] || die "$maitred was not built"

work=$(mktemp -d "${TMPDIR:-/tmp}/maitred-webhook-backlog.XXXXXX")
trap bench_cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# api URL AUTH METHOD PATH [BODY [CONTENT-TYPE]]: the answer's body; dies unless 2xx.
api() {
  local status args=(-k -sS -o "$work/answer" -w '%{http_code}' -X "$3" -H "Authorization: $2")
  (($# >= 5)) && args+=(-H "Content-Type: ${6:-application/json}" --data-binary "$5")
  status=$(curl "${args[@]}" "$1$4") || die "curl $3 $4 failed"
  [[ $status == 2* ]] || die "$3 $4 answered $status: $(head -c 300 "$work/answer")"
  cat "$work/answer"
}
json() { node -e 'let s = ""; process.stdin.on("data", (d) => (s += d)).on("end", () => {
  const v = JSON.parse(s); console.log(eval(process.argv[1])); });' "$1"; }

# --- receiver -----------------------------------------------------------------
: >"$work/receiver.out"
taskset -c "$CLIENT_CPU" node "$root/bench/instant_receiver.mjs" >"$work/receiver.out" 2>"$work/receiver.err" &
receiver_pid=$!
server_pids+=("$receiver_pid")
receiver=""
for _ in $(seq 100); do
  receiver=$(sed -n 's/^listening \([0-9]*\)$/http:\/\/127.0.0.1:\1/p' "$work/receiver.out")
  [[ -n $receiver ]] && break
  sleep 0.1
done
[[ -n $receiver ]] || die "the receiver did not start"
# The distinct webhook-ids the receiver answered 204 (curl and sed only: it
# is polled every 50 ms during the measurement).
received() { curl -sS "$receiver/count" | sed -n 's/.*"unique":\([0-9]*\).*/\1/p'; }

# --- maitred ------------------------------------------------------------------
api_key=$("$maitred" demo --data "$work/data" | tail -n 1)
[[ -n $api_key ]] || die "maitred demo printed no API key"
auth="Basic $(printf '%s:' "$api_key" | base64 -w0)"
start_maitred maitred "$work/data" --webhook-allow-private
url=$started_url
maitred_pid=$started_pid
hook=$(api "$url" "$auth" POST /v1/webhooks \
  "{\"url\":\"$receiver/hook\",\"events\":[\"booking.*\"],\"description\":\"bench\"}" | json v._id)
[[ -n $hook ]] || die "no webhook id"

# The import: EVENTS bookings over the next 90 days, lunch and dinner.
csv=$work/bookings.csv
# shellcheck disable=SC2016  # JavaScript template literals, not shell
node -e 'const n = +process.argv[1], rows = ["date,time,people,name"];
  const base = Date.now() + 2 * 86400e3;
  for (let i = 0; i < n; i++) {
    const d = new Date(base + (i % 90) * 86400e3).toISOString().slice(0, 10);
    const m = (i % 2 ? 1080 : 720) + (i % 8) * 15;
    rows.push(`${d},${String(Math.floor(m / 60)).padStart(2, "0")}:${String(m % 60).padStart(2, "0")},${1 + (i % 4)},Backlog ${i}`);
  }
  console.log(rows.join("\n"));' "$EVENTS" >"$csv"

# A delivery-sized body for the reference: what the receiver got for a booking.
body=$work/body.json
node -e 'const b = {type: "booking.created", timestamp: new Date().toISOString(), data: {_id: "x".repeat(17),
  date: "2027-01-05", time: "19:00", people: 2, guest: {name: "Backlog 1"}, note: "y".repeat(700)}};
  process.stdout.write(JSON.stringify(b));' >"$body"
lua=$work/post.lua
cat >"$lua" <<LUA
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["webhook-id"] = "msg_bench"
local f = io.open("$body", "r")
wrk.body = f:read("*a")
f:close()
LUA

declare -a rates=() refs=() helds=()
total=0
clk_tck=$(getconf CLK_TCK)
note "maitred on CPU $SERVER_CPU, receiver on CPU $CLIENT_CPU; $EVENTS events per round, $ROUNDS rounds"
note "load average before the runs: $(cut -d' ' -f1-3 /proc/loadavg)"
for round in $(seq "$ROUNDS"); do
  # receiver capacity
  taskset -c "$SERVER_CPU" wrk -t1 -c"$CONNECTIONS" -d"$DURATION" --latency -s "$lua" "$receiver/hook" \
    >"$work/wrk.out" 2>&1 || die "wrk failed: $(cat "$work/wrk.out")"
  wrk_results "$work/wrk.out" receiver
  ((non2xx == 0)) || die "the receiver answered $non2xx non-2xx"
  refs+=("$rate")
  ref=$rate

  # backlog
  base=$(received)
  curl -sS -X POST "$receiver/hold?ms=9000" || die "hold failed"
  started=$(now)
  job=$(api "$url" "$auth" POST "/api/v3/imports?type=bookings&allowOverbooking=true" "@$csv" text/csv | json v._id)
  while :; do
    api "$url" "$auth" GET "/api/v3/imports/$job" >"$work/job.json"
    status=$(json v.status <"$work/job.json")
    [[ $status == "done" || $status == "failed" ]] && break
    sleep 0.2
  done
  [[ $status == "done" ]] || die "the import failed: $(cat "$work/job.json")"
  imported=$(json v.imported <"$work/job.json")
  [[ $imported == "$EVENTS" ]] || die "imported $imported of $EVENTS: $(head -c 400 "$work/job.json")"
  import_s=$(since "$started")
  total=$((total + EVENTS))
  # Every delivery queued: the log (newest first) has a TOTAL-th entry.
  for _ in $(seq 600); do
    n=$(api "$url" "$auth" GET "/v1/webhooks/$hook/deliveries?skip=$((total - 1))&limit=1" | json v.length)
    ((n == 1)) && break
    sleep 0.1
  done
  ((n == 1)) || die "the deliveries log does not hold $total deliveries"
  held=$(($(received) - base))
  ticks_before=$(cpu_ticks "$maitred_pid")
  released=$(now)
  curl -sS -X POST "$receiver/release" || die "release failed"
  deadline=$((SECONDS + 600))
  while (($(received) < base + EVENTS)); do
    ((SECONDS < deadline)) || die "not delivered within 10 minutes: $(($(received) - base)) of $EVENTS"
    sleep 0.05
  done
  seconds=$(awk -v a="$released" -v b="$(now)" 'BEGIN { printf "%.3f", b - a }')
  ticks_after=$(cpu_ticks "$maitred_pid")
  rate=$(awk -v n=$((EVENTS - held)) -v s="$seconds" 'BEGIN { printf "%.1f", n / s }')
  cpu=$(awk -v t=$((ticks_after - ticks_before)) -v hz="$clk_tck" -v s="$seconds" 'BEGIN { printf "%.0f", 100 * t / hz / s }')
  rates+=("$rate")
  helds+=("$held")
  printf 'round %d  receiver %8.0f req/s   backlog %8.1f deliveries/s (%d in %.2f s after the release; %d delivered while held; import %s s; maitred CPU %d%%)   ratio %.3f\n' \
    "$round" "$ref" "$rate" $((EVENTS - held)) "$seconds" "$held" "$import_s" "$cpu" "$(awk -v a="$rate" -v b="$ref" 'BEGIN { print a / b }')"
done
note "load average after the runs: $(cut -d' ' -f1-3 /proc/loadavg)"

# The newest page of the log: all delivered, one attempt each.
api "$url" "$auth" GET "/v1/webhooks/$hook/deliveries?limit=100" >"$work/log.json"
bad=$(json 'v.filter((d) => d.status !== "delivered" || d.attempts.length !== 1).length' <"$work/log.json")
((bad == 0)) || die "$bad of the newest 100 deliveries are not delivered at the first attempt"

med_rate=$(median "${rates[@]}")
med_ref=$(median "${refs[@]}")
echo
echo "deliveries/s per round: ${rates[*]}  (median $med_rate)"
echo "receiver req/s per round: ${refs[*]}  (median $med_ref)"
awk -v a="$med_rate" -v b="$med_ref" 'BEGIN { printf "ratio backlog/receiver (medians): %.3f\n", a / b }'
printf 'ratio per round:'
for i in "${!rates[@]}"; do awk -v a="${rates[i]}" -v b="${refs[i]}" 'BEGIN { printf " %.3f", a / b }'; done
echo
