#!/usr/bin/env bash
# Runs bench/rate_limit_bench.cpp against a throwaway PostgreSQL 15 cluster
# with production durability (fsync, synchronous_commit and full_page_writes
# on: the test clusters of tests/support/pg_cluster turn them off, which
# would hide exactly what synchronous_commit changes). Loopback TCP, like a
# database next to the server. Arguments go to the benchmark.
#
#   cmake --preset bench && cmake --build --preset bench --target rate_limit_bench
#   bash bench/rate_limit_bench.sh --benchmark_repetitions=5 --benchmark_report_aggregates_only=true
#
# Environment: MAITRED_PG_BIN [/usr/lib/postgresql/15/bin],
# BENCH [build/bench/bench/rate_limit_bench].
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
bin=${MAITRED_PG_BIN:-/usr/lib/postgresql/15/bin}
bench=${BENCH:-$root/build/bench/bench/rate_limit_bench}
[[ -x $bench ]] || { echo "rate_limit_bench: build it first: $bench" >&2; exit 1; }

dir=$(mktemp -d /tmp/maitred-rl-bench.XXXXXX)
as_pg=()
if [[ $(id -u) == 0 ]]; then  # PostgreSQL refuses to run as root
  chown postgres "$dir"
  as_pg=(/usr/sbin/runuser -u postgres --)
fi
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
cleanup() {
  "${as_pg[@]}" "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null 2>&1 || true
  rm -rf "$dir"
}
trap cleanup EXIT

"${as_pg[@]}" "$bin/initdb" -D "$dir/data" -U maitred --auth=trust >"$dir/initdb.log" 2>&1
"${as_pg[@]}" "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w \
  -o "-p $port -c listen_addresses=127.0.0.1 -k $dir" start >/dev/null
"${as_pg[@]}" "$bin/createdb" -h 127.0.0.1 -p "$port" -U maitred bench

MAITRED_PG_URL="postgresql://maitred@127.0.0.1:$port/bench" "$bench" "$@"
