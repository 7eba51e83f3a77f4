#!/bin/bash
# The Slurm import benchmark of docs/performance.md: a synthetic 22.05-shaped dump
# (bench/gen_sacct.py, seeded) imported into a fresh ledger, then again (idempotent),
# each under /usr/bin/time -v. usage: bench/slurm_import.sh [NJOBS] [BINARY]
set -euo pipefail
n=${1:-1000000}
bin=${2:-build/carbonscope}
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
/usr/bin/python3 "$(dirname "$0")/gen_sacct.py" "$n" "$dir/dump.psv" --seed 2
ls -l "$dir/dump.psv" | awk '{printf "dump: %.0f MB, ", $5 / 1e6}'; wc -l <"$dir/dump.psv" | awk '{print $1 - 1, "rows"}'
for pass in first again; do
  /usr/bin/time -v "$bin" slurm import "$dir/dump.psv" --ledger "$dir/ledger.db" \
    --cluster-file "$(dirname "$0")/../tests/fixtures/slurm/cluster.toml" -q 2>"$dir/time.txt"
  echo "$pass: $(grep -E 'Elapsed' "$dir/time.txt" | awk '{print $NF}') wall," \
    "$(grep -E 'User time' "$dir/time.txt" | awk '{print $NF}') s user," \
    "$(grep -E 'System time' "$dir/time.txt" | awk '{print $NF}') s system," \
    "$(grep -E 'Maximum resident' "$dir/time.txt" | awk '{printf "%.0f MB", $NF / 1024}') peak RSS"
done
