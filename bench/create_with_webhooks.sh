#!/usr/bin/env bash
# Booking-create throughput with and without webhook endpoints (issue 15;
# the target: creates no slower by more than 10 % with 3 endpoints).
#
# Two maitred servers (`maitred demo` data each, TLS, one I/O thread,
# `--webhook-allow-private`), both pinned to CPU SERVER_CPU:
#
#   none     no webhook endpoint
#   hooks3   3 endpoints subscribed to `booking.*`, all pointing at
#            bench/instant_receiver.mjs (Node `http`, answers 204 at once),
#            which runs pinned to CPU CLIENT_CPU beside wrk
#
# The load is the create load of bench/booking_flow_bench.sh: wrk (pinned to
# CLIENT_CPU, TLS keep-alive) POSTs /v1/bookings at random dinner times over
# the next 200 days, here with `allowOverbooking: true` (the demo restaurant
# would fill up: every answer must be 201). Every create is an fsync'd SQLite
# transaction; with hooks3 each also becomes 3 deliveries, fanned out and sent
# by maitred's delivery threads on the same core. Runs alternate
# (none, hooks3, none, hooks3, ...). After every hooks3 run the script waits
# until the receiver has every delivery of that run (so the next run does
# not pay for them) and prints how many were still pending when wrk stopped
# and how long they took: a throughput that leaves deliveries behind is not
# one the server keeps up with.
#
# Prints creates/s, latency and maitred's CPU time per create per run, the
# medians, and the ratio hooks3/none (target >= 0.90).
#
#   bash bench/create_with_webhooks.sh
#   DURATION=5s ROUNDS=3 bash bench/create_with_webhooks.sh   # a quick run
#
# Environment (defaults in brackets): DURATION [10s], CONNECTIONS [16],
# ROUNDS [5], WARMUP [2s] ("0" skips it), ENDPOINTS [3], SERVER_CPU [0],
# CLIENT_CPU [1], KEEP_DATA [0].
#
# A benchmark, not a test: it fails only when something is broken (a server
# that does not start, a refused setup request, a create not answered 201,
# socket errors, deliveries missing), never on the numbers.
set -euo pipefail

DURATION=${DURATION:-10s}
CONNECTIONS=${CONNECTIONS:-16}
ROUNDS=${ROUNDS:-5}
WARMUP=${WARMUP:-2s}
ENDPOINTS=${ENDPOINTS:-3}
SERVER_CPU=${SERVER_CPU:-0}
CLIENT_CPU=${CLIENT_CPU:-1}
KEEP_DATA=${KEEP_DATA:-0}

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
bench_name=create_with_webhooks
# shellcheck source=bench/lib.sh
source "$root/bench/lib.sh"
cd "$root"
(($(nproc) >= 2)) || note "warning: only $(nproc) core(s); servers and load share a core"

bash scripts/setup --bench
for tool in wrk taskset curl base64 node; do command -v "$tool" >/dev/null || die "$tool not found"; done
note "building the release binary"
cmake --preset release >/dev/null
cmake --build --preset release >/dev/null
maitred=$root/build/release/src/maitred
[[ -x $maitred ]] || die "$maitred was not built"

