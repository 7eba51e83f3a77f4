#!/usr/bin/env bash
# Times `carbonscope runs list` (every run, printed) on a ledger of 100,000 runs, the
# issue's target being under 200 ms. Builds the synthetic ledger once in /tmp.
#   bench/runs_list.sh [BUILD_DIR]     (default build/)
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
ledger=/tmp/carbonscope-bench-runs-list-100k.db
if [ ! -s "$ledger" ]; then
  rm -f "$ledger" "$ledger-wal" "$ledger-shm"
  "$build/carbonscope_make_ledger" 100000 "$ledger"
fi
"$build/carbonscope" runs list --all --ledger "$ledger" > /dev/null  # warm the page cache
# median_ms ARGS...: median wall time of 7 runs of `carbonscope runs list ARGS`.
median_ms() {
  local times=() start end
  for _ in 1 2 3 4 5 6 7; do
    start=$(date +%s%N)
    "$build/carbonscope" runs list --ledger "$ledger" "$@" > /dev/null 2>&1
    end=$(date +%s%N)
    times+=($(( (end - start) / 1000000 )))
  done
  printf '%s\n' "${times[@]}" | sort -n | sed -n 4p
}
default_ms=$(median_ms)
all_ms=$(median_ms --all)
project_ms=$(median_ms --all --project project-007)
echo "runs list (newest 100, the default): median ${default_ms} ms; target < 200 ms"
echo "runs list --all (100,000 rows printed): median ${all_ms} ms"
echo "runs list --all --project project-007 (500 runs): median ${project_ms} ms"
[ "$default_ms" -lt 200 ]
