"""Validation of the built tables before they are written: unique keys, value ranges,
references between tables (zones, sources, accelerators) and licences. Part of
tools/data/build_tables.py; fails the build with the first problem found."""

import re

from common import fail
from cpus import clean_cpu
from sources import LICENCES

# The column of each table that holds its source id(s).
SRC_COL = {"grid_intensity": 3, "cloud_regions": 9, "pue": 5, "accelerators": 17, "cpus": 5,
           "constants": 5, "equivalents": 4, "hourly_zones": 4, "region_grid_zones": 3, "region_locations": 9,
           "mfu": 7, "moe_models": 4,
           "instances": 13}


def check_unique(name, rows, key_idx):
    seen = set()
    for r in rows:
        k = tuple(str(r[i]).lower() for i in key_idx)
        if k in seen:
            fail("%s: duplicate key %s" % (name, k))
        seen.add(k)


def check_range(name, rows, idx, lo, hi, allow_empty=True):
    for r in rows:
        v = r[idx]
        if v in ("", None):
            if not allow_empty:
                fail("%s: empty required field %d in %s" % (name, idx, r[:2]))
            continue
        x = float(v)
        if not (lo <= x <= hi):
            fail("%s: value %s out of [%s, %s] in %s" % (name, v, lo, hi, r[:3]))


