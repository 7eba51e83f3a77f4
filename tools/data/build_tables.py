#!/usr/bin/python3
"""Build carbonscope's reference tables (data/*.csv) from the raw public data.

Usage (from the repository root):
    /usr/bin/python3 tools/data/build_tables.py [--raw ../shared/data/raw] [--out data]

Standard library only. Output is deterministic (sorted rows, fixed float format, LF,
UTF-8 without BOM). The script validates what it writes and exits non-zero on any
violation. Only permissively licensed facts are shipped; see data/SOURCES.csv and
data/FIXES.md. Boavizta (ODbL/AGPL) and mlco2/impact (no licence) are read for
cross-checks only and never copied into a row.
"""
import argparse
import json
import os
import re
import statistics
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import geo  # noqa: E402
import compute  # noqa: E402
import hw  # noqa: E402
from sources import SOURCES  # noqa: E402
from common import (LB_TO_KG, ROOT, WARNINGS, BuildError, fail, fmt, join_ids, num,  # noqa: E402
                    read_dicts, read_rows, warn, write_csv)
from cpus import build_cpus  # noqa: E402
from hourly import build_hourly, validate_hourly  # noqa: E402
from validate_tables import SRC_COL, validate  # noqa: E402
from instances import HEADER as INSTANCE_HEADER, build_instances, node_other_fraction  # noqa: E402

