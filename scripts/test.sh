#!/usr/bin/env bash
# Sets everything up (scripts/setup.sh) and runs the whole test suite: the C++ tests
# through ctest, then the Python tests. This is the README's test command and what CI runs.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
ctest --test-dir build --output-on-failure -j "$(nproc)" --timeout 300
# The Python suite with Debian's interpreter; its summary is the last line printed and
# its exit status the script's (ctest's failure stops the script before this).
exec /usr/bin/python3 -m pytest -q -p no:cacheprovider tests/python
