#!/usr/bin/python3
"""Whole-process costs of `carbonscope run`, printed as one table (run it from the
repository root after building into build/):

  1. added wall time: `carbonscope run --quiet -- true` vs `true` (median of N runs);
  2. peak RSS of `carbonscope run --interval 10ms -- sleep S` (/usr/bin/time -v);
  3. throughput of a CPU-bound workload alone vs under `run --interval 100ms`.

Usage: bench/run_overhead.py [--binary build/carbonscope] [--rss-seconds 10] [--runs 50]
"""
import argparse, os, re, statistics, subprocess, sys, tempfile, time

WORK = ("python3", "-c", "import time\nt=time.perf_counter();n=0\n"
        "while time.perf_counter()-t<3.0: n+=1\nprint(n)")


def wall(cmd, runs):
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        subprocess.run(cmd, check=False, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--binary", default="build/carbonscope")
    p.add_argument("--rss-seconds", type=float, default=10)
    p.add_argument("--runs", type=int, default=50)
    a = p.parse_args()
    out = tempfile.mkdtemp(prefix="cs_bench_")
    cs = [a.binary, "run", "--quiet", "--output-dir", out]
    base = wall(["true"], a.runs)
    tracked = wall(cs + ["--", "true"], a.runs)
    print(f"run -- true: {tracked*1e3:.2f} ms vs true {base*1e3:.2f} ms: +{(tracked-base)*1e3:.2f} ms (median of {a.runs})")
    r = subprocess.run(["/usr/bin/time", "-v"] + cs + ["--interval", "10ms", "--", "sleep", str(a.rss_seconds)],
                       capture_output=True, text=True)
    rss = re.search(r"Maximum resident set size \(kbytes\): (\d+)", r.stderr)
    print(f"peak RSS at 10ms for {a.rss_seconds:g} s: {int(rss.group(1))/1024:.1f} MiB" if rss else r.stderr)
    alone = int(subprocess.run(WORK, capture_output=True, text=True).stdout)
    under = int(subprocess.run(cs + ["--interval", "100ms", "--"] + list(WORK), capture_output=True, text=True).stdout)
    print(f"CPU-bound loop iterations in 3 s: alone {alone}, under run at 100ms {under}: "
          f"{100.0*(alone-under)/alone:+.2f} % lost")


if __name__ == "__main__":
    sys.exit(main())
