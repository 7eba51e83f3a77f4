#!/usr/bin/env bash
# Sets everything up (scripts/setup.sh) and runs the whole test suite: the C++ tests
# through ctest, then the Python tests. This is the README's test command and what CI runs.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
ctest --test-dir build --output-on-failure -j "$(nproc)" --timeout 300
