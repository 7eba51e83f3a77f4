#!/usr/bin/python3
"""Per-sample CPU of `carbonscope run --interval 10ms` against the sampling floor
(bench/floor_harness.cc) and across tracked trees of different shapes, in one run.

Every arm is run for a short and a long duration; its per-sample CPU is the slope
(CPU(long) - CPU(short)) / (samples(long) - samples(short)), where CPU is the whole
process's user+system time with its reaped children (wait4), so fixed costs (start,
stop, the workload's own start) cancel. Rounds run every arm once, in an order that
alternates (ABBA), so drift on a shared machine falls on all arms alike. Prints the
median [min-max] per arm and the ratios to the floor and to the single child, each
ratio taken within a round.

Usage (from the repository root, after building into build/):
  bench/floor.py [--rounds 5] [--short 1] [--long 4] [--interval 10ms]
"""
import argparse, glob, os, shutil, statistics, subprocess, sys, tempfile, time

BUILD = "build"


def spawn(cmd, env=None):
    t = time.perf_counter()
    p = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env)
    out = p.stdout.read().decode()
    _, status, ru = os.wait4(p.pid, 0)
    p.returncode = os.waitstatus_to_exitcode(status)
    return out, ru.ru_utime + ru.ru_stime, time.perf_counter() - t


def carbonscope_arm(workload, cgroup=True):
    def run(seconds, interval):
        out_dir = tempfile.mkdtemp(prefix="cs_floor_")
        env = dict(os.environ, CARBONSCOPE_JOB_CGROUP="1" if cgroup else "0")
        cmd = [f"{BUILD}/carbonscope", "run", "--quiet", "--no-ledger", "--interval", interval,
               "--output-dir", out_dir, "--"] + workload(seconds)
        _, cpu, _ = spawn(cmd, env)
        rows = 0
        for f in glob.glob(f"{out_dir}/*/samples.csv"):
            with open(f) as fh:
                rows = sum(1 for _ in fh) - 1
        shutil.rmtree(out_dir, ignore_errors=True)
        return cpu, rows
    return run


def floor_arm(seconds, interval):
    ms = float(interval.rstrip("ms")) if interval.endswith("ms") else float(interval.rstrip("s")) * 1e3
    out, cpu, _ = spawn([f"{BUILD}/bench/carbonscope_floor_harness", str(seconds), str(ms), "--", "sleep",
                         str(seconds)])
    wakeups = int(out.split("wakeups ")[1].split()[0])
    return cpu, wakeups


def idle(kind, n):
    return lambda s: [f"{BUILD}/bench/carbonscope_idle_tree", kind, str(n), str(s)]


ARMS = {
    "floor harness (pread /proc/stat + /proc/PID/stat)": floor_arm,
    "run -- sleep (1 task)": carbonscope_arm(lambda s: ["sleep", str(s)]),
    "run -- 66-thread process": carbonscope_arm(idle("threads", 66)),
    "run -- 50-process tree": carbonscope_arm(idle("procs", 50)),
    "run -- sleep, /proc walk (no cgroup)": carbonscope_arm(lambda s: ["sleep", str(s)], cgroup=False),
    "run -- 66-thread process, /proc walk": carbonscope_arm(idle("threads", 66), cgroup=False),
    "run -- 50-process tree, /proc walk": carbonscope_arm(idle("procs", 50), cgroup=False),
}


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--rounds", type=int, default=5)
    p.add_argument("--short", type=float, default=1.0)
    p.add_argument("--long", type=float, default=4.0)
    p.add_argument("--interval", default="10ms")
    p.add_argument("--arms", default="", help="comma-separated substrings of arm names to keep")
    a = p.parse_args()
    names = [n for n in ARMS if not a.arms or any(k in n for k in a.arms.split(","))]
    per = {n: [] for n in names}
    for r in range(a.rounds):
        order = names if r % 2 == 0 else list(reversed(names))
        for n in order:
            c1, s1 = ARMS[n](a.short, a.interval)
            c2, s2 = ARMS[n](a.long, a.interval)
            per[n].append((c2 - c1) / max(1, s2 - s1) * 1e6)
    base_floor = names[0] if names[0].startswith("floor") else None
    singles = {False: "run -- sleep (1 task)", True: "run -- sleep, /proc walk (no cgroup)"}
    print(f"per-sample CPU at {a.interval}, µs, median [min-max] of {a.rounds} rounds "
          f"(slope {a.short:g} s -> {a.long:g} s); ratios per round")
    print(f"| arm | µs per sample | ÷ floor | ÷ single child |")
    print(f"|---|---|---|---|")
    for n in names:
        v = per[n]
        def ratio(ref):
            if ref is None or ref == n:
                return "–"
            rs = [x / y for x, y in zip(v, per[ref]) if y > 0]
            return f"{statistics.median(rs):.2f} [{min(rs):.2f}–{max(rs):.2f}]" if rs else "–"
        single = singles["walk" in n or "no cgroup" in n]
        print(f"| {n} | {statistics.median(v):.0f} [{min(v):.0f}–{max(v):.0f}] | {ratio(base_floor)} | "
              f"{ratio(single if single in per else None)} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