# --------------------------------------------------------------------------- zones + grid
def build_zones_and_intensity(raw):
    owid = read_dicts(os.path.join(raw, "owid/carbon-intensity-electricity.csv"))
    iso3_to_2, alt_names = {}, {}
    for r in read_dicts(os.path.join(raw, "carbontracker/carbon-intensities.csv")):
        iso3_to_2[r["Code"]] = r["alpha-2"]
        alt_names.setdefault(r["alpha-2"], set()).add(r["Entity"])
    for r in read_dicts(os.path.join(raw, "eco2ai/carbon_index.csv")):
        if r["region"] == "Whole country" and r["alpha_3_code"] and r["alpha_2_code"]:
            iso3_to_2.setdefault(r["alpha_3_code"], r["alpha_2_code"])
            alt_names.setdefault(r["alpha_2_code"], set()).add(r["country"])
    iso3_to_2.update({"TLS": "TL", "SHN": "SH"})  # missing from both helper tables

    zones = {"WORLD": ["WORLD", "World", "world", "", "", "", ["Global", "Earth"]]}
    grid = {}
    dropped = set()
    col = "Carbon intensity of electricity - gCO2/kWh"
    for r in owid:
        code, year, v = r["Code"], int(r["Year"]), num(r[col])
        if v is None or year < 2000:
            continue
        if code == "OWID_WRL":
            zone = "WORLD"
        elif not code or code.startswith("OWID_"):
            dropped.add(r["Entity"])
            continue
        else:
            zone = iso3_to_2.get(code)
            if not zone:
                fail("no ISO alpha-2 code for OWID %s (%s)" % (code, r["Entity"]))
            if zone not in zones:
                cont = geo.CONTINENT.get(zone)
                if not cont:
                    fail("no continent for %s (%s)" % (zone, r["Entity"]))
                names = sorted(n for n in alt_names.get(zone, ()) if n != r["Entity"])
                zones[zone] = [zone, r["Entity"], "country", code, cont, "", [code] + names]
        grid[(zone, year)] = (v, "owid-ember")

    # Green Algorithms sub-national rows (CC BY 4.0)
    ga = read_dicts(os.path.join(raw, "green-algorithms/CI_aggregated.csv"), skip=1)
    for r in ga:
        loc = r["location"].strip()
        if r["Type"] == "Country":
            continue  # countries come from OWID only (one lifecycle basis)
        loc = geo.GA_CODE_FIX.get(loc, loc)
        if loc is None:
            continue
        m = re.findall(r"data from (\d{4})", r["source"] + " " + r["comments"])
        if not m:
            fail("no data year in Green Algorithms row %s" % r["location"])
        add_sub(zones, loc)
        key = (loc, int(m[0]))
        if key in grid:
            fail("duplicate zone-year %s" % (key,))
        grid[key] = (num(r["carbonIntensity"]), "ga-ci")

    # CodeCarbon US states, eGRID2016, lb/MWh -> g/kWh
    us = json.load(open(os.path.join(raw, "codecarbon/usa_emissions.json"), encoding="utf-8"))
    for name, rec in us.items():
        if not isinstance(rec, dict) or name in ("usa", "_unit"):
            continue
        zone = "US-" + rec["regionCode"]
        add_sub(zones, zone)
        key = (zone, 2016)
        if key in grid:
            fail("duplicate zone-year %s" % (key,))
        grid[key] = (rec["emissions"] * LB_TO_KG, "codecarbon-usa-2016")

    # CodeCarbon Canada 2023: fossil shares x CodeCarbon's factors (direct emissions)
    ca = json.load(open(os.path.join(raw, "codecarbon/canada_energy_mix.json"), encoding="utf-8"))
    by_name = {v.lower(): k for k, v in geo.CA_PROVINCES.items()}
    by_name["yukon territory"] = "YT"
    for name, mix in ca.items():
        code = by_name.get(name.lower())
        if not code:
            fail("unknown Canadian province %r" % name)
        g = (mix["coal"] * 995.7 + mix["petroleum"] * 816.7 + mix["naturalGas"] * 743.8) / 100.0
        zone = "CA-" + code
        add_sub(zones, zone)
        grid[(zone, 2023)] = (g, "codecarbon-canada-2023")

    # CodeCarbon nordic bidding zones
    nordic = json.load(open(os.path.join(raw, "codecarbon/nordic_emissions.json"), encoding="utf-8"))
    for k, rec in nordic["data"].items():
        zone = "%s-%s" % (k[:2], k)
        if zone not in geo.NORDIC_ZONES:
            continue  # FI is a country: OWID only (see FIXES.md)
        parent, name, aliases = geo.NORDIC_ZONES[zone]
        zones[zone] = [zone, name, "subnational", "", "EU", parent, aliases]
        grid[(zone, int(rec["year"]))] = (float(rec["emission_factor"]), "codecarbon-nordic")

    # Qualify sub-national names that collide with a country name (Georgia).
    country_names = {z[1].lower() for z in zones.values() if z[2] == "country"}
    for z in zones.values():
        if z[2] == "subnational" and z[1].lower() in country_names:
            parent_name = zones[z[5]][1]
            z[6] = [n for n in z[6] if n.lower() not in country_names]
            z[1] = "%s (%s)" % (z[1], parent_name)
    warn("OWID aggregates dropped (no ISO code): " + ", ".join(sorted(dropped)))
    return zones, grid


def add_sub(zones, zone):
    if zone in zones:
        return
    country, sub = zone.split("-", 1)
    table = {"US": geo.US_STATES, "CA": geo.CA_PROVINCES, "AU": geo.AU_STATES}.get(country)
    if not table or sub not in table:
        fail("unknown sub-national zone %s" % zone)
    if country not in zones:
        fail("parent %s of %s missing" % (country, zone))
    zones[zone] = [zone, table[sub], "subnational", "", zones[country][4], country,
                   list(geo.SUB_ALIASES.get(zone, []))]


def zone_rows(zones):
    out = []
    for z in sorted(zones.values(), key=lambda z: z[0]):
        aliases = []
        for a in z[6]:
            if a and a != z[1] and a not in aliases:
                aliases.append(a)
        out.append([z[0], z[1], z[2], z[3], z[4], z[5], "|".join(aliases)])
    return out


def grid_rows(grid):
    return [[z, y, fmt(v, 2), s] for (z, y), (v, s) in sorted(grid.items())]


