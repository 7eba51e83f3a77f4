"""Shared helpers of the table build (tools/data/build_tables.py): CSV reading and
writing, deterministic number formatting, warnings and failures."""
import csv
import io
import os

LB_TO_KG = 0.45359237
ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
WARNINGS = []


class BuildError(Exception):
    pass


def fail(msg):
    raise BuildError(msg)


def warn(msg):
    WARNINGS.append(msg)


def fmt(x, nd=3):
    """Fixed float format: at most nd decimals, no trailing zeros, '' for None."""
    if x is None or x == "":
        return ""
    if isinstance(x, str):
        return x
    s = ("%." + str(nd) + "f") % float(x)
    if "." in s:
        s = s.rstrip("0").rstrip(".")
    return "0" if s in ("-0", "") else s


def num(s):
    s = (s or "").strip()
    if s == "" or s.lower() in ("nan", "unk", "n/a", "inf", "-"):
        return None
    try:
        return float(s)
    except ValueError:
        warn("malformed number %r skipped" % s)
        return None


def read_rows(path, skip=0):
    with open(path, encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f))
    return rows[skip:]


def read_dicts(path, skip=0):
    rows = read_rows(path, skip)
    head = [h.strip() for h in rows[0]]
    return [dict(zip(head, r)) for r in rows[1:] if any(c.strip() for c in r)]


def write_csv(path, header, rows):
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(header)
    for r in rows:
        w.writerow(["" if v is None else v for v in r])
    with open(path, "w", encoding="utf-8", newline="") as f:
        f.write(buf.getvalue())


def join_ids(ids):
    out = []
    for i in ids:
        if i and i not in out:
            out.append(i)
    return "|".join(out)
