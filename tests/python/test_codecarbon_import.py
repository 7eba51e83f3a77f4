"""`carbonscope runs import emissions.csv`: CodeCarbon's history in each of its column
layouts (tests/fixtures/codecarbon) goes into the ledger with CodeCarbon's figures,
marked as given by CodeCarbon; importing a file twice is refused."""

import json
import pathlib
import subprocess

import pytest

FIXTURES = pathlib.Path(__file__).resolve().parents[1] / "fixtures" / "codecarbon"


def run(cli, *args, check=True):
    r = subprocess.run([cli, *args], capture_output=True, text=True, timeout=60)
    if check:
        assert r.returncode == 0, r.stderr
    return r


@pytest.mark.parametrize("version,rows", [("v1", 2), ("v2", 2), ("v3", 1)])
def test_import_each_layout(cli, version, rows):
    path = FIXTURES / f"emissions_{version}.csv"
    out = run(cli, "runs", "import", str(path)).stdout.split()
    ids = [w for w in out if w != "imported"]
    assert len(ids) == rows
    import csv

    with open(path) as f:
        source = list(csv.DictReader(f))
    listed = json.loads(run(cli, "runs", "list", "--json", "--tag", "codecarbon").stdout)
    assert len(listed) == rows
    for row, run_id in zip(source, ids):
        report = json.loads(run(cli, "runs", "show", "--json", run_id).stdout)
        assert report["emissions_kg"]["central"] == pytest.approx(float(row["emissions"]), rel=1e-12)
        assert report["facility_energy_kwh"]["central"] == pytest.approx(float(row["energy_consumed"]), rel=1e-9)
        assert report["run"]["duration_s"] == pytest.approx(float(row["duration"]))
        assert report["run"]["project"] == row["project_name"]
        assert all(c["method"] == "given" and "CodeCarbon" in c["detail"] for c in report["components"])
        assert any("imported from CodeCarbon" in n for n in report["notes"])
        if row.get("run_id"):
            assert "codecarbon-run:" + row["run_id"] in report["run"]["tags"]
    again = run(cli, "runs", "import", str(path), check=False)
    assert again.returncode != 0 and "already in the ledger" in again.stderr


def test_v3_components_and_pue(cli):
    out = run(cli, "runs", "import", str(FIXTURES / "emissions_v3.csv")).stdout.split()[1]
    report = json.loads(run(cli, "runs", "show", "--json", out).stdout)
    by = {c["component"]: c["energy_kwh"]["central"] for c in report["components"]}
    assert by == {"cpu": pytest.approx(0.0106), "ram": pytest.approx(0.00505)}
    assert report["pue"]["central"] == pytest.approx(2.0, rel=1e-3)
    assert "e52fe339-164d-4c2f-a8c1-608e3c8b9a64" in report["run"]["tags"]  # experiment_id, filterable


def test_carbonscope_own_emissions_csv_round_trips(cli, tmp_path, monkeypatch):
    monkeypatch.setenv("CARBONSCOPE_FAKE_SENSORS", "cpu=45W")
    run(cli, "run", "--quiet", "--interval", "50ms", "--output-dir", str(tmp_path), "--no-ledger", "--", "sleep", "0.3")
    report = json.loads(next(tmp_path.glob("*/report.json")).read_text())
    imported = run(cli, "runs", "import", str(tmp_path / "emissions.csv")).stdout.split()[1]
    back = json.loads(run(cli, "runs", "show", "--json", imported).stdout)
    assert back["emissions_kg"]["central"] == pytest.approx(report["emissions_kg"]["central"], rel=1e-6)


def test_not_a_csv_or_json(cli, tmp_path):
    bad = tmp_path / "notes.txt"
    bad.write_text("hello\n")
    r = run(cli, "runs", "import", str(bad), check=False)
    assert r.returncode != 0 and "emissions.csv" in r.stderr


def test_reimport_over_an_earlier_versions_ids_adds_nothing(cli, private_ledger):
    # A ledger filled by a carbonscope before the 48-bit run ids holds the same runs
    # as "<UTC second>-<6 hex digits>" (the low 24 bits of the same hash): importing the
    # file again must be refused, not add every run a second time.
    import sqlite3

    path = FIXTURES / "emissions_v1.csv"
    ids = [w for w in run(cli, "runs", "import", str(path)).stdout.split() if w != "imported"]
    assert ids and all(len(i.rsplit("-", 1)[1]) == 12 for i in ids)
    with sqlite3.connect(private_ledger) as db:
        for i in ids:
            stamp, bits = i.rsplit("-", 1)
            db.execute("UPDATE runs SET id = ? WHERE id = ?", (f"{stamp}-{bits[-6:]}", i))
    again = run(cli, "runs", "import", str(path), check=False)
    assert again.returncode != 0, again.stdout
    assert "the id an earlier carbonscope gave it" in again.stderr, again.stderr
    listed = json.loads(run(cli, "runs", "list", "--json", "--tag", "codecarbon").stdout)
    assert len(listed) == len(ids)
