#!/usr/bin/env bash
# Builds the `fuzz` preset and runs every libFuzzer target for a bounded time
# on a scratch copy of its seed corpus (the repository is never written to).
# Usage: fuzz/smoke.sh [--build-only] [SECONDS]   (default 30, per target)
# Exits non-zero if the build fails or a target crashes, leaks, times out or
# trips a sanitizer; the reproducer is copied to $FUZZ_ARTIFACTS (default
# build/fuzz-artifacts, which git ignores) so CI can upload it.
set -euo pipefail

build_only=0
if [[ "${1:-}" == "--build-only" ]]; then
  build_only=1
  shift
fi
seconds="${1:-30}"
if ! [[ "$seconds" =~ ^[0-9]+$ ]] || ((seconds == 0)); then
  echo "usage: $0 [--build-only] [SECONDS]  (a positive whole number)" >&2
  exit 2
fi

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
artifacts="${FUZZ_ARTIFACTS:-$root/build/fuzz-artifacts}"

targets=(request_head json_body search_expression csv_reader booking_roundtrip write_bodies request_values
  pg_query_compiler)

cmake --preset fuzz >/dev/null
cmake --build --preset fuzz --target "${targets[@]/#/fuzz_}"
((build_only)) && exit 0

scratch="$(mktemp -d "${TMPDIR:-/tmp}/maitred-fuzz.XXXXXX")"
trap 'rm -rf "$scratch"' EXIT

# ASan: abort so libFuzzer reports; UBSan: any finding is fatal.
export ASAN_OPTIONS="${ASAN_OPTIONS:-abort_on_error=1:detect_leaks=1}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-halt_on_error=1:print_stacktrace=1:suppressions=$root/fuzz/ubsan.supp}"

status=0
for target in "${targets[@]}"; do
  binary="build/fuzz/fuzz/fuzz_$target"
  mkdir -p "$scratch/$target/corpus" "$scratch/$target/artifacts"
  cp -R "fuzz/corpus/$target/." "$scratch/$target/corpus/"
  echo "fuzz/smoke.sh: running fuzz_$target for ${seconds}s" >&2
  log="$scratch/$target/fuzz.log"
  dict=()
  case "$target" in
    booking_roundtrip | write_bodies | json_body) dict=(-dict=fuzz/json.dict) ;;
  esac
  # libFuzzer reports every new input; keep that in a file and show the end.
  if ! "$binary" "${dict[@]}" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
      -artifact_prefix="$scratch/$target/artifacts/" "$scratch/$target/corpus" > "$log" 2>&1; then
    status=1
    tail -n 60 "$log" >&2
    mkdir -p "$artifacts"
    cp -R "$scratch/$target/artifacts/." "$artifacts/" 2>/dev/null || true
    echo "fuzz/smoke.sh: fuzz_$target FAILED; reproducer(s) in $artifacts:" >&2
    ls -1 "$artifacts" >&2 || true
    echo "reproduce with: $binary <file>" >&2
  else
    grep -E '^(stat::number_of_executed_units|stat::peak_rss_mb|Done)' "$log" >&2 || true
    echo "fuzz/smoke.sh: fuzz_$target: no crash in ${seconds}s" >&2
  fi
done
exit "$status"
