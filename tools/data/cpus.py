"""The CPU table (data/cpus.csv): names cleaned so /proc/cpuinfo brand strings match,
TDPs and core counts merged from CodeCarbon, eco2ai and Green Algorithms, and the
matcher key carbonscope's C++ code would compute."""
import os
import re

from common import fmt, join_ids, num, read_dicts, warn

_CPU_SYMBOLS = [r"\(R\)", r"\(TM\)", "®", "™"]
_CPU_STRIP = [r"\bCPU\b", r"\bProcessor\b", r"\bAPU\b", r"\bSoC\b", r"@?\s*\b[\d.]+\s*[GM]Hz\b",
              r"\b\d+-Core\b", r"\b(?:Dual|Triple|Quad|Six|Eight|Ten|Twelve|Sixteen)-Core\b",
              r"\bwith Radeon(?: \w+)* Graphics\b"]
_AMD = re.compile(r"^(Ryzen|EPYC|Athlon|Phenom|Opteron|Sempron|Turion|Threadripper|A\d{1,2}[- ]|FX[- ]|E\d?-\d)")
_INTEL = re.compile(r"^(Xeon|Core i\d|Core Ultra|Pentium|Celeron|Atom)\b")


def clean_cpu(name):
    """Vendor marketing name without symbols, frequency or generic words (see SCHEMA.md)."""
    s = name
    for pat in _CPU_SYMBOLS:
        s = re.sub(pat, " ", s, flags=re.I)
    s = re.sub(r"\s+", " ", s)
    for pat in _CPU_STRIP:
        s = re.sub(pat, " ", s, flags=re.I)
    s = re.sub(r"\s+", " ", s).strip(" ,")
    if _AMD.match(s):
        s = "AMD " + s
    elif _INTEL.match(s):
        s = "Intel " + s
    return s


def cpu_vendor(name):
    n = name.lower()
    for prefix, v in (("intel", "Intel"), ("amd", "AMD"), ("apple", "Apple"), ("qualcomm", "Qualcomm"),
                      ("snapdragon", "Qualcomm"), ("ampere", "Ampere"), ("nvidia", "NVIDIA")):
        if n.startswith(prefix):
            return v
    if re.match(r"^(a\d+|fx|e\d?-|g-)", n):
        return "AMD"
    return ""


def build_cpus(raw):
    recs = {}  # key -> dict(name, tdp, cores, threads, src list)
    conflicts = []

    def add(name, tdp, cores, threads, src):
        if tdp is None or tdp <= 0:
            return
        clean = clean_cpu(name)
        if not clean:
            return
        # The same key as carbonscope's C++ normalise_cpu_name: lower-case alphanumeric
        # tokens, so "FX 6100" and "FX-6100" are one CPU.
        key = " ".join(re.findall(r"[a-z0-9.]+", clean.lower()))
        r = recs.get(key)
        if r is None:
            recs[key] = {"name": clean, "tdp": tdp, "cores": cores, "threads": threads, "src": [src]}
            return
        if abs(r["tdp"] - tdp) > 0.1 * max(r["tdp"], tdp):
            conflicts.append((clean, r["tdp"], r["src"][0], tdp, src))
        if r["cores"] is None and cores:
            r["cores"] = cores
            r["src"].append(src)
        if r["threads"] is None and threads:
            r["threads"] = threads
            if src not in r["src"]:
                r["src"].append(src)

    cc = os.path.join(raw, "codecarbon")
    for r in read_dicts(os.path.join(cc, "cpu_power.csv")):
        add(r["Name"], num(r["TDP"]), None, None, "codecarbon")
    for r in read_dicts(os.path.join(cc, "intel_cpu_ark_dataset.csv")):
        add(r["cpu_name"], num(r["tdp"]), num(r["total_cores"]), None, "codecarbon")
    for f in ("amd_cpu_server_dataset.csv", "amd_cpu_desktop_dataset.csv"):
        for r in read_dicts(os.path.join(cc, f)):
            m = re.match(r"\s*([\d.]+)\s*W", r["Default TDP"])
            add(r["Name"], float(m.group(1)) if m else None, num(r["# of CPU Cores"]),
                num(r["# of Threads"]), "codecarbon")
    for r in read_dicts(os.path.join(raw, "eco2ai/cpu_names.csv")):
        add(r["Model"], num(r["TDP"]), num(r["Cores"]), None, "eco2ai")
    for r in read_dicts(os.path.join(raw, "green-algorithms/TDP_cpu.csv"), skip=1):
        add(r["model"], num(r["TDP"]), num(r["n_cores"]), None, "ga-data")
    warn("CPU TDP disagreements >10%% between sources (first source kept): %d" % len(conflicts))
    rows = []
    for key in sorted(recs):
        r = recs[key]
        ival = lambda v: "" if v is None else str(int(v))  # noqa: E731
        rows.append([r["name"], cpu_vendor(r["name"]), fmt(r["tdp"], 2), ival(r["cores"]),
                     ival(r["threads"]), join_ids(r["src"]), cpu_match_key(r["name"])])
    return rows


def cpu_match_key(name):
    """carbonscope's C++ normalise_cpu_name (src/data/cpu_names.cc), precomputed so that
    matching a brand string need not normalise thousands of rows at run time. A C++
    test checks every row's key against the C++ function."""
    s = name
    for mark in ("(R)", "(r)", "(TM)", "(tm)", "\u00ae", "\u2122"):
        s = s.replace(mark, " ")
    s = s.split("@", 1)[0]
    out = []
    for t in re.findall(r"[a-z0-9.]+", s.encode("ascii", "replace").decode().lower()):
        if t in ("cpu", "processor", "with", "radeon", "graphics"):
            continue
        if t == "core" and out and out[-1].isdigit():
            out.pop()
            continue
        out.append(t)
    return " ".join(out)
