"""Hourly grid carbon-intensity tables for build_tables.py: the shipped hourly series
(US balancing authorities 2022 from EIA-930, Great Britain 2024 from the NESO Carbon
Intensity API), cleaned as FIXES.md says, packed one row per zone-day, plus the
cloud-region -> grid-zone mapping that tells `carbonscope plan` which series applies."""
import csv
import datetime as dt
import os
import statistics

from common import fail, warn

# IPCC AR5 (2014, Annex III) median life-cycle factors, gCO2e/kWh, per EIA-930 fuel
# column; OTH takes the biomass value. These reproduce HPE's avg_CI column exactly.
AR5 = {"WND": 11, "SUN": 41, "WAT": 24, "OIL": 650, "NG": 490, "COL": 820, "NUC": 12, "OTH": 230}

# EIA balancing-authority code -> display name. Parent zone is US for all of them.
US_BAS = {
    "AZPS": "Arizona Public Service",
    "BPAT": "Bonneville Power Administration",
    "CISO": "California ISO",
    "ERCO": "ERCOT (Texas)",
    "MISO": "Midcontinent ISO",
    "NYIS": "New York ISO",
    "PJM": "PJM Interconnection",
    "SOCO": "Southern Company",
}

# Hours with less than this share of the BA's median total generation are reporting
# outages (PJM 2022-10-01/02), not real grid states.
LOW_GENERATION_SHARE = 0.2
# Gaps up to this many hours are interpolated linearly; longer ones take the mean of
# the same hour one day before and one day after (keeps the daily shape).
MAX_LINEAR_GAP = 3

# (provider, region) -> (grid zone, note). Only where the data centre's public
# location lies unambiguously in that balancing authority / national grid.
REGION_GRID = {
    ("aws", "us-east-1"): ("PJM", "Northern Virginia: Dominion Energy's zone of PJM"),
    ("aws", "us-east-2"): ("PJM", "Columbus area, Ohio: AEP Ohio's zone of PJM"),
    ("aws", "us-west-1"): ("CISO", "Northern California (PG&E service area): California ISO"),
    ("aws", "us-west-2"): ("BPAT", "Umatilla/Morrow counties, Oregon: Bonneville's balancing authority"),
    ("aws", "eu-west-2"): ("GB", "London: Great Britain's national grid"),
    ("azure", "centralus"): ("MISO", "Des Moines, Iowa (MidAmerican Energy): Midcontinent ISO"),
    ("azure", "eastus"): ("PJM", "Virginia: Dominion Energy's zone of PJM"),
    ("azure", "eastus2"): ("PJM", "Virginia: Dominion Energy's zone of PJM"),
    ("azure", "northcentralus"): ("PJM", "Chicago, Illinois (ComEd): PJM"),
    ("azure", "southcentralus"): ("ERCO", "San Antonio, Texas: ERCOT"),
    ("azure", "westus"): ("CISO", "California: California ISO"),
    ("azure", "uksouth"): ("GB", "London: Great Britain's national grid"),
    ("azure", "ukwest"): ("GB", "Cardiff: Great Britain's national grid"),
    ("gcp", "europe-west2"): ("GB", "London: Great Britain's national grid"),
    ("gcp", "us-central1"): ("MISO", "Council Bluffs, Iowa (MidAmerican Energy): Midcontinent ISO"),
    ("gcp", "us-east4"): ("PJM", "Ashburn, Northern Virginia: Dominion Energy's zone of PJM"),
    ("gcp", "us-east5"): ("PJM", "Columbus, Ohio: AEP Ohio's zone of PJM"),
    ("gcp", "us-south1"): ("ERCO", "Dallas, Texas: ERCOT"),
    ("gcp", "us-west1"): ("BPAT", "The Dalles, Oregon: Bonneville's balancing authority"),
    ("ovh", "eu-west-eri"): ("GB", "Erith, London: Great Britain's national grid"),
    ("ovh", "us-east-vin"): ("PJM", "Vint Hill, Virginia: Dominion Energy's zone of PJM"),
}


def fill_gaps(values, label):
    """Fills None entries in place (see MAX_LINEAR_GAP); returns the filled indices."""
    n, filled, i = len(values), [], 0
    while i < n:
        if values[i] is not None:
            i += 1
            continue
        j = i
        while j < n and values[j] is None:
            j += 1
        length = j - i
        if i > 0 and j < n and length <= MAX_LINEAR_GAP:
            a, b = values[i - 1], values[j]
            for k in range(i, j):
                values[k] = a + (b - a) * (k - i + 1) / (length + 1)
        else:
            for k in range(i, j):
                around = [values[k + d] for d in (-24, 24) if 0 <= k + d < n and values[k + d] is not None]
                if not around:
                    fail("%s: gap of %d h at index %d cannot be filled" % (label, length, i))
                values[k] = sum(around) / len(around)
        filled.extend(range(i, j))
        i = j
    return filled


