"""carbonscope.compat: CodeCarbon's API. The example script is CodeCarbon's usage with
only its import changed; it must run, print CodeCarbon's return values, and write
CodeCarbon's emissions.csv columns."""

import csv
import os
import pathlib
import re
import subprocess
import sys
import warnings

import pytest

from carbonscope import compat

ROOT = pathlib.Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "codecarbon_example.py"
# CodeCarbon 2.x's emissions.csv header (as its files on public model repositories show).
CODECARBON_2X = ("timestamp,project_name,run_id,duration,emissions,emissions_rate,cpu_power,gpu_power,ram_power,"
                 "cpu_energy,gpu_energy,ram_energy,energy_consumed,country_name,country_iso_code,region,"
                 "cloud_provider,cloud_region,os,python_version,codecarbon_version,cpu_count,cpu_model,gpu_count,"
                 "gpu_model,longitude,latitude,ram_total_size,tracking_mode,on_cloud,pue").split(",")


def test_example_differs_from_codecarbon_only_in_its_import():
    # Outside the docstring, carbonscope appears in one line: the import.
    body = EXAMPLE.read_text().split('"""', 2)[2]
    mentions = [ln for ln in body.splitlines() if "carbonscope" in ln]
    assert mentions == ["from carbonscope.compat import EmissionsTracker, OfflineEmissionsTracker, track_emissions"
                        "  # was: from codecarbon import ..."], mentions


def test_codecarbon_example_runs_unchanged(tmp_path):
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(sys.path))
    r = subprocess.run([sys.executable, str(EXAMPLE), str(tmp_path)], capture_output=True, text=True, env=env,
                       timeout=120)
    assert r.returncode == 0, r.stderr
    printed = dict(re.findall(r"^(\w+): ([0-9.e-]+) kg CO2", r.stdout, re.M))
    assert set(printed) == {"explicit", "context", "offline"}, r.stdout
    with open(tmp_path / "emissions.csv") as f:
        rows = list(csv.DictReader(f))
    header = list(rows[0].keys())
    assert [c for c in CODECARBON_2X if c not in header] == []
    by_project = {row["project_name"]: row for row in rows}
    assert set(by_project) == {"explicit", "context", "decorated", "offline"}
    for name, value in printed.items():  # stop()'s float is the CSV's emissions
        assert float(by_project[name]["emissions"]) == pytest.approx(float(value), rel=1e-9)
        assert float(value) > 0
    assert by_project["decorated"]["country_iso_code"] == "FRA"
    assert by_project["offline"]["region"] == "quebec"
    assert by_project["offline"]["experiment_id"] == "exp-42"
    assert by_project["explicit"]["tracking_mode"] == "process"
    assert by_project["context"]["tracking_mode"] == "machine"  # CodeCarbon's default
    # The unsupported argument warned (once), never failed.
    assert "save_to_api= is accepted but not used" in r.stderr


def test_unsupported_arguments_warn_once(tmp_path):
    compat._warned.discard("api_key")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        for _ in range(3):
            compat.EmissionsTracker(output_dir=str(tmp_path), api_key="x", measure_power_secs=1)
    mine = [w for w in caught if issubclass(w.category, compat.CodeCarbonCompatWarning)]
    assert len(mine) == 1 and "api_key" in str(mine[0].message)


def test_stop_returns_float_and_flush_so_far(tmp_path, monkeypatch):
    monkeypatch.setenv("CARBONSCOPE_FAKE_SENSORS", "cpu=45W")
    t = compat.EmissionsTracker(output_dir=str(tmp_path), output_file="my.csv", measure_power_secs=0.05,
                                country_iso_code="FRA")
    t.start()
    import time

    time.sleep(0.3)
    so_far = t.flush()
    kg = t.stop()
    assert isinstance(kg, float) and 0 < so_far <= kg
    assert t.final_emissions == kg
    data = t.final_emissions_data
    assert data.energy_consumed > 0 and data.country_iso_code == "FRA" and data.duration > 0
    assert (tmp_path / "my.csv").exists() and not (tmp_path / "emissions.csv").exists()
    # EmissionsData holds the figures of the run's emissions.csv row, not figures of its own.
    import csv

    with open(tmp_path / "my.csv") as f:
        row = list(csv.DictReader(f))[-1]
    for column in ("duration", "emissions", "emissions_rate", "cpu_power", "gpu_power", "ram_power", "cpu_energy",
                   "gpu_energy", "ram_energy", "energy_consumed", "pue"):
        assert getattr(data, column) == float(row[column]), column
    for column in ("country_name", "country_iso_code", "region", "on_cloud", "tracking_mode"):
        assert getattr(data, column) == row[column], column


def test_save_to_file_false_writes_nothing(tmp_path):
    t = compat.EmissionsTracker(output_dir=str(tmp_path), save_to_file=False, measure_power_secs=0.05)
    t.start()
    assert isinstance(t.stop(), float)
    assert list(tmp_path.iterdir()) == []


def test_cloud_arguments(tmp_path):
    t = compat.EmissionsTracker(output_dir=str(tmp_path), cloud_provider="gcp", cloud_region="europe-west1",
                                measure_power_secs=0.05)
    t.start()
    t.stop()
    with open(tmp_path / "emissions.csv") as f:
        row = next(csv.DictReader(f))
    assert (row["cloud_provider"], row["cloud_region"], row["on_cloud"]) == ("gcp", "europe-west1", "Y")