# --------------------------------------------------------------------------- cloud
def build_cloud(raw):
    rows = {}  # (provider, region, year) -> row

    def put(provider, region, name, location, zone, g=None, year=None, cfe=None, pue=None, src=""):
        key = (provider, region, "" if year is None else year)
        if key in rows:
            fail("duplicate cloud region %s" % (key,))
        rows[key] = [provider, region, name, location, zone, fmt(g, 2), "" if year is None else year,
                     fmt(cfe, 2), fmt(pue, 3), src]

    # CCF regional PUE (trailing 12 months), and the CCF region lists
    ccf = read_dicts(os.path.join(os.path.dirname(raw), "derived/ccf_cloud_region_emission_factors.csv"))
    ccf_pue = {(r["provider"], r["region"]): float(r["pue"]) for r in ccf if r["pue_basis"] == "region PUE"
               or r["pue_basis"].startswith("region PUE (trailing")}

    # GCP: one row per region and year from Google's files
    for year in range(2019, 2025):
        path = os.path.join(raw, "google-region-carbon-info/%d.csv" % year)
        src = "google-rci-lifecycle" if year <= 2020 else "google-rci"
        for r in read_dicts(path):
            region = r["Google Cloud Region"].strip()
            if region not in geo.GCP:
                fail("GCP region %s (%d) has no zone mapping" % (region, year))
            loc, zone = geo.GCP[region]
            g = num(r[[k for k in r if "carbon intensity" in k][0]])
            pue = ccf_pue.get(("gcp", region))
            ids = [src, "ccf" if pue else ""]
            put("gcp", region, region, loc, zone, g, year, num(r["Google CFE"]), pue, join_ids(ids))

    for region, (name, loc, zone) in geo.AWS.items():
        put("aws", region, name, loc, zone, src="aws-regions")

    ga = read_dicts(os.path.join(raw, "green-algorithms/cloudProviders_datacenters.csv"), skip=1)
    for r in ga:
        if r["provider"] != "azure":
            continue
        name, zone = geo.AZURE_FIX.get(r["Name"], (r["Name"], None))
        zone = zone or geo.GA_CODE_FIX.get(r["location"], r["location"])
        if zone is None and r["location"] == "CN-HK":
            zone = "HK"
        region = re.sub(r"\s*\(.*\)", "", name).replace(" ", "").lower()
        loc = (r["location_freeForm"] or r["Extra_details"]).strip()
        put("azure", region, name, loc, zone, src="ga-data")
    for region, (name, loc, zone) in geo.AZURE_EXTRA.items():
        put("azure", region, name, loc, zone, src="azure-regions")

    for region, (name, loc, zone) in geo.OVH.items():
        put("ovh", region, name, loc, zone, src="ovhcloud-regions")
    for region, (name, loc, zone) in geo.SCALEWAY.items():
        put("scaleway", region, name, loc, zone, src="scaleway-regions")
    ali_pue = {}
    for r in ccf:
        if r["provider"] == "alibaba":
            ali_pue[re.search(r"\[(\w+)\]", r["region"]).group(1)] = float(r["pue"])
    for key, (rid, name, loc) in geo.ALIBABA.items():
        pue = ali_pue.get(key)
        put("alibaba", rid, name, loc, "CN", pue=pue, src="alibaba-regions|ccf" if pue else "alibaba-regions")
    return [rows[k] for k in sorted(rows, key=lambda k: (k[0], k[1], str(k[2])))]


# --------------------------------------------------------------------------- PUE
def build_pue():
    rows = [
        ["aws", 1.135, 1.135, 1.2, 2023, "ccf|ga-data"],
        ["azure", 1.185, 1.125, 1.185, 2023, "ccf"],
        ["gcp", 1.1, 1.07, 1.13, 2023, "ccf"],
        ["alibaba", 1.3, 1.2, 1.3, 2023, "ccf"],
        ["ovh", 1.09, "", "", 2023, "ga-data"],
        ["oracle", 1.2, "", "", 2023, "ga-data"],
        ["industry", 1.56, 1.55, 1.59, 2024, "ga-data|carbontracker|uptime-2024"],
        ["private", 1.0, 1.0, 1.0, "", "codecarbon"],
    ]
    return [[p, fmt(v), fmt(lo), fmt(hi), y, s] for p, v, lo, hi, y, s in sorted(rows)]