def read_eia(path, ba):
    with open(path, encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    start = dt.datetime(2022, 1, 1, tzinfo=dt.timezone.utc)
    values = [None] * len(rows)
    totals = {}
    for i, r in enumerate(rows):
        t = dt.datetime.fromisoformat(r["timestamp"])
        if t != start + dt.timedelta(hours=i):
            fail("%s: row %d is %s, expected consecutive hours" % (path, i + 2, r["timestamp"]))
        if not r["avg_CI"]:
            continue
        gen = {k: float(r[k] or 0) for k in AR5}
        total = sum(gen.values())
        if total <= 0:
            continue
        totals[i] = total
        ci = sum(AR5[k] * g for k, g in gen.items()) / total
        if abs(ci - float(r["avg_CI"])) > 0.01:
            fail("%s: row %d: AR5 factors give %.3f, file says %s" % (path, i + 2, ci, r["avg_CI"]))
        values[i] = ci
    empty = sum(1 for v in values if v is None)
    median = statistics.median(totals.values())
    low = [i for i, t in totals.items() if t < LOW_GENERATION_SHARE * median]
    for i in low:
        values[i] = None
    filled = fill_gaps(values, ba)
    warn("hourly %s: %d empty hours and %d low-generation hours filled (%d in all)" %
         (ba, empty, len(low), len(filled)))
    return start, values


def read_gb_api(folder):
    """Half-hourly actual intensity -> hourly means by timestamp; 2024-02-29 filled."""
    slots = {}
    for month in range(1, 13):
        path = os.path.join(folder, "%02d24.csv" % month)
        with open(path, encoding="utf-8", newline="") as f:
            for line, r in enumerate(csv.DictReader(f), start=2):
                t = dt.datetime.strptime(r["Datetime (UTC)"], "%Y-%m-%dT%H:%MZ").replace(tzinfo=dt.timezone.utc)
                v = r["Actual Carbon Intensity (gCO2/kWh)"].strip()
                if not v:
                    continue
                hour = t.replace(minute=0)
                if t in slots.get(hour, {}):
                    fail("%s:%d: duplicate slot %s" % (path, line, t))
                slots.setdefault(hour, {})[t] = float(v)
    start = dt.datetime(2024, 1, 1, tzinfo=dt.timezone.utc)
    n = 366 * 24
    values = [None] * n
    for i in range(n):
        got = slots.get(start + dt.timedelta(hours=i))
        if got:
            values[i] = sum(got.values()) / len(got)
    missing = sum(1 for v in values if v is None)
    fill_gaps(values, "GB")
    warn("hourly GB 2024: %d missing hours filled (29 Feb)" % missing)
    return start, values


def pack_days(zone, start, values):
    rows = []
    for d in range(len(values) // 24):
        day = (start + dt.timedelta(days=d)).date().isoformat()
        hours = values[d * 24:(d + 1) * 24]
        rows.append([zone, day, "|".join(str(int(round(v))) for v in hours)])
    return rows


def build_hourly(raw):
    """Returns (hourly_zones rows, hourly_intensity rows, region_grid_zones rows)."""
    folder = os.path.join(raw, "hourly")
    zones, days = [], []
    for ba, name in sorted(US_BAS.items()):
        start, values = read_eia(os.path.join(folder, "eia930-hpe-dcrl-2022", "%s_NG_&_avgCI.csv" % ba), ba)
        zones.append([ba, name, "US", "balancing-authority", "eia930"])
        days += pack_days(ba, start, values)
    start, values = read_gb_api(os.path.join(folder, "gb-carbonintensity-api-2024"))
    zones.append(["GB", "Great Britain", "GB", "national", "neso-carbon-intensity"])
    days += pack_days("GB", start, values)
    grid = []
    names = {z[0] for z in zones}
    for (provider, region), (zone, note) in sorted(REGION_GRID.items()):
        if zone not in names:
            fail("region_grid_zones: %s:%s maps to unknown zone %s" % (provider, region, zone))
        grid.append([provider, region, zone, "eia-balancing-authorities" if zone != "GB" else "neso-carbon-intensity",
                     note])
    return sorted(zones), sorted(days), grid


def validate_hourly(t):
    zones = {r[0] for r in t["hourly_zones"]}
    for r in t["hourly_intensity"]:
        if r[0] not in zones:
            fail("hourly_intensity: unknown zone %s" % r[0])
        vals = r[2].split("|")
        if len(vals) != 24:
            fail("hourly_intensity: %s %s has %d values" % (r[0], r[1], len(vals)))
        for v in vals:
            if not (0 <= int(v) <= 2000):
                fail("hourly_intensity: %s %s value %s out of range" % (r[0], r[1], v))
    regions = {(r[0], r[1]) for r in t["cloud_regions"]}
    for r in t["region_grid_zones"]:
        if (r[0], r[1]) not in regions:
            fail("region_grid_zones: %s:%s is not in cloud_regions" % (r[0], r[1]))
        if r[2] not in zones:
            fail("region_grid_zones: zone %s has no hourly series" % r[2])
