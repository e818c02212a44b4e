# shellcheck shell=bash disable=SC2034,SC2154  # globals shared with the sourcing script, both ways
# Helpers shared by the bench scripts; sourced, never run:
#
#   bench_name=my_bench
#   source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
#
# They read these variables of the sourcing script where they say so:
# bench_name (message prefix), work (its temp folder), maitred (the binary),
# SERVER_CPU (taskset -c list for servers), KEEP_DATA ("1" keeps $work).

die() {
  echo "$bench_name: FAILED: $*" >&2
  exit 1
}
note() { echo "$bench_name: $*" >&2; }
now() { date +%s.%N; }
since() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1f", b - a }'; }

# median N...: the median of the numbers, three decimals.
median() {
  printf '%s\n' "$@" | sort -g |
    awk '{ v[NR] = $1 } END { printf "%.3f\n", (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

# A loopback TCP port nothing listens on.
free_port() {
  local port
  for _ in $(seq 50); do
    port=$((20000 + RANDOM % 40000))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then echo "$port"; return; fi
  done
  die "no free port found"
}

# --- processes --------------------------------------------------------------
# Every server the script starts goes into server_pids, every wrk still
# running into wrk_pids; bench_cleanup (the EXIT trap) ends them, stops the
# PostgreSQL cluster if one was started, and removes $work unless KEEP_DATA=1.
server_pids=()
wrk_pids=()
pg_dir=""
stop_pids() {
  local pid
  for pid in "$@"; do kill -TERM "$pid" 2>/dev/null || true; done
  for pid in "$@"; do
    for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  done
}
bench_cleanup() {
  local status=$? log
  stop_pids "${wrk_pids[@]}" "${server_pids[@]}"
  stop_pg_cluster
  if ((status != 0)) && [[ -n ${work:-} ]]; then
    for log in "$work"/*.err; do
      [[ -s $log ]] && { echo "--- last lines of $(basename "$log"):" >&2; tail -n 5 "$log" >&2; }
    done
  fi
  if [[ -n ${work:-} ]]; then
    if [[ ${KEEP_DATA:-0} == 1 ]]; then note "kept $work"; else rm -rf "$work"; fi
  fi
  exit "$status"
}

# start_maitred NAME FOLDER [serve options...]: `maitred serve --threads 1
# --rate-limit 10000000` on FOLDER, pinned to SERVER_CPU, any free port;
# stdout in $work/NAME.out, its access log in $work/NAME.err. Sets
# started_url (scheme://127.0.0.1:port) and started_pid.
started_url=""
started_pid=""
start_maitred() {
  local name=$1 folder=$2
  shift 2
  # Created here, so that reading it cannot race the background job's redirection.
  : >"$work/$name.out"
  taskset -c "$SERVER_CPU" "$maitred" serve --data "$folder" --listen 127.0.0.1:0 --threads 1 \
    --rate-limit 10000000 "$@" >"$work/$name.out" 2>"$work/$name.err" &
  started_pid=$!
  server_pids+=("$started_pid")
  started_url=""
  for _ in $(seq 100); do
    started_url=$(sed -n 's/^maitred listening on \(https\{0,1\}:\/\/127\.0\.0\.1:[0-9]*\).*/\1/p' "$work/$name.out")
    [[ -n $started_url ]] && return
    kill -0 "$started_pid" 2>/dev/null || die "maitred ($name) exited early: $(tail -n 3 "$work/$name.err")"
    sleep 0.1
  done
  die "maitred ($name) did not print its listening address"
}

# --- wrk --------------------------------------------------------------------
# wrk_results FILE NAME: reads a `wrk --latency` output; sets rate
# (requests/s), lat_avg and lat_p99 (ms), requests and non2xx (count of
# non-2xx/3xx answers). Dies on socket errors or an output without numbers.
rate="" lat_avg="" lat_p99="" requests="" non2xx=""
wrk_to_ms='function ms(v) { if (v ~ /us$/) return v * 0.001; if (v ~ /ms$/) return v + 0; if (v ~ /m$/) return v * 60000; if (v ~ /s$/) return v * 1000; return v + 0 }'
wrk_results() {
  local out=$1 name=$2
  if grep -q 'Socket errors' "$out"; then die "$name: wrk reported $(grep 'Socket errors' "$out")"; fi
  # A Lua script wrk cannot load is reported, and wrk then sends its default
  # GET instead: never a measurement of what the script asks.
  if grep -q '\.lua:[0-9]*:' "$out"; then die "$name: wrk could not run its script: $(grep '\.lua:' "$out")"; fi
  rate=$(awk '/^Requests\/sec:/ {print $2}' "$out")
  [[ -n $rate ]] || die "no Requests/sec in the wrk output for $name: $(cat "$out")"
  awk -v r="$rate" 'BEGIN { exit !(r > 0) }' || die "$name: zero requests/s"
  lat_avg=$(awk "$wrk_to_ms"' $1 == "Latency" { printf "%.3f", ms($2); exit }' "$out")
  lat_p99=$(awk "$wrk_to_ms"' $1 == "99%" { printf "%.3f", ms($2); exit }' "$out")
  [[ -n $lat_avg ]] || die "no latency in the wrk output for $name: $(cat "$out")"
  requests=$(awk '/ requests in / { print $1; exit }' "$out")
  [[ -n $requests && $requests -gt 0 ]] || die "no request count in the wrk output for $name: $(cat "$out")"
  non2xx=$(awk '/Non-2xx or 3xx responses:/ {print $5}' "$out")
  non2xx=${non2xx:-0}
}

# cpu_ticks PID...: user + system clock ticks of the processes so far (all
# threads), with those of their children that have exited and been waited
# for (a PostgreSQL postmaster's backends).
cpu_ticks() {
  local pid total=0 ticks
  for pid in "$@"; do
    ticks=$(awk '{ print $14 + $15 + $16 + $17 }' "/proc/$pid/stat" 2>/dev/null) || return 1
    total=$((total + ticks))
  done
  echo "$total"
}

# --- PostgreSQL -------------------------------------------------------------
# start_pg_cluster [PREFIX...]: a throwaway PostgreSQL 15 cluster in a temp
# folder of its own (pg_dir), user maitred (trust), database "bench", on a
# free loopback TCP port, with production durability: fsync,
# synchronous_commit and full_page_writes stay on (tests/support/pg_cluster
# turns them off, which would hide what a durable commit costs). PREFIX runs
# the server (e.g. `taskset -c 0`: its backends inherit it). As root the
# cluster runs as the postgres user (PostgreSQL refuses root). Sets pg_url;
# bench_cleanup (or stop_pg_cluster) stops it and removes the folder.
pg_bin=${MAITRED_PG_BIN:-/usr/lib/postgresql/15/bin}
pg_as=()
pg_url=""
start_pg_cluster() {
  local port
  [[ -x $pg_bin/initdb && -x $pg_bin/pg_ctl ]] || die "PostgreSQL server binaries not found in $pg_bin (MAITRED_PG_BIN)"
  pg_dir=$(mktemp -d "${TMPDIR:-/tmp}/maitred-bench-pg.XXXXXX")
  if [[ $(id -u) == 0 ]]; then
    chown postgres "$pg_dir"
    pg_as=(/usr/sbin/runuser -u postgres --)
  fi
  port=$(free_port)
  "${pg_as[@]}" "$pg_bin/initdb" -D "$pg_dir/data" -U maitred --auth=trust >"$pg_dir/initdb.log" 2>&1 ||
    die "initdb failed: $(tail -n 3 "$pg_dir/initdb.log")"
  "$@" "${pg_as[@]}" "$pg_bin/pg_ctl" -D "$pg_dir/data" -l "$pg_dir/server.log" -w \
    -o "-p $port -c listen_addresses=127.0.0.1 -k $pg_dir" start >/dev/null ||
    die "PostgreSQL did not start: $(tail -n 3 "$pg_dir/server.log")"
  "${pg_as[@]}" "$pg_bin/createdb" -h 127.0.0.1 -p "$port" -U maitred bench || die "createdb failed"
  pg_url=postgresql://maitred@127.0.0.1:$port/bench
}
stop_pg_cluster() {
  [[ -n $pg_dir ]] || return 0
  "${pg_as[@]}" "$pg_bin/pg_ctl" -D "$pg_dir/data" -m fast -w stop >/dev/null 2>&1 || true
  rm -rf "$pg_dir"
  pg_dir=""
}
# pg_cpu_ticks: cpu_ticks of the whole cluster, read afresh: the postmaster
# (with its children that have exited) and its live children (backends,
# background workers), so that backends started or ended between two reads
# are counted too.
pg_cpu_ticks() {
  local postmaster total pid ticks
  postmaster=$(head -n 1 "$pg_dir/data/postmaster.pid")
  total=$(cpu_ticks "$postmaster") || return 1
  for pid in $(ps -o pid= --ppid "$postmaster"); do
    ticks=$(awk '{ print $14 + $15 + $16 + $17 }' "/proc/$pid/stat" 2>/dev/null) && total=$((total + ticks))
  done
  echo "$total"
}
