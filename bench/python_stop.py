#!/usr/bin/python3
"""The Python tracker's stop() with the ledger, ABBA between carbonscope builds: each
measurement is a fresh /usr/bin/python3 that imports carbonscope from one build's
python/ directory, starts a tracker (1 s interval, run files and a ledger of its own),
sleeps WINDOW seconds, then times stop() (wall, and the process's CPU over it from
getrusage) and, separately, carbonscope.wait_recorded() where the build has it (the
ledger commit that stop() leaves to a thread) and the interpreter's exit.

usage: bench/python_stop.py ROUNDS WINDOW NAME=BUILD_PYTHON_DIR ...
(e.g. before=/work/main/build/python after=build/python)"""
import json, os, shutil, statistics, subprocess, sys, tempfile, time

CHILD = r'''
import json, os, resource, sys, time
import carbonscope
def cpu():
    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime + r.ru_stime
out = sys.argv[1]
tr = carbonscope.track(project="bench", region="FR", interval=1.0, output_dir=out,
                       ledger=os.path.join(out, "ledger.db"))
tr.start()
time.sleep(float(sys.argv[2]))
c0, t0 = cpu(), time.perf_counter()
tr.stop()
t1, c1 = time.perf_counter(), cpu()
wait = getattr(carbonscope, "wait_recorded", None)
if wait:
    wait()
t2 = time.perf_counter()
print(json.dumps({"stop_ms": (t1 - t0) * 1e3, "stop_cpu_ms": (c1 - c0) * 1e3, "recorded_ms": (t2 - t0) * 1e3}))
'''


def one(pythonpath, window):
    out = tempfile.mkdtemp(prefix="cs_stop_")
    # the ledger exists already, as for every run but a user's first
    first = dict(os.environ, PYTHONPATH=pythonpath)
    subprocess.run(["/usr/bin/python3", "-c", CHILD, out, "0"], env=first, capture_output=True, check=True)
    t0 = time.perf_counter()
    r = subprocess.run(["/usr/bin/python3", "-c", CHILD, out, str(window)], env=first, capture_output=True,
                       text=True, check=True)
    process_ms = (time.perf_counter() - t0) * 1e3
    shutil.rmtree(out)
    d = json.loads(r.stdout.strip().splitlines()[-1])
    d["process_ms"] = process_ms
    return d


def main():
    rounds, window = int(sys.argv[1]), float(sys.argv[2])
    arms = [(a.split("=", 1)[0], os.path.abspath(a.split("=", 1)[1])) for a in sys.argv[3:]]
    res = {n: [] for n, _ in arms}
    for r in range(rounds):
        for name, path in (arms if r % 2 == 0 else arms[::-1]):
            res[name].append(one(path, window))
    print(f"load: {open('/proc/loadavg').read().split()[:3]}")
    for name, _ in arms:
        rows = res[name]
        med = {k: statistics.median(x[k] for x in rows) for k in rows[0]}
        rng = {k: (min(x[k] for x in rows), max(x[k] for x in rows)) for k in rows[0]}
        print(f"{name:<8} stop wall {med['stop_ms']:6.2f} ms [{rng['stop_ms'][0]:.2f}-{rng['stop_ms'][1]:.2f}]"
              f"  stop CPU {med['stop_cpu_ms']:5.2f} ms  stop to recorded {med['recorded_ms']:6.2f} ms"
              f"  whole process {med['process_ms']:7.1f} ms")
    if len(arms) == 2:
        a, b = (res[n] for n, _ in arms)
        for k in ("stop_ms", "stop_cpu_ms"):
            ratios = [y[k] / x[k] for x, y in zip(a, b) if x[k] > 0]
            print(f"{arms[1][0]} / {arms[0][0]} {k}: {statistics.median(ratios):.2f} "
                  f"[{min(ratios):.2f}-{max(ratios):.2f}]")


if __name__ == "__main__":
    main()