# --------------------------------------------------------------------------- accelerators
EPOCH_COLS = {
    "fp64_tflops": "FP64 (double precision) performance (FLOP/s)",
    "fp32_tflops": "FP32 (single precision) performance (FLOP/s)",
    "tf32_tflops": "TF32 (TensorFloat-32) performance (FLOP/s)",
    "fp8_tflops": "FP8 performance (FLOP/s)",
    "int8_tops": "INT8 performance (OP/s)",
}
ACC_FIELDS = ["tdp_w", "memory_gb", "fp64_tflops", "fp32_tflops", "tf32_tflops", "fp16_tflops",
              "bf16_tflops", "fp8_tflops", "int8_tops", "release_year", "embodied_kg"]


def build_accelerators(raw):
    epoch = {r["Hardware name"]: r for r in read_dicts(os.path.join(raw, "epoch-ai/ml_hardware.csv"))}
    out = []
    for canon, vendor, kind, form, ename, aliases, bf16, over in hw.ACCELERATORS:
        vals, srcs = {}, []
        if ename:
            e = epoch.get(ename)
            if e is None:
                fail("Epoch row %r not found" % ename)
            srcs.append("epoch-hardware")
            vals["tdp_w"] = num(e["TDP (W)"])
            mem = num(e["Memory size per board (Byte)"])
            vals["memory_gb"] = round(mem / 1e9, 1) if mem else None
            for f, c in EPOCH_COLS.items():
                v = num(e[c])
                vals[f] = v / 1e12 if v else None
            tensor = num(e["Tensor-FP16/BF16 performance (FLOP/s)"])
            plain16 = num(e["FP16 (half precision) performance (FLOP/s)"])
            f16 = tensor or plain16
            vals["fp16_tflops"] = f16 / 1e12 if f16 else None
            vals["bf16_tflops"] = tensor / 1e12 if (tensor and bf16) else None
            rd = e["Release date"].strip()
            vals["release_year"] = int(rd[:4]) if rd else None
            vals["die_mm2"] = num(e["Die Size (mm^2)"])
            vals["node_nm"] = num(e["Process size (nm)"])
        for f, ov in over.items():
            if ov is hw.BLANK:
                vals[f] = None
            else:
                vals[f] = ov[0]
                srcs.append(ov[1])
        method = "paper" if "embodied_kg" in over else ""
        if not method:
            kg = die_area_embodied(canon, vals)
            if kg is not None:
                vals["embodied_kg"], method = kg, "die-area"
                srcs.append("llmcarbon")
        row = [canon, "|".join(aliases), vendor, kind, form]
        for f in ACC_FIELDS:
            v = vals.get(f)
            if f in ("tdp_w", "release_year"):
                row.append("" if v is None else str(int(round(v))))
            elif f == "embodied_kg":
                row.append(fmt(v, 2))
            else:
                row.append(fmt(v, 3))
        row.insert(len(row), method)
        row.append(join_ids(srcs))
        out.append(row)
    return sorted(out, key=lambda r: r[0].lower())


def die_area_embodied(canon, vals):
    for prefix, fam in hw.LLMCARBON_FAMILY.items():
        if canon.startswith(prefix):
            area, node = hw.LLMCARBON_DIE[fam]
            return area * hw.LLMCARBON_CPA[node]
    die, node = vals.get("die_mm2"), vals.get("node_nm")
    if die and node and int(node) in hw.LLMCARBON_CPA and int(node) == node:
        return die / 100.0 * hw.LLMCARBON_CPA[int(node)]
    return None