def validate(t):
    zones = {r[0]: r for r in t["zones"]}
    for r in t["zones"]:
        if r[2] not in ("world", "continent", "country", "subnational"):
            fail("zones: bad kind %s" % r)
        if r[2] == "country" and not re.fullmatch(r"[A-Z]{2}", r[0]):
            fail("zones: country code not ISO alpha-2: %s" % r[0])
        if r[2] == "subnational" and (r[5] not in zones or not r[0].startswith(r[5] + "-")):
            fail("zones: bad parent for %s" % r[0])
        if r[2] != "world" and r[4] not in ("AF", "AS", "EU", "NA", "OC", "SA", "AN"):
            fail("zones: bad continent for %s" % r[0])
    names = {}
    for r in t["zones"]:
        for n in [r[0], r[1]] + [a for a in r[6].split("|") if a]:
            k = n.lower()
            if k in names and names[k] != r[0]:
                fail("zones: name/alias %r used by %s and %s" % (n, names[k], r[0]))
            names[k] = r[0]
    check_unique("zones", t["zones"], [0])
    check_unique("grid_intensity", t["grid_intensity"], [0, 1])
    check_range("grid_intensity", t["grid_intensity"], 1, 2000, 2026, False)
    check_range("grid_intensity", t["grid_intensity"], 2, 0, 1800, False)
    latest = {}
    for z, y, g, s in t["grid_intensity"]:
        if z not in zones:
            fail("grid_intensity: unknown zone %s" % z)
        if z not in latest or y > latest[z][0]:
            latest[z] = (y, float(g))
    if not 30 <= latest["FR"][1] <= 90:
        fail("sanity: France latest intensity %s not in [30, 90]" % (latest["FR"],))
    if not latest["PL"][1] > 600:
        fail("sanity: Poland latest intensity %s not above 600" % (latest["PL"],))
    if "WORLD" not in latest:
        fail("sanity: WORLD intensity missing")

    check_unique("cloud_regions", t["cloud_regions"], [0, 1, 6])
    for r in t["cloud_regions"]:
        if r[0] != r[0].lower() or not r[0]:
            fail("cloud_regions: provider id must be lower-case: %s" % r[0])
        if r[4] not in zones:
            fail("cloud_regions: %s/%s zone %s not in zones.csv" % (r[0], r[1], r[4]))
        if r[5] == "" and r[4] not in latest:
            fail("cloud_regions: %s/%s resolves to no intensity (zone %s)" % (r[0], r[1], r[4]))
    check_range("cloud_regions", t["cloud_regions"], 5, 0, 1500)
    check_range("cloud_regions", t["cloud_regions"], 7, 0, 1)
    check_range("cloud_regions", t["cloud_regions"], 8, 1, 3)

    check_unique("pue", t["pue"], [0])
    check_range("pue", t["pue"], 1, 1, 3, False)
    for r in t["pue"]:
        if r[2] and r[3] and not float(r[2]) <= float(r[1]) <= float(r[3]):
            fail("pue: value outside low/high for %s" % r[0])

    acc = t["accelerators"]
    check_unique("accelerators", acc, [0])
    aliases = {}
    for r in acc:
        if r[3] not in ("gpu", "tpu", "npu"):
            fail("accelerators: bad kind %s" % r[:4])
        for a in [r[0]] + r[1].split("|"):
            k = a.lower()
            if k in aliases and aliases[k] != r[0]:
                fail("accelerators: alias %r used by %s and %s" % (a, aliases[k], r[0]))
            aliases[k] = r[0]
        if r[16] and r[16] not in ("paper", "die-area"):
            fail("accelerators: bad embodied_method %s" % r[16])
        if bool(r[15]) != bool(r[16]):
            fail("accelerators: embodied_kg without method (or vice versa) for %s" % r[0])
    check_range("accelerators", acc, 5, 5, 2000)
    check_range("accelerators", acc, 6, 1, 1000)
    for i in range(7, 14):
        check_range("accelerators", acc, i, 0.01, 20000)
    check_range("accelerators", acc, 14, 2008, 2026)
    by = {r[0]: r for r in acc}
    # Dense, not sparse: NVIDIA's dense figures (sparse ones are exactly 2x).
    for name, col, dense in (("NVIDIA H100 SXM5 80GB", 11, 989.4), ("NVIDIA A100 SXM4 80GB", 11, 312),
                             ("NVIDIA L4", 11, 121), ("NVIDIA H100 SXM5 80GB", 9, 494.7),
                             ("NVIDIA L40S", 11, 362.05)):
        if abs(float(by[name][col]) - dense) > 0.01 * dense:
            fail("accelerators: %s column %d = %s, expected dense %s" % (name, col, by[name][col], dense))
    for name, tdp in (("NVIDIA A100 PCIe 40GB", 250), ("NVIDIA A100 PCIe 80GB", 300),
                      ("NVIDIA A100 SXM4 80GB", 400), ("NVIDIA H100 SXM5 80GB", 700),
                      ("NVIDIA Tesla V100 SXM2 32GB", 300), ("NVIDIA Tesla V100 PCIe 16GB", 250)):
        if int(by[name][5]) != tdp:
            fail("accelerators: %s TDP %s, expected %d" % (name, by[name][5], tdp))

    cpus = t["cpus"]
    check_unique("cpus", cpus, [0])
    check_range("cpus", cpus, 2, 0.01, 1000, False)
    check_range("cpus", cpus, 3, 1, 512)
    check_range("cpus", cpus, 4, 1, 1024)
    cpu_names = {r[0] for r in cpus}
    for n in ("Intel Xeon Gold 6248", "AMD EPYC 7763"):
        if n not in cpu_names:
            fail("cpus: %s missing" % n)
    for r in cpus:
        if r[0] != clean_cpu(r[0]) or re.search(r"®|™|\(R\)|\(TM\)|GHz", r[0]):
            fail("cpus: name not clean: %r" % r[0])
    for n, want in (("Intel(R) Xeon(R) Gold 6248 CPU @ 2.50GHz", "Intel Xeon Gold 6248"),
                    ("AMD EPYC 7763 64-Core Processor", "AMD EPYC 7763")):
        if clean_cpu(n) != want:
            fail("cpus: clean_cpu(%r) = %r" % (n, clean_cpu(n)))

    check_unique("constants", t["constants"], [0])
    for k in ("memory_w_per_gb", "cpu_tdp_per_core_w", "server_embodied_kg", "gpu_embodied_kg",
              "server_lifetime_years", "server_use_share", "cpu_idle_fraction"):
        if k not in {r[0] for r in t["constants"]}:
            fail("constants: %s missing" % k)
    check_unique("equivalents", t["equivalents"], [0])
    check_unique("mfu", t["mfu"], [0])
    for r in t["mfu"]:
        lo, v, hi = float(r[5]), float(r[4]), float(r[6])
        if not (0 < lo <= v <= hi <= 1) or float(r[3]) <= 0:
            fail("mfu: %s needs 0 < low <= mfu <= high <= 1 and params > 0" % r[0])
    check_unique("moe_models", t["moe_models"], [0])
    for r in t["moe_models"]:
        if not 0 < float(r[3]) < float(r[2]):
            fail("moe_models: %s needs 0 < active < total parameters" % r[0])
    check_range("equivalents", t["equivalents"], 2, 1e-6, 1e5, False)

    # every source_id exists with a permissive licence
    src = {r[0]: r for r in t["SOURCES"]}
    check_unique("SOURCES", t["SOURCES"], [0])
    for r in t["SOURCES"]:
        if r[5] not in LICENCES:
            fail("SOURCES: %s has licence %s" % (r[0], r[5]))
        if r[6] not in ("", "lifecycle", "direct"):
            fail("SOURCES: %s has basis %s" % (r[0], r[6]))
    for name, sidx in SRC_COL.items():
        for r in t[name]:
            if not r[sidx]:
                fail("%s: row without source_id: %s" % (name, r[:3]))
            for sid in r[sidx].split("|"):
                if sid not in src:
                    fail("%s: source_id %s not in SOURCES.csv" % (name, sid))
