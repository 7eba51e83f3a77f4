#!/usr/bin/python3
"""ABBA comparison of whole commands: CPU (user+sys of the process and the children it
waited for, from wait4) and wall, medians over ROUNDS rounds with the arm order reversed
every other round. usage: bench/cpu_abba.py ROUNDS NAME=CMD ... (CMD is shell-split)"""
import os, shlex, statistics, sys, time, tempfile
rounds = int(sys.argv[1])
arms = [(a.split("=", 1)[0], shlex.split(a.split("=", 1)[1])) for a in sys.argv[2:]]
res = {n: ([], []) for n, _ in arms}
out = tempfile.mkdtemp()
env = dict(os.environ)
for r in range(rounds):
    order = arms if r % 2 == 0 else list(reversed(arms))
    for name, argv in order:
        t0 = time.perf_counter()
        pid = os.fork()
        if pid == 0:
            os.chdir(out)
            fd = os.open(os.devnull, os.O_WRONLY); os.dup2(fd, 1); os.dup2(fd, 2)
            os.execvpe(argv[0], argv, env)
        _, st, ru = os.wait4(pid, 0)
        wall = (time.perf_counter() - t0) * 1000
        res[name][0].append((ru.ru_utime + ru.ru_stime) * 1000); res[name][1].append(wall)
base = None
for name, _ in arms:
    c, w = res[name]
    mc, mw = statistics.median(c), statistics.median(w)
    base = base if base is not None else (mc, mw)
    print(f"{name:<28} cpu {mc:6.2f} ms (+{mc-base[0]:6.2f}) [{min(c):.2f}-{max(c):.2f}]  wall {mw:6.2f} ms (+{mw-base[1]:6.2f})")