# --------------------------------------------------------------------------- constants
def build_constants(raw):
    ga_cpu = read_dicts(os.path.join(raw, "green-algorithms/TDP_cpu.csv"), skip=1)
    per_core = sorted(num(r["TDP_per_core"]) for r in ga_cpu if num(r["TDP_per_core"]))
    q1, med, q3 = statistics.quantiles(per_core, n=4)
    use = read_dicts(os.path.join(raw, "ccf-coefficients/coefficients-aws-use.csv"))
    seen, ratios = set(), []
    for r in use:
        mn, mx = num(r["Min Watts"]), num(r["Max Watts"])
        if (mn, mx) in seen:  # Graviton rows copy EPYC 2nd Gen
            continue
        seen.add((mn, mx))
        ratios.append(mn / mx)
    ratios.sort()
    rq1, rmed, rq3 = statistics.quantiles(ratios, n=4)
    c = [
        ("memory_w_per_gb", 0.3725, "W/GB", 0.074, 0.392, "ga-data|codecarbon|ccf",
         "Green Algorithms referenceValues memoryPower; low = CodeCarbon v3 per-DIMM model on a 512 GB "
         "server (8x64 GB, 38 W); high = CCF 0.000392 kWh per GB-hour"),
        ("cpu_tdp_per_core_w", med, "W/core", q1, q3, "ga-data",
         "median (quartiles) of TDP_per_core over the %d CPUs of Green Algorithms TDP_cpu.csv" % len(per_core)),
        ("cpu_tdp_per_thread_w", 4, "W/thread", "", "", "codecarbon",
         "CodeCarbon fallback for an unknown CPU model: 4 W per logical thread"),
        ("cpu_idle_fraction", rmed, "ratio", rq1, rq3, "ccf-coefficients",
         "idle/full-load power per vCPU, median (quartiles) of Min/Max Watts over %d distinct "
         "micro-architectures in coefficients-aws-use.csv (SPECpower)" % len(ratios)),
        ("server_embodied_kg", 2500, "kgCO2e/server", 1000, 2500, "bloom-paper|ccf-coefficients",
         "BLOOM: HPE Apollo 6500 Gen10 Plus GPU server (8 GPUs, GPUs excluded); low = CCF baseline "
         "mono-socket rack server"),
        ("gpu_embodied_kg", 150, "kgCO2e/GPU", 14.65, 150, "bloom-paper|llmcarbon",
         "BLOOM: per NVIDIA A100 80GB card; low = LLMCarbon H100 die only (8.14 cm2 x 1.8 kg/cm2)"),
        ("server_lifetime_years", 6, "years", 4, 6, "bloom-paper|ccf-coefficients",
         "BLOOM amortisation period; low = CCF 4-year life"),
        ("server_use_share", 0.85, "ratio", "", "", "bloom-paper",
         "BLOOM: average share of the lifetime a server is in use (amortisation over 6 x 8760 x 0.85 h)"),
        ("gpu_power_fraction_training", 0.75, "ratio", 0.55, 1.0, "starcoder-2023|strubell-2019|patterson-2021",
         "average GPU draw / TDP while training: StarCoder 280 of 400 W (0.70); Strubell 2019 measured whole-system "
         "power per GPU 0.63 to 0.71 of TDP (an upper bound of the GPU share); high = TDP, the power cap"),
        ("gpu_power_fraction_finetuning", 0.6, "ratio", 0.35, 0.9, "starcoder-2023|ml-energy-leaderboard",
         "fine-tuning: between training and serving (shorter sequences, smaller batches, more data loading); "
         "no direct measurement found, so the range spans both neighbours"),
        ("gpu_power_fraction_inference", 0.5, "ratio", 0.25, 0.85, "ml-energy-leaderboard",
         "serving: average power rises with batch size from near idle to close to TDP; a wide range"),
        ("tpu_power_fraction_training", 0.64, "ratio", 0.54, 0.69, "patterson-2021",
         "measured system power per TPU v3 chip (host share included) / 450 W TDP: T5 310 W (0.69), "
         "GShard 288 W (0.64), Switch 245 W (0.54)"),
        ("host_power_fraction", 0.35, "ratio", 0.15, 0.8, "nvidia-dgx-datasheets|patterson-2021",
         "host (CPUs, memory, NICs, fans) per accelerator while working, as a share of the accelerator's TDP: DGX "
         "maximum system power less the GPUs' TDP gives 0.46 to 1.03 at full load; Patterson's GPT-3 system power "
         "(330 W per 300 W V100) implies about 0.35 above a GPU at 0.75"),
        ("training_goodput", 1.0, "ratio", 0.9, 1.0, "dubey-2024",
         "share of a training job's device time that does model work: Llama 3 405B pre-training had more than 90% "
         "effective training time over a 54-day snapshot with 466 job interruptions; published device-hours include "
         "the rest, so the low end of a compute estimate's MFU range is multiplied by 0.9"),
        ("pue_large_facility_low", 1.1, "ratio", "", "", "ccf",
         "lowest fleet PUE a large unknown facility plausibly has (hyperscale fleets 1.1 to 1.2): the low end of "
         "the industry-average range applied to clearly data-centre jobs"),
        ("dram_embodied_kg_per_gb", 0.4, "kgCO2e/GB", "", "", "llmcarbon", "Micron 18 nm DRAM"),
        ("ssd_embodied_kg_per_gb", 0.018, "kgCO2e/GB", "", "", "llmcarbon", "Samsung 20 nm NAND"),
        ("die_embodied_kg_per_cm2_16nm", 1.0, "kgCO2e/cm2", "", "", "llmcarbon", "TSMC 16 nm logic die"),
        ("die_embodied_kg_per_cm2_12nm", 1.2, "kgCO2e/cm2", "", "", "llmcarbon", "TSMC 12 nm logic die"),
        ("die_embodied_kg_per_cm2_7nm", 1.6, "kgCO2e/cm2", "", "", "llmcarbon", "TSMC 7 nm logic die"),
        ("die_embodied_kg_per_cm2_4nm", 1.8, "kgCO2e/cm2", "", "", "llmcarbon", "TSMC 4 nm logic die"),
        ("kg_per_lb", LB_TO_KG, "kg/lb", "", "", "pound-definition", "exact"),
        ("hours_per_year", 8760, "h", "", "", "bloom-paper", "non-leap year, as used for amortisation"),
    ]
    return [[k, fmt(v, 8), u, fmt(lo, 8), fmt(hi, 8), s, n] for k, v, u, lo, hi, s, n in sorted(c)]


