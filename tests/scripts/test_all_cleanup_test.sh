#!/usr/bin/env bash
# scripts/test-all builds the fuzzers in the background while the suites run.
# When a suite fails, the script must not leave that build running: not the
# bash that runs fuzz/smoke.sh, and not the cmake, ninja and compilers below
# it either. Runs test-all against stand-ins for cmake and ctest: the fuzz
# "build" is a long sleep, and ctest fails once that sleep is running.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
work="$(mktemp -d)"
trap 'pkill -f "$marker" 2>/dev/null || true; rm -rf "$work"' EXIT
marker="maitred-fake-fuzz-build-$$-$RANDOM"

mkdir -p "$work/bin" "$work/repo/scripts" "$work/repo/fuzz"
cp "$root/scripts/test-all" "$work/repo/scripts/"
cp "$root/fuzz/smoke.sh" "$work/repo/fuzz/"
cat > "$work/bin/cmake" <<FAKE
#!/usr/bin/env bash
# The fuzz build runs "for ever" in a grandchild, as a compiler would.
if [[ "\$*" == *"--build --preset fuzz"* ]]; then
  (exec -a "$marker" sleep 300) &
  wait
fi
exit 0
FAKE
cat > "$work/bin/ctest" <<FAKE
#!/usr/bin/env bash
for _ in \$(seq 100); do pgrep -f "$marker" >/dev/null && exit 1; sleep 0.1; done
echo "the fake fuzz build never started" >&2
exit 1
FAKE
chmod +x "$work/bin/cmake" "$work/bin/ctest"

if PATH="$work/bin:$PATH" bash "$work/repo/scripts/test-all" 1 > "$work/out" 2>&1; then
  echo "FAIL: test-all succeeded although ctest failed" >&2
  exit 1
fi
# Whatever test-all killed has a moment to go.
for _ in $(seq 50); do
  pgrep -f "$marker" >/dev/null || { echo "ok: nothing of the fuzz build outlived test-all"; exit 0; }
  sleep 0.1
done
echo "FAIL: the background fuzz build outlived test-all:" >&2
pgrep -af "$marker" >&2
exit 1
