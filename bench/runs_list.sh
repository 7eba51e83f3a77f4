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
"$build/carbonscope" runs list --ledger "$ledger" > /dev/null  # warm the page cache
times=()
for _ in 1 2 3 4 5 6 7; do
  start=$(date +%s%N)
  "$build/carbonscope" runs list --ledger "$ledger" > /dev/null
  end=$(date +%s%N)
  times+=($(( (end - start) / 1000000 )))
done
median=$(printf '%s\n' "${times[@]}" | sort -n | sed -n 4p)
rows=$("$build/carbonscope" runs list --ledger "$ledger" | wc -l)
echo "runs list: $((rows - 1)) runs, median ${median} ms over 7 runs (${times[*]} ms); target < 200 ms"
[ "$median" -lt 200 ]