# --------------------------------------------------------------------------- compute evidence
def build_mfu():
    return sorted([i, h, m, fmt(p, 4), fmt(v, 4), fmt(lo, 4), fmt(hi, 4), sid, n]
                  for i, h, m, p, v, lo, hi, sid, n in compute.MFU_EVIDENCE)


def build_moe():
    return sorted([m, a, fmt(t, 4), fmt(act, 4), sid, n] for m, a, t, act, sid, n in compute.MOE_MODELS)


# --------------------------------------------------------------------------- equivalents
def build_equivalents(raw):
    ref = {r["variable"]: num(r["value"])
           for r in read_dicts(os.path.join(raw, "green-algorithms/referenceValues.csv"), skip=1)}
    co2 = {r[0]: float(r[1]) for r in read_rows(os.path.join(raw, "carbontracker/co2eq.csv"))[1:]}
    g = lambda k: ref[k] / 1000.0  # noqa: E731  (g -> kg)
    e = [
        ("car_km_eu", "Passenger car, EU average fleet, 1 km", g("passengerCar_EU_perkm"), "km", "ga-data"),
        ("car_km_us", "Passenger car, US typical (EPA), 1 km", g("passengerCar_US_perkm"), "km", "ga-data"),
        ("car_km_eu_new_2020", "New passenger car sold in the EU in 2020 (EEA, test cycle), 1 km",
         co2["eu_new_car_2020"] / 1000.0, "km", "carbontracker"),
        ("train_km", "Train, 1 passenger-km (UK conversion factors 2020)", g("train_perkm"), "passenger-km", "ga-data"),
        ("flight_economy_km", "Economy flight, 1 passenger-km (UK conversion factors 2020)",
         g("flight_economy_perkm"), "passenger-km", "ga-data"),
        ("flight_ny_sf", "Flight New York - San Francisco, 1 passenger (carbonfootprint.com)",
         g("flight_NY-SF"), "flight", "ga-data"),
        ("flight_ny_sf_roundtrip_strubell", "Air travel, 1 passenger, New York <-> San Francisco (Strubell 2019: 1,984 lbs)",
         1984 * LB_TO_KG, "round trip", "strubell-2019"),
        ("flight_paris_london", "Flight Paris - London, 1 passenger (carbonfootprint.com)",
         g("flight_PAR-LON"), "flight", "ga-data"),
        ("flight_ny_melbourne", "Flight New York - Melbourne, 1 passenger (carbonfootprint.com)",
         g("flight_NYC-MEL"), "flight", "ga-data"),
        ("tree_month", "CO2 absorbed by one tree in one month", g("tree_month"), "tree-month", "ga-data"),
        ("tree_year", "CO2 absorbed by one tree in one year", g("treeYear"), "tree-year", "ga-data"),
        ("tree_seedling_10y", "Urban tree seedling grown for 10 years (carbon sequestered, EPA)",
         0.0604935136 * 1000, "seedling", "epa-ghg-equivalencies"),
        ("smartphone_charge", "One smartphone fully charged (EPA)", 8.220801116e-6 * 1000, "charge",
         "epa-ghg-equivalencies"),
        ("gasoline_gallon", "One US gallon of gasoline burned (EPA)", 8.887e-3 * 1000, "gallon",
         "epa-ghg-equivalencies"),
        ("netflix_hour", "One hour of video streaming (Carbon Brief factcheck)", g("streaming_netflix_perhour"),
         "hour", "ga-data"),
    ]
    return [[k, n, fmt(v, 9), u, s] for k, n, v, u, s in sorted(e)]


