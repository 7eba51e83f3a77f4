#!/usr/bin/env bash
# Sets everything up, then runs carbonscope's main job on the bundled example: track a
# real training run (examples/train_mlp.py, NumPy) and report its energy and carbon.
set -euo pipefail
cd "$(dirname "$0")/.."
# The tool and the Python module only; scripts/test.sh builds the test suite.
CARBONSCOPE_BUILD_TARGETS="carbonscope carbonscope-serve carbonscope_python" scripts/setup.sh
out=$(mktemp -d)
./build/carbonscope run --country FR --interval 200ms --output-dir "$out" -- \
  /usr/bin/python3 examples/train_mlp.py --epochs 5
echo
echo "Files written: $out"
ls -1 "$out" "$out"/*/ 2>/dev/null | sed 's/^/  /'
echo
echo "The run as a paper would report it (carbonscope report last):"
./build/carbonscope report last --format text
