"""One version: CMake's project(VERSION) reaches the CLI's --version and Python's
__version__ through the C++ core (src/core/version.cc), not through literals."""

import pathlib
import re
import subprocess

import carbonscope


def test_cli_python_and_cmake_agree(cli):
    cmake = (pathlib.Path(__file__).resolve().parents[2] / "CMakeLists.txt").read_text()
    declared = re.search(r"project\(carbonscope VERSION ([0-9.]+)", cmake).group(1)
    assert carbonscope.__version__ == declared
    out = subprocess.run([cli, "--version"], capture_output=True, text=True, timeout=30).stdout.strip()
    assert out == f"carbonscope {declared}"


def test_reports_and_emissions_csv_name_the_same_version(cli, tmp_path, monkeypatch):
    import csv
    import json

    cmake = (pathlib.Path(__file__).resolve().parents[2] / "CMakeLists.txt").read_text()
    declared = re.search(r"project\(carbonscope VERSION ([0-9.]+)", cmake).group(1)
    monkeypatch.setenv("CARBONSCOPE_FAKE_SENSORS", "cpu=45W")
    r = subprocess.run([cli, "run", "--quiet", "--interval", "50ms", "--output-dir", str(tmp_path), "--", "sleep", "0.2"],
                       capture_output=True, text=True, timeout=60)
    assert r.returncode == 0, r.stderr
    with open(tmp_path / "emissions.csv") as f:
        assert [row["codecarbon_version"] for row in csv.DictReader(f)] == [f"carbonscope-{declared}"]
    out = subprocess.run([cli, "report", "last", "-f", "json"], capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    assert json.loads(out.stdout)["generated_by"] == f"carbonscope {declared}"