# --------------------------------------------------------------------------- sources
def source_rows(used):
    rows = []
    for sid in sorted(used):
        if sid not in SOURCES:
            fail("source_id %r used but not defined in sources.py" % sid)
        t, p, y, url, lic, basis, notes = SOURCES[sid]
        rows.append([sid, t, p, y, url, lic, basis, notes])
    return rows


# --------------------------------------------------------------------------- validation

HEADERS = {
    "SOURCES": ["source_id", "title", "publisher", "year", "url", "licence", "basis", "notes"],
    "zones": ["zone", "name", "kind", "iso3", "continent", "parent", "aliases"],
    "grid_intensity": ["zone", "year", "g_per_kwh", "source_id"],
    "cloud_regions": ["provider", "region", "name", "location", "zone", "g_per_kwh", "year", "cfe_share",
                      "pue", "source_id"],
    "pue": ["provider", "pue", "low", "high", "year", "source_id"],
    "accelerators": ["name", "aliases", "vendor", "kind", "form_factor", "tdp_w", "memory_gb", "fp64_tflops",
                     "fp32_tflops", "tf32_tflops", "fp16_tflops", "bf16_tflops", "fp8_tflops", "int8_tops",
                     "release_year", "embodied_kg", "embodied_method", "source_id"],
    "cpus": ["name", "vendor", "tdp_w", "cores", "threads", "source_id", "key"],
    "constants": ["key", "value", "unit", "low", "high", "source_id", "note"],
    "equivalents": ["key", "name", "kg_co2e_per_unit", "unit", "source_id"],
    "hourly_zones": ["zone", "name", "parent", "kind", "source_id"],
    "hourly_intensity": ["zone", "date", "g_per_kwh"],
    "region_grid_zones": ["provider", "region", "grid_zone", "source_id", "note"],
    "mfu": ["id", "hardware", "model", "params_b", "mfu", "low", "high", "source_id", "note"],
    "moe_models": ["model", "aliases", "total_params_b", "active_params_b", "source_id", "note"],
    "instances": INSTANCE_HEADER,
}


