#!/usr/bin/env bash
# Installs the build into a temporary prefix and builds examples/cpp against it, with
# find_package(carbonscope) and with pkg-config; checks the installed headers stand
# alone (no src/ or third-party include needed) and that the library exports the
# carbonscope namespace only.  Usage: install_test.sh BUILD_DIR SOURCE_DIR
set -euo pipefail
build=$1
src=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
prefix=$tmp/prefix

cmake --install "$build" --prefix "$prefix" >/dev/null
lib=$(find "$prefix" -name 'libcarbonscope.so*' -type f | head -1)
pc_dir=$(dirname "$(find "$prefix" -name carbonscope.pc | head -1)")
[ -n "$lib" ] || { echo "FAIL: no libcarbonscope.so installed"; exit 1; }
[ -x "$prefix/bin/carbonscope" ] || { echo "FAIL: no bin/carbonscope installed"; exit 1; }

expect() {  # expect NAME OUTPUT: the example's lines
  local name=$1 out=$2
  for want in "carbonscope 0." "table: NVIDIA A100 SXM4 80GB, 400 W" "estimate: 201 kWh, 87.0 kg CO2e" "tracked: "; do
    grep -qF "$want" <<<"$out" || { echo "FAIL ($name): no '$want' in:"; echo "$out"; exit 1; }
  done
  echo "ok: $name"
}

# 1. find_package(carbonscope)
cmake -S "$src/examples/cpp" -B "$tmp/ex" -G Ninja -DCMAKE_PREFIX_PATH="$prefix" >/dev/null
cmake --build "$tmp/ex" >/dev/null
expect find_package "$("$tmp/ex/carbonscope_example")"

# 2. pkg-config
flags=$(PKG_CONFIG_PATH=$pc_dir pkg-config --cflags --libs carbonscope)
libdir=$(PKG_CONFIG_PATH=$pc_dir pkg-config --variable=libdir carbonscope)
# shellcheck disable=SC2086
c++ -std=c++20 "$src/examples/cpp/main.cc" -o "$tmp/ex_pc" $flags -Wl,-rpath,"$libdir"
expect pkg-config "$("$tmp/ex_pc")"

# 3. every public header compiles alone against the installed include directory, and
#    includes only carbonscope/ and standard headers (<name>, no path, no .h)
for h in "$prefix"/include/carbonscope/*.h; do
  echo "#include \"carbonscope/$(basename "$h")\"" |
    c++ -std=c++20 -fsyntax-only -I"$prefix/include" -x c++ - ||
    { echo "FAIL: $h does not compile alone"; exit 1; }
  if grep -E '^\s*#\s*include' "$h" | grep -v -E '#\s*include\s+("carbonscope/[a-z_]+\.h"|<[a-z_]+>)'; then
    echo "FAIL: $h includes a header that is neither carbonscope/ nor the standard library"; exit 1
  fi
done
echo "ok: $(ls "$prefix"/include/carbonscope/*.h | wc -l) headers stand alone"

# 4. only the carbonscope namespace is exported (fmt, SQLite, toml++ stay private)
# (mangled names: carbonscope's functions, const members, typeinfo, type names, vtables)
foreign=$(nm -D --defined-only "$lib" | awk '{print $3}' |
  grep -v -E '^(_ZNK?11carbonscope|_ZT[ISV]N11carbonscope)' |
  grep -v -E '^(_init|_fini|CARBONSCOPE_[0-9.]*)$' || true)
for third_party in sqlite3_open _ZN3fmt _ZN8nlohmann _ZN4toml; do
  nm -D --defined-only "$lib" | grep -q " $third_party" && foreign+=" $third_party..."
done
if [ -n "$foreign" ]; then
  echo "FAIL: libcarbonscope exports symbols outside carbonscope::"; head -20 <<<"$foreign"; exit 1
fi
echo "ok: exports carbonscope:: only ($(nm -D --defined-only "$lib" | wc -l) symbols)"
