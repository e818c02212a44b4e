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
bench_name=rate_limit_bench
# shellcheck source=bench/lib.sh
source "$root/bench/lib.sh"
bench=${BENCH:-$root/build/bench/bench/rate_limit_bench}
[[ -x $bench ]] || die "build it first: $bench"

trap bench_cleanup EXIT
start_pg_cluster
MAITRED_PG_URL=$pg_url "$bench" "$@"