# --------------------------------------------------------------------------- cross-checks
def cross_checks(raw, t):
    """Print (never ship) comparisons with non-permissive tables."""
    latest = {}
    for z, y, g, s in t["grid_intensity"]:
        if z not in latest or y > latest[z][0]:
            latest[z] = (y, float(g))
    gpus = read_dicts(os.path.join(raw, "mlco2-impact/gpus.csv"))
    sparse = [r["name"] for r in gpus if r["name"].startswith("H100") and num(r["TFLOPS16"] or "")]
    warn("mlco2 gpus.csv H100 rows with sparse tensor figures (not used): %s" % ", ".join(sparse))
    reg = read_dicts(os.path.join(raw, "boaviztapi/regions.csv"))
    ours = {(r[0], r[1]): r[4] for r in t["cloud_regions"]}
    mism = 0
    for r in reg:
        p = {"ovhcloud": "ovh"}.get(r["provider"], r["provider"])
        z = ours.get((p, r["region"]))
        if z and t["zones_by"][z.split("-")[0]][3] != r["usage_location"]:
            mism += 1
            warn("boavizta region check: %s/%s -> %s here, %s there" % (p, r["region"], z, r["usage_location"]))
    warn("boavizta region->country cross-check mismatches: %d" % mism)
    for z in ("FR", "DE", "PL", "SE", "US", "WORLD"):
        warn("latest %s: %s g/kWh (%d)" % (z, latest[z][1], latest[z][0]))


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--raw", default=os.path.join(ROOT, "..", "shared", "data", "raw"))
    ap.add_argument("--out", default=os.path.join(ROOT, "data"))
    ap.add_argument("--check", action="store_true", help="validate and compare with files on disk; write nothing")
    a = ap.parse_args()
    raw = os.path.abspath(a.raw)
    if not os.path.isdir(raw):
        fail("raw data folder not found: %s" % raw)
    zones, grid = build_zones_and_intensity(raw)
    t = {
        "zones": zone_rows(zones),
        "grid_intensity": grid_rows(grid),
        "cloud_regions": build_cloud(raw),
        "pue": build_pue(),
        "accelerators": build_accelerators(raw),
        "cpus": build_cpus(raw),
        "constants": build_constants(raw),
        "equivalents": build_equivalents(raw),
        "mfu": build_mfu(),
        "moe_models": build_moe(),
    }
    t["hourly_zones"], t["hourly_intensity"], t["region_grid_zones"] = build_hourly(raw)
    # Built by tools/data/places.py (needs the npm gazetteer); read back for its source ids.
    t["region_locations"] = read_rows(os.path.join(a.out, "region_locations.csv"))[1:]
    t["instances"] = build_instances(raw, t["accelerators"], t["cpus"], t["constants"])
    t["constants"] = sorted(t["constants"] + [node_other_fraction(t["instances"], t["accelerators"],
                                                                  t["constants"])])
    used = set()
    for name, idx in SRC_COL.items():
        for r in t[name]:
            used.update(r[idx].split("|"))
    t["SOURCES"] = source_rows(used)
    validate(t)
    validate_hourly(t)
    t["zones_by"] = {r[0]: r for r in t["zones"]}
    cross_checks(raw, t)
    os.makedirs(a.out, exist_ok=True)
    stale = []
    for name, header in HEADERS.items():
        path = os.path.join(a.out, name + ".csv")
        if a.check:
            tmp = path + ".tmp"
            write_csv(tmp, header, t[name])
            same = os.path.exists(path) and open(path, "rb").read() == open(tmp, "rb").read()
            os.remove(tmp)
            if not same:
                stale.append(path)
        else:
            write_csv(path, header, t[name])
        print("%-18s %6d rows" % (name, len(t[name])))
    for w in WARNINGS:
        print("note: " + w)
    if stale:
        fail("out of date (re-run the build): " + ", ".join(stale))


if __name__ == "__main__":
    try:
        main()
    except BuildError as e:
        print("build_tables: ERROR: %s" % e, file=sys.stderr)
        sys.exit(1)