work=$(mktemp -d "${TMPDIR:-/tmp}/maitred-create-webhooks.XXXXXX")
trap bench_cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# api URL AUTH METHOD PATH [BODY]: the answer's body; dies unless 2xx.
api() {
  local status args=(-k -sS -o "$work/answer" -w '%{http_code}' -X "$3" -H "Authorization: $2")
  (($# >= 5)) && args+=(-H 'Content-Type: application/json' --data-binary "$5")
  status=$(curl "${args[@]}" "$1$4") || die "curl $3 $4 failed"
  [[ $status == 2* ]] || die "$3 $4 answered $status: $(head -c 300 "$work/answer")"
  cat "$work/answer"
}

# --- receiver -----------------------------------------------------------------
: >"$work/receiver.out"
taskset -c "$CLIENT_CPU" node "$root/bench/instant_receiver.mjs" >"$work/receiver.out" 2>"$work/receiver.err" &
server_pids+=($!)
receiver=""
for _ in $(seq 100); do
  receiver=$(sed -n 's/^listening \([0-9]*\)$/http:\/\/127.0.0.1:\1/p' "$work/receiver.out")
  [[ -n $receiver ]] && break
  sleep 0.1
done
[[ -n $receiver ]] || die "the receiver did not start"
received() { curl -sS "$receiver/count" | sed -n 's/.*"unique":\([0-9]*\).*/\1/p'; }

# --- servers ------------------------------------------------------------------
declare -A urls=() auths=() pids=()
for name in none hooks3; do
  key=$("$maitred" demo --data "$work/$name" | tail -n 1)
  [[ -n $key ]] || die "maitred demo printed no API key"
  auths[$name]="Basic $(printf '%s:' "$key" | base64 -w0)"
  start_maitred "$name" "$work/$name" --webhook-allow-private
  urls[$name]=$started_url
  pids[$name]=$started_pid
done
for i in $(seq "$ENDPOINTS"); do
  api "${urls[hooks3]}" "${auths[hooks3]}" POST /v1/webhooks \
    "{\"url\":\"$receiver/r$i\",\"events\":[\"booking.*\"],\"description\":\"bench $i\"}" >/dev/null
done
[[ $(api "${urls[none]}" "${auths[none]}" GET /v1/webhooks) == "[]" ]] || die "server none has endpoints"

# The create load of booking_flow_bench.sh, with allowOverbooking.
lua=$work/create.lua
{
  echo 'local days = {'
  for d in $(seq 2 201); do printf '"%s",' "$(date -d "today + $d day" +%F)"; done
  echo '}'
  cat <<'LUA'
math.randomseed(42)
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
local n = 0
request = function()
  n = n + 1
  local minutes = 1050 + math.random(0, 14) * 15
  local body = string.format('{"date":"%s","time":"%02d:%02d","people":%d,"guest":{"name":"Bench %d"},"allowOverbooking":true}',
    days[math.random(#days)], math.floor(minutes / 60), minutes % 60, math.random(1, 4), n)
  return wrk.format(nil, nil, nil, body)
end
LUA
} >"$lua"

clk_tck=$(getconf CLK_TCK)
cpu_us=""
created_hooks3=0
pending_at_end="" drain_s=""
# run NAME DURATION: one wrk run; sets rate, lat_avg, requests, cpu_us; for
# hooks3 waits for the deliveries (pending_at_end, drain_s).
run() {
  local name=$1 duration=$2 out=$work/wrk.out before after expected stable last count ended
  before=$(cpu_ticks "${pids[$name]}") || die "$name is not running"
  taskset -c "$CLIENT_CPU" wrk -t1 -c"$CONNECTIONS" -d"$duration" --latency -H "Authorization: ${auths[$name]}" \
    -s "$lua" "${urls[$name]}/v1/bookings" >"$out" 2>&1 &
  wrk_pids=($!)
  wait "${wrk_pids[0]}" || die "wrk against $name failed: $(cat "$out")"
  wrk_pids=()
  ended=$(now)
  after=$(cpu_ticks "${pids[$name]}") || die "$name stopped during the run"
  wrk_results "$out" "$name"
  ((non2xx == 0)) || die "$name answered $non2xx creates with other than 2xx"
  cpu_us=$(awk -v t=$((after - before)) -v hz="$clk_tck" -v n="$requests" 'BEGIN { printf "%.0f", 1e6 * t / hz / n }')
  pending_at_end="" drain_s=""
  if [[ $name == hooks3 ]]; then
    created_hooks3=$((created_hooks3 + requests))
    expected=$((ENDPOINTS * created_hooks3))
    count=$(received)
    pending_at_end=$((expected - count))
    # wrk does not count the requests still in flight when it stops: wait for
    # at least the expected count, then until the count stays put for 1 s.
    stable=0 last=-1
    for _ in $(seq 6000); do
      count=$(received)
      if ((count >= expected && count == last)); then
        stable=$((stable + 1))
        ((stable >= 10)) && break
      else
        stable=0
      fi
      last=$count
      sleep 0.1
    done
    ((count >= expected)) || die "hooks3: the receiver has $count deliveries, at least $expected expected"
    drain_s=$(awk -v a="$ended" -v b="$(now)" 'BEGIN { printf "%.1f", b - a - 1.0 }')
    created_hooks3=$((count / ENDPOINTS))
    ((count % ENDPOINTS == 0)) || note "hooks3: $count deliveries is not a multiple of $ENDPOINTS (yet)"
  fi
}

note "servers on CPU $SERVER_CPU; wrk and the receiver on CPU $CLIENT_CPU; wrk -t1 -c$CONNECTIONS -d$DURATION, $ROUNDS rounds"
note "load average before the runs: $(cut -d' ' -f1-3 /proc/loadavg)"
if [[ $WARMUP != 0 ]]; then
  run none "$WARMUP"
  run hooks3 "$WARMUP"
fi
declare -A rates=() avgs=() cpus=()
for round in $(seq "$ROUNDS"); do
  for name in none hooks3; do
    run "$name" "$DURATION"
    rates[$name]+="$rate " avgs[$name]+="$lat_avg " cpus[$name]+="$cpu_us "
    extra=""
    [[ $name == hooks3 ]] && extra="  deliveries pending when wrk stopped: $pending_at_end, all in ${drain_s} s"
    printf 'round %d  %-7s %7.0f creates/s  avg %7.2f ms  maitred CPU %5d us/create%s\n' \
      "$round" "$name" "$rate" "$lat_avg" "$cpu_us" "$extra"
  done
done
note "load average after the runs: $(cut -d' ' -f1-3 /proc/loadavg)"

echo
ratios=()
read -ra none_rates <<<"${rates[none]}"
read -ra hook_rates <<<"${rates[hooks3]}"
for i in "${!none_rates[@]}"; do
  ratios+=("$(awk -v a="${hook_rates[i]}" -v b="${none_rates[i]}" 'BEGIN { printf "%.3f", a / b }')")
done
# shellcheck disable=SC2086  # space-separated numbers
m_none=$(median ${rates[none]}) m_hooks=$(median ${rates[hooks3]})
# shellcheck disable=SC2086
c_none=$(median ${cpus[none]}) c_hooks=$(median ${cpus[hooks3]})
# shellcheck disable=SC2086
a_none=$(median ${avgs[none]}) a_hooks=$(median ${avgs[hooks3]})
echo "none   creates/s per round: ${rates[none]} (median $m_none; avg latency $a_none ms; CPU $c_none us/create)"
echo "hooks3 creates/s per round: ${rates[hooks3]} (median $m_hooks; avg latency $a_hooks ms; CPU $c_hooks us/create)"
echo "ratio hooks3/none per round (paired): ${ratios[*]}  (median $(median "${ratios[@]}"), min $(printf '%s\n' "${ratios[@]}" | sort -g | head -1), max $(printf '%s\n' "${ratios[@]}" | sort -g | tail -1))"
awk -v a="$m_hooks" -v b="$m_none" 'BEGIN { printf "ratio hooks3/none (medians, creates/s): %.3f; target >= 0.90\n", a / b }'
awk -v a="$c_hooks" -v b="$c_none" 'BEGIN { printf "ratio hooks3/none (maitred CPU per create): %.3f\n", a / b }'
echo "deliveries received: $(received) for $created_hooks3 hooks3 creates x $ENDPOINTS endpoints"
