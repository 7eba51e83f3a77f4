#!/usr/bin/python3
"""carbonscope beside CodeCarbon and carbontracker on the same workloads, in one run,
plus the sampling floor (bench/floor_harness.cc), printed as one table with ratios.

Each measurement is a fresh /usr/bin/python3 process that imports the tool (timed),
constructs and starts a tracker (timed), sleeps a window at a sampling interval while
its own CPU is counted (getrusage, all threads), then stops it (timed) and reports its
peak RSS. Per-sample CPU is (window CPU - the bare interpreter's window CPU) / the
samples the window should hold (window / interval). Rounds run every arm once, in an
order that alternates (ABBA), so drift on this shared machine falls on all arms alike;
figures are medians [min-max] over rounds, ratios are taken within a round.

The peers run from the unmodified trees in ../shared/peers (see its README: Debian's
python3-pandas, -cpuinfo, -arrow, -pycountry, -prometheus-client, -click, -rich,
-typer, -importlib-metadata; carbontracker uses the geocoder stand-in there).

Usage (repository root, after building into build/):
  bench/peers.py [--rounds 3] [--window 10] [--peers ../shared/peers] [--before DIR]
--before DIR adds an arm "before": carbonscope imported from another build's python/
directory (e.g. /work/main/build/python), in the same rounds.
"""
import argparse, json, os, statistics, subprocess, sys, tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)

# The measured program: TOOL INTERVAL WINDOW OUTDIR; prints one JSON line.
CHILD = r'''
import json, os, resource, sys, time
tool, interval, window, out = sys.argv[1], float(sys.argv[2]), float(sys.argv[3]), sys.argv[4]
def cpu():
    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime + r.ru_stime
t0 = time.perf_counter()
if tool in ("carbonscope", "before"):
    import carbonscope
elif tool == "codecarbon":
    from codecarbon import OfflineEmissionsTracker
elif tool == "carbontracker":
    from carbontracker.tracker import CarbonTracker
t1 = time.perf_counter()
if tool in ("carbonscope", "before"):
    tr = carbonscope.track(project="bench", region="FR", interval=interval, output_dir=out,
                           ledger=os.path.join(out, "ledger.db"))
    tr.start()
elif tool == "codecarbon":
    tr = OfflineEmissionsTracker(country_iso_code="FRA", save_to_file=True, output_dir=out,
                                 measure_power_secs=interval, log_level="error")
    tr.start()
elif tool == "carbontracker":
    tr = CarbonTracker(epochs=1, monitor_epochs=1, log_dir=out, update_interval=interval, verbose=0)
    tr.epoch_start()
t2 = time.perf_counter()
c0 = cpu()
time.sleep(window)
c1 = cpu()
t3 = time.perf_counter()
if tool in ("carbonscope", "before"):
    tr.stop()
elif tool == "codecarbon":
    tr.stop()
elif tool == "carbontracker":
    tr.epoch_end()
    tr.stop()
t4 = time.perf_counter()
print(json.dumps({"import_s": t1 - t0, "start_s": t2 - t1, "window_cpu_s": c1 - c0, "stop_s": t4 - t3,
                  "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
'''


def run_tool(tool, interval, window, peers, before=None):
    out = tempfile.mkdtemp(prefix="cs_peers_")
    env = dict(os.environ, OPENBLAS_NUM_THREADS="1", OMP_NUM_THREADS="1", MKL_NUM_THREADS="1")
    path = [before if tool == "before" else os.path.join(ROOT, "build", "python")]
    if tool == "codecarbon":
        path.append(os.path.join(peers, "codecarbon"))
    if tool == "carbontracker":
        path.append(os.path.join(peers, "carbontracker"))
    env["PYTHONPATH"] = os.pathsep.join(path)
    r = subprocess.run(["/usr/bin/python3", "-c", CHILD, tool, str(interval), str(window), out], env=env,
                       capture_output=True, text=True, timeout=window + 120)
    subprocess.run(["rm", "-rf", out])
    for line in reversed(r.stdout.splitlines()):
        if line.startswith("{"):
            return json.loads(line)
    raise RuntimeError(f"{tool} at {interval}: {r.stderr[-600:]}")


def run_floor(interval, window):
    r = subprocess.run([os.path.join(ROOT, "build", "bench", "carbonscope_floor_harness"), str(window),
                        str(interval * 1e3), "--", "sleep", str(window)], capture_output=True, text=True)
    f = dict(line.split() for line in r.stdout.splitlines())
    return {"per_sample_us": float(f["thread_cpu_us"]) / max(1, int(f["wakeups"]))}


