#!/usr/bin/python3
"""`import carbonscope` cost for Debian's /usr/bin/python3: wall time, peak memory (max
RSS) and resident memory at exit (VmRSS) of fresh interpreters that import it, against
bare ones (`pass`), each the median of N runs, interleaved so machine noise hits both
alike; plus the first tracker (data tables loaded, sensors probed) for scale.
Usage: bench/python_import.py [BUILD_DIR] [N]"""
import os
import statistics
import subprocess
import sys
import time

build = sys.argv[1] if len(sys.argv) > 1 else "build"
n = int(sys.argv[2]) if len(sys.argv) > 2 else 40
env = dict(os.environ, PYTHONPATH=os.path.abspath(os.path.join(build, "python")))
cases = [
    ("bare interpreter (pass)", "pass"),
    ("import carbonscope", "import carbonscope"),
    ("import + first track() (tables, sensors)", "import carbonscope; carbonscope.track(output_dir=None)"),
]


RSS_AT_EXIT = "\nprint(open('/proc/self/status').read())"


def one(code):
    t0 = time.perf_counter()
    p = subprocess.Popen(["/usr/bin/python3", "-c", code], env=env)
    _, status, usage = os.wait4(p.pid, 0)
    ms = (time.perf_counter() - t0) * 1000
    if status != 0:
        sys.exit(f"failed: {code}")
    return ms, usage.ru_maxrss / 1024  # MiB


def rss_at_exit(code):
    out = subprocess.run(["/usr/bin/python3", "-c", code + RSS_AT_EXIT], env=env, capture_output=True, text=True,
                         check=True).stdout
    line = next(x for x in out.splitlines() if x.startswith("VmRSS:"))
    return int(line.split()[1]) / 1024  # MiB


results = {name: ([], [], []) for name, _ in cases}
for i in range(n):
    for name, code in cases:
        ms, mib = one(code)
        results[name][0].append(ms)
        results[name][1].append(mib)
        if i < 10:
            results[name][2].append(rss_at_exit(code))

base_ms = statistics.median(results[cases[0][0]][0])
base_mb = statistics.median(results[cases[0][0]][1])
base_rss = statistics.median(results[cases[0][0]][2])
for name, _ in cases:
    ms = statistics.median(results[name][0])
    mb = statistics.median(results[name][1])
    rss = statistics.median(results[name][2])
    print(f"{name:<42} {ms:6.1f} ms (+{ms - base_ms:5.1f} ms, {ms / base_ms:4.2f}x bare)  "
          f"max RSS {mb:5.1f} MiB (+{mb - base_mb:4.1f})  RSS at exit {rss:5.1f} MiB (+{rss - base_rss:4.1f})")
