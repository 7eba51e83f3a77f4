"""One job, three surfaces: `carbonscope estimate` flags, carbonscope.estimate() keywords
and a project file's keys (`carbonscope lca`) reach the same estimate code, so their JSON
figures are identical; each shared check's error names the option as the surface spells
it (--pue, pue=, pue = in a file)."""

import json
import subprocess

import pytest

import carbonscope

PROJECT = """intensity = "100g"
pue = 1.2
[[training]]
hardware = "A100 SXM4 80GB"
count = 8
duration = "10h"
utilisation = "80%"
"""


def run(cli, *args):
    return subprocess.run([cli, *args], capture_output=True, text=True, timeout=60)


def test_the_same_job_gives_the_same_json(cli, tmp_path):
    flags = json.loads(run(cli, "estimate", "--json", "--gpu", "A100 SXM4 80GB", "--count", "8", "--duration", "10h",
                           "--utilisation", "80%", "--intensity", "100g", "--pue", "1.2").stdout)
    keywords = carbonscope.estimate(gpu="A100 SXM4 80GB", count=8, duration="10h", utilisation="80%",
                                    intensity="100g", pue=1.2).to_dict()
    assert keywords == flags
    project = tmp_path / "job.toml"
    project.write_text(PROJECT)
    lca = run(cli, "lca", str(project), "--json")
    assert lca.returncode == 0, lca.stderr
    entry = json.loads(lca.stdout)["entries"][0]
    # 8 x 400 W x 10 h x 80% = 25.6 kWh, x PUE 1.2, x 100 g/kWh: the same figures, bound for bound.
    assert flags["energy_kwh"]["central"] == pytest.approx(25.6, rel=1e-12)
    for key in ("energy_kwh", "facility_energy_kwh", "emissions_kg"):
        assert {b: entry[key][b] for b in ("central", "low", "high")} == \
               {b: flags[key][b] for b in ("central", "low", "high")}, key


def test_each_check_names_the_surfaces_spelling(cli, tmp_path):
    outside = "0.8 is outside 1.0 to 3.0"
    r = run(cli, "estimate", "--energy", "1kWh", "--pue", "0.8")
    assert r.returncode == 2 and f"--pue: {outside}" in r.stderr
    with pytest.raises(carbonscope.InvalidArgument, match=f"^pue: {outside}"):
        carbonscope.estimate(energy="1kWh", pue=0.8)
    project = tmp_path / "bad.toml"
    project.write_text("pue = 0.8\n[[idle]]\nenergy = \"1kWh\"\n")
    r = run(cli, "lca", str(project))
    assert r.returncode == 2 and f"{project}:1:7: the project.pue: {outside}" in r.stderr

    conflict = "conflicts with duration: give one of them"
    r = run(cli, "estimate", "--gpu", "A100 SXM4 80GB", "--duration", "10h", "--device-hours", "100")
    assert r.returncode == 2 and f"--device-hours {conflict.replace('duration', '--duration')}" in r.stderr
    with pytest.raises(carbonscope.InvalidArgument, match=f"^device_hours {conflict}"):
        carbonscope.estimate(gpu="A100 SXM4 80GB", duration="10h", device_hours=100)
    project.write_text("[[training]]\nhardware = \"A100 SXM4 80GB\"\nduration = \"10h\"\ndevice_hours = 100\n")
    r = run(cli, "lca", str(project))
    assert r.returncode == 2 and f"{project}:4:16: [[training]] #1.device_hours: {conflict}" in r.stderr

    r = run(cli, "run", "--interval", "5ms", "--no-ledger", "--", "true")
    assert r.returncode == 2 and "--interval 5ms: the shortest interval is 10ms" in r.stderr
    with pytest.raises(carbonscope.InvalidArgument, match="^interval 5ms: the shortest interval is 10ms"):
        carbonscope.track(interval="5ms")
