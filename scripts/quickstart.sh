#!/usr/bin/env bash
# Sets everything up and runs carbonscope's main job on the bundled example: estimate
# what a training job costs, as the README's quick start shows.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
./build/carbonscope estimate --gpu "A100 SXM4 80GB" --count 384 --device-hours 1082990 --country FR --year 2022
