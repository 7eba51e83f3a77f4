#!/usr/bin/env bash
# Installs the Debian packages carbonscope needs (only those missing), then configures
# and builds it in build/, and makes the Python package importable by /usr/bin/python3
# (a carbonscope.pth in its site-packages pointing at build/python). Idempotent: a
# second run only rebuilds what changed.
#   scripts/setup.sh            install + build
#   CARBONSCOPE_SANITIZE=1 scripts/setup.sh   build with ASan/UBSan in build-asan/
#   CARBONSCOPE_BUILD_TARGETS="carbonscope" scripts/setup.sh   build only those targets
#     (the quick start does this: the test suite's 100-odd targets take most of the time)
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(
  build-essential cmake ninja-build pkg-config
  libfmt-dev libcli11-dev nlohmann-json3-dev libsqlite3-dev libcpp-httplib-dev
  libtomlplusplus-dev libgtest-dev libgmock-dev libbenchmark-dev
  python3 python3-dev python3-pybind11 pybind11-dev python3-pytest
  python3-numpy python3-torch   # the bundled examples; the real PyTorch training test (CPU)
  chromium texlive-latex-base poppler-utils  # dashboard browser test; LaTeX compile test (pdftotext)
  prometheus  # the exporter test scrapes with the real Prometheus server and promtool
  jupyter-core python3-ipykernel python3-nbconvert jupyter-client python3-nbformat  # the %carbonscope notebook test
  slurmctld slurmd slurm-client slurmdbd munge mariadb-server libslurm-dev  # the real two-node Slurm cluster test (tests/cluster)
)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  echo "setup: installing ${missing[*]}"
  as_root=()
  [ "$(id -u)" -eq 0 ] || as_root=(sudo)
  export DEBIAN_FRONTEND=noninteractive
  "${as_root[@]}" apt-get update -qq
  "${as_root[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

build_dir=build
extra=()
if [ "${CARBONSCOPE_SANITIZE:-0}" = 1 ]; then
  build_dir=build-asan
  extra+=(-DCARBONSCOPE_SANITIZE=ON)
fi
cmake -S . -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo "${extra[@]}" >/dev/null
targets=()
for t in ${CARBONSCOPE_BUILD_TARGETS:-}; do targets+=(--target "$t"); done
cmake --build "$build_dir" -j "$(nproc)" "${targets[@]}"
echo "setup: built $build_dir/carbonscope"

# The Python package for Debian's /usr/bin/python3 (not a pyenv or venv python3 that
# may come first on PATH): system site-packages as root, else the user's.
if [ "$build_dir" = build ] && [ -f build/python/carbonscope/__init__.py ]; then
  if [ "$(id -u)" -eq 0 ]; then
    site_dir=$(/usr/bin/python3 -c 'import sysconfig; print(sysconfig.get_path("purelib"))')
  else
    site_dir=$(/usr/bin/python3 -m site --user-site)
  fi
  mkdir -p "$site_dir"
  echo "$PWD/build/python" >"$site_dir/carbonscope.pth"
  echo "setup: /usr/bin/python3 imports carbonscope from $PWD/build/python ($site_dir/carbonscope.pth)"
fi
