#!/usr/bin/python3
"""Synthetic `sacct --parsable2` dumps shaped like Slurm 22.05 output, for the import
benchmark: a job row (user, partition, ReqMem, AllocTRES) then .batch, sometimes
.extern, and 0-2 srun steps with empty job-only fields; arrays (N_M), a few
heterogeneous components (N+0), old ReqMem forms (Mc/Gn), TotalCPU in MM:SS.mmm,
states in GA4HPC's mix. Seeded, so a figure can be reproduced.

usage: gen_sacct.py NJOBS OUT [--users N] [--seed S]
"""
import argparse
import random
import zlib

FIELDS = ("Cluster|JobID|JobName|User|Account|Partition|State|Submit|Start|End|Elapsed|ElapsedRaw|NCPUS|NNodes|"
          "NodeList|ReqMem|AllocTRES|TotalCPU|ConsumedEnergyRaw|MaxRSS")
STATES = [("COMPLETED", 75), ("FAILED", 10), ("CANCELLED by 1234", 6), ("TIMEOUT", 5), ("OUT_OF_MEMORY", 2),
          ("NODE_FAIL", 1), ("PENDING", 0.5), ("RUNNING", 0.5)]


def dur(s):
    d, s = divmod(int(s), 86400)
    h, s = divmod(s, 3600)
    m, s = divmod(s, 60)
    return f"{d}-{h:02}:{m:02}:{s:02}" if d else f"{h:02}:{m:02}:{s:02}"


def cpu(s):
    h, rest = divmod(s, 3600)
    m, sec = divmod(rest, 60)
    return f"{int(h):02}:{int(m):02}:{sec:06.3f}" if h else f"{int(m):02}:{sec:06.3f}"


def account_of(user):
    # crc32, not hash(): str hashes are salted per process (PYTHONHASHSEED), so the
    # same seed gave other accounts on every run.
    return zlib.crc32(user.encode()) % 40


def stamp(t):
    import time
    return time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(t))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("njobs", type=int)
    ap.add_argument("out")
    ap.add_argument("--users", type=int, default=300)
    ap.add_argument("--seed", type=int, default=2)
    a = ap.parse_args()
    rnd = random.Random(a.seed)
    states = [s for s, _ in STATES]
    weights = [w for _, w in STATES]
    t = 1793491200  # 2026-11-01
    jid = 1000
    with open(a.out, "w", buffering=1 << 20) as f:
        f.write(FIELDS + "\n")
        for i in range(a.njobs):
            jid += 1
            t += rnd.randint(0, 6)
            part = rnd.choices(["cpu", "gpu", "debug"], [75, 20, 5])[0]
            nodes = rnd.choice([2, 4, 8]) if rnd.random() < 0.1 else 1
            ncpus = rnd.randint(1, 64) * nodes
            gpus = rnd.randint(1, 4) * nodes if part == "gpu" else 0
            state = rnd.choices(states, weights)[0]
            started = state != "PENDING"
            el = min(int(rnd.lognormvariate(7.5, 1.5)), 7 * 86400) if started else 0
            tc = 0 if rnd.random() < 0.08 else rnd.betavariate(2, 1.2) * el * ncpus
            mem_gb = rnd.randint(1, 8)
            reqmem = rnd.choice([f"{mem_gb * 1024}Mc", f"{mem_gb * ncpus // nodes}Gn"]) if rnd.random() < 0.1 else f"{mem_gb * ncpus}G"
            if rnd.random() < 0.1:
                job = f"{jid}_{rnd.randint(0, 99)}"
            elif rnd.random() < 0.01:
                job = f"{jid}+0"
            else:
                job = str(jid)
            nl = f"n{rnd.randint(1, 900):03}" if nodes == 1 else f"n[{rnd.randint(1, 800):03}-{rnd.randint(801, 900):03}]"
            tres = (f"billing={ncpus},cpu={ncpus}" + (f",gres/gpu:a100={gpus},gres/gpu={gpus}" if gpus else "") +
                    f",mem={mem_gb * ncpus}G,node={nodes}") if started else ""
            user = f"user{rnd.randint(1, a.users):03}"
            end = stamp(t + 5 + el) if started and state != "RUNNING" else "Unknown"
            f.write(f"hpc|{job}|job{i % 97}|{user}|acct{account_of(user):02}|{part}|{state}|{stamp(t)}|"
                    f"{stamp(t + 5) if started else 'Unknown'}|{end}|{dur(el)}|{el}|{ncpus}|{nodes}|"
                    f"{nl if started else 'None assigned'}|{reqmem}|{tres}|{cpu(tc)}||\n")
            if not started:
                continue
            steps = ["batch"] + (["extern"] if rnd.random() < 0.5 else []) + [str(k) for k in range(rnd.randint(0, 2))]
            for s in steps:
                share = tc if s != "batch" else tc * 0.01
                f.write(f"hpc|{job}.{s}|{s}||||{state.split()[0] if s != 'extern' else 'COMPLETED'}|{stamp(t)}|"
                        f"{stamp(t + 5)}|{end}|{dur(el)}|{el}|{ncpus if s != 'batch' else ncpus // nodes}|"
                        f"{nodes if s != 'batch' else 1}|{nl}||cpu={ncpus}|{cpu(share)}||{rnd.randint(1000, 9000000)}K\n")


if __name__ == "__main__":
    main()
