#!/usr/bin/python3
"""Whole-process timings: wall time from exec to exit of short carbonscope commands,
against `true` (the cost of starting any process here). Prints medians of N runs and
the ratio to `true`. Usage: bench/startup.py [BUILD_DIR] [N]"""
import os
import statistics
import subprocess
import sys
import time

build = sys.argv[1] if len(sys.argv) > 1 else "build"
n = int(sys.argv[2]) if len(sys.argv) > 2 else 50
exe = os.path.join(build, "carbonscope")
cases = [
    ("true", ["true"]),
    ("carbonscope --version", [exe, "--version"]),
    ("estimate BLOOM (tables, FR, alternatives)",
     [exe, "estimate", "--gpu", "A100 SXM4 80GB", "--count", "384", "--device-hours", "1082990", "--country", "FR"]),
    ("estimate --json (cloud region)",
     [exe, "estimate", "--gpu", "V100 SXM2 32GB", "--hours", "24", "--cloud", "gcp:us-central1", "--json"]),
    ("estimate with --cpu (CPU table)",
     [exe, "estimate", "--cpu", "Xeon Gold 6248", "--hours", "1", "--intensity", "100g"]),
]


def median_ms(argv):
    samples = []
    for _ in range(n):
        t0 = time.perf_counter()
        subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
        samples.append((time.perf_counter() - t0) * 1000)
    return statistics.median(samples)


base = None
for name, argv in cases:
    ms = median_ms(argv)
    base = base or ms
    print(f"{name:<45} {ms:7.2f} ms  ({ms / base:5.1f}x true)")
