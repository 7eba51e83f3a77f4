#!/usr/bin/env bash
# Every target of issue 15, measured in one run (docs/performance.md, "Issue 15: status of
# every target"): `run -- true` over `true` with and without the ledger and with 1,000
# past runs in the output directory (bench/cpu_abba.py), peak RSS of `run --interval
# 10ms -- sleep 60` (GNU time) with smaps_rollup mid-run, the strace count of a sample,
# per-sample CPU against the floor and across tree shapes (bench/floor.py), and the
# Python tracker beside CodeCarbon and carbontracker (bench/peers.py: per-sample CPU,
# stop() with the ledger). The load average is printed before and after each part.
# Usage, from the repository root after building carbonscope, carbonscope_floor_harness,
# carbonscope_idle_tree and _carbonscope into build/:  bench/issue15_status.sh [ROUNDS]
# BEFORE=path/to/carbonscope adds an older CLI to the `run -- true` rounds; BEFORE_PY=DIR
# (an older build's python/ directory) adds it to bench/peers.py's rounds and to the
# stop() rounds of bench/python_stop.py.
set -u
rounds=${1:-3}
bin=$PWD/build/carbonscope
scratch=$(mktemp -d /tmp/cs_issue15.XXXXXX)
trap 'rm -rf "$scratch"' EXIT
load() { echo "load: $(cut -d' ' -f1-3 /proc/loadavg)"; }

echo "## run --quiet -- true over true"; load
ledger=$scratch/ledger.db
CARBONSCOPE_LEDGER=$ledger "$bin" run --quiet --output-dir "$scratch/warm" -- true  # the ledger exists
# 1,000 finished past runs (run.json + recorded marker) in one output directory, indexed.
hist=$scratch/history
mkdir -p "$hist"
for i in $(seq -w 1 1000); do mkdir "$hist/20260101T000000Z-$i" && echo '{}' >"$hist/20260101T000000Z-$i/run.json" &&
  : >"$hist/20260101T000000Z-$i/recorded"; done
cp -r "$hist" "$scratch/history_scan"
"$bin" run --quiet --no-ledger --output-dir "$hist" -- true  # the one scan that writes the index
# An older binary (BEFORE=path, e.g. main's build) scans every run directory of its copy.
before=()
[ -n "${BEFORE:-}" ] && before=("before, 1000 past runs=$BEFORE run --quiet --no-ledger --output-dir $scratch/history_scan -- true"
  "before, empty dir=$BEFORE run --quiet --no-ledger --output-dir $scratch/c -- true")
CARBONSCOPE_LEDGER=$ledger /usr/bin/python3 bench/cpu_abba.py $((rounds * 10)) \
  "true=true" \
  "run=$bin run --quiet --no-ledger --output-dir $scratch/a -- true" \
  "run+ledger=$bin run --quiet --output-dir $scratch/b -- true" \
  "run, 1000 past runs=$bin run --quiet --no-ledger --output-dir $hist -- true" \
  "version=$bin --version" "${before[@]}"
load

echo "## peak RSS, run --interval 10ms -- sleep 60"; load
/usr/bin/time -f "peak RSS %M KB (GNU time, sleep 60)" "$bin" run --quiet --no-ledger --interval 10ms \
  --output-dir "$scratch/rss" -- sleep 60 &
timer=$!
sleep 30
cs=$(pgrep -P $timer | head -1)
grep -E "^(Rss|Anonymous):" /proc/$cs/smaps_rollup; grep VmHWM /proc/$cs/status
wait $timer
load

echo "## system calls of 1 s at 10 ms minus an immediate exit (strace -f -c)"
strace -f -c -o "$scratch/st1" "$bin" run --quiet --no-ledger --interval 10ms --output-dir "$scratch/s1" -- sleep 1
strace -f -c -o "$scratch/st0" "$bin" run --quiet --no-ledger --interval 10ms --output-dir "$scratch/s0" -- true
echo "sleep 1:"; grep -E "pread|write|fsync|fdatasync|msync|futex|openat|fstat|newfstatat|total" "$scratch/st1"
echo "true:"; grep -E "pread|write|fsync|fdatasync|msync|futex|openat|fstat|newfstatat|total" "$scratch/st0"
wc -l "$scratch"/s1/*/samples.csv

echo "## per sample, bench/floor.py"; load
/usr/bin/python3 bench/floor.py --rounds "$rounds" --short 1 --long 4
load

echo "## Python tracker beside the peers, bench/peers.py (a new ledger for every run)"; load
/usr/bin/python3 bench/peers.py --rounds "$rounds" --window 10 ${BEFORE_PY:+--before "$BEFORE_PY"}
load

echo "## Python stop() into a ledger that exists, bench/python_stop.py"; load
/usr/bin/python3 bench/python_stop.py $((rounds * 4)) 1.5 ${BEFORE_PY:+"before=$BEFORE_PY"} "after=build/python"
load