def fmt(values, scale=1.0, digits=1):
    v = [x * scale for x in values]
    return f"{statistics.median(v):.{digits}f} [{min(v):.{digits}f}–{max(v):.{digits}f}]"


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--rounds", type=int, default=3)
    p.add_argument("--window", type=float, default=10.0)
    p.add_argument("--peers", default="/work/shared/peers", help="the peers' trees (../shared/peers)")
    p.add_argument("--intervals", default="1,0.1,0.01")
    p.add_argument("--before", help="another build's python/ directory, measured as the arm 'before'")
    a = p.parse_args()
    intervals = [float(x) for x in a.intervals.split(",")]
    arms = [("bare", 1.0)]
    for i in intervals:
        arms += [("carbonscope", i)] + ([("before", i)] if a.before else []) + [("carbontracker", i)]
        if i >= 0.1:
            arms.append(("codecarbon", i))  # its CLI and scheduler take whole or tenths of seconds
        arms.append(("floor", i))
    res = {arm: [] for arm in arms}
    for r in range(a.rounds):
        for arm in (arms if r % 2 == 0 else arms[::-1]):
            tool, i = arm
            if tool == "floor":
                res[arm].append(run_floor(i, min(a.window, 5.0)))
            elif tool == "bare":
                res[arm].append(run_tool("bare", i, a.window, a.peers))
            else:
                res[arm].append(run_tool(tool, i, a.window, a.peers, a.before))
    bare = res[("bare", 1.0)]

    def per_sample(arm, k):
        tool, i = arm
        if tool == "floor":
            return res[arm][k]["per_sample_us"]
        return (res[arm][k]["window_cpu_s"] - bare[k]["window_cpu_s"]) / (a.window / i) * 1e6

    print(f"bench/peers.py: {a.rounds} rounds, {a.window:g} s windows, medians [min–max]; "
          "ratios carbonscope ÷ peer within each round")
    print("\n| tool | import ms (over bare) | start ms | stop ms (ledger for carbonscope) | peak RSS MB |")
    print("|---|---|---|---|---|")
    for tool in ("bare", "carbonscope", "before", "codecarbon", "carbontracker"):
        arm = (tool, 1.0) if (tool, 1.0) in res else None
        if arm is None or not res[arm]:
            continue
        rows = res[arm]
        imp = [x["import_s"] - b["import_s"] for x, b in zip(rows, bare)] if tool != "bare" else [0.0]
        print(f"| {tool} | {fmt(imp, 1e3)} | {fmt([x['start_s'] for x in rows], 1e3, 2)} | "
              f"{fmt([x['stop_s'] for x in rows], 1e3, 2)} | {fmt([x['rss_mb'] for x in rows])} |")
    print("\n| interval | carbonscope µs/sample | carbontracker | CodeCarbon | floor harness | "
          "carbonscope ÷ carbontracker | carbonscope ÷ floor |")
    print("|---|---|---|---|---|---|---|")
    for i in intervals:
        cs = [per_sample(("carbonscope", i), k) for k in range(a.rounds)]
        ct = [per_sample(("carbontracker", i), k) for k in range(a.rounds)]
        cc = [per_sample(("codecarbon", i), k) for k in range(a.rounds)] if ("codecarbon", i) in res else None
        fl = [per_sample(("floor", i), k) for k in range(a.rounds)]
        r_ct = [x / y for x, y in zip(cs, ct) if y > 0]
        r_fl = [x / y for x, y in zip(cs, fl) if y > 0]
        print(f"| {i:g} s | {fmt(cs, 1, 0)} | {fmt(ct, 1, 0)} | {fmt(cc, 1, 0) if cc else '–'} | {fmt(fl, 1, 0)} | "
              f"{fmt(r_ct, 1, 2) if r_ct else '–'} | {fmt(r_fl, 1, 2) if r_fl else '–'} |")
    if a.before:
        print("\n| interval | before µs/sample | carbonscope ÷ before | before ÷ carbontracker |")
        print("|---|---|---|---|")
        for i in intervals:
            cs = [per_sample(("carbonscope", i), k) for k in range(a.rounds)]
            bf = [per_sample(("before", i), k) for k in range(a.rounds)]
            ct = [per_sample(("carbontracker", i), k) for k in range(a.rounds)]
            r_bf = [x / y for x, y in zip(cs, bf) if y > 0]
            r_bct = [x / y for x, y in zip(bf, ct) if y > 0]
            print(f"| {i:g} s | {fmt(bf, 1, 0)} | {fmt(r_bf, 1, 2) if r_bf else '–'} | "
                  f"{fmt(r_bct, 1, 2) if r_bct else '–'} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
