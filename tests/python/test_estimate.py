"""carbonscope.estimate() and the data look-ups: the same code as `carbonscope estimate`
and `carbonscope data`, checked against the CLI's JSON and a published figure."""

import json
import subprocess

import pytest

import carbonscope


def cli_json(cli, *args):
    return json.loads(subprocess.run([cli, "estimate", "--json", *args], capture_output=True, text=True,
                                     check=True).stdout)


def test_estimate_equals_the_cli_json(cli):
    r = carbonscope.estimate(gpu="A100 SXM4 80GB", count=8, hours=12, utilisation="80%", region="FR")
    assert r.to_dict() == cli_json(cli, "--gpu", "A100 SXM4 80GB", "--count", "8", "--hours", "12",
                                   "--utilisation", "80%", "--region", "FR")
    assert isinstance(r, carbonscope.EstimateResult)
    assert r.method == "estimated" and r.region == "France (FR)"
    assert r.assumptions["utilisation"] == 0.8
    assert len(r.equivalents) == 4 and len(r.alternatives) == 3


def test_numbers_take_documented_units(cli):
    r = carbonscope.estimate(power=400, count=2, duration=5400, memory=64, pue=1.2, intensity=57)
    expected = cli_json(cli, "--power", "400W", "--count", "2", "--duration", "90min", "--memory", "64GB",
                                   "--pue", "1.2", "--intensity", "57g/kWh")
    # Provenance names the argument the way its caller wrote it: --power / power.
    assert expected["components"][0]["detail"] == "--power"
    expected["components"][0]["detail"] = "power"
    assert r.to_dict() == expected
    r = carbonscope.estimate(energy=0.00001, region="FR")
    assert r.energy_kwh == pytest.approx(0.00001)


def test_energy_path_with_an_intensity_in_pounds():
    # A known energy, a PUE and a US-style intensity (lb/kWh), as Strubell 2019 used.
    r = carbonscope.estimate(energy="1515kWh", intensity="0.954lb/kWh", pue=1.58)
    assert r.facility_energy_kwh == pytest.approx(1515 * 1.58)
    assert r.emissions_kg == pytest.approx(1515 * 1.58 * 0.954 * 0.45359237, rel=1e-9)
    assert r.provenance["intensity"]["method"] == "given"


def test_data_lookups():
    a = carbonscope.accelerator("A100 SXM4 80GB")
    assert a["tdp_w"] == 400 and a["source_id"]
    assert a["aliases"] and all(isinstance(n, str) for n in a["aliases"])
    c = carbonscope.cpu("Xeon Gold 6248")
    assert c["tdp_w"] > 0 and c["cores"] > 0
    loc = carbonscope.location("FR")
    assert loc["zone"] == "FR" and loc["intensity_provenance"]["method"] == "reference"
    cloud = carbonscope.location(cloud="gcp:us-central1")
    assert cloud["provider"] == "gcp" and cloud["pue"][0] > 1
    ids = {s["id"] for s in carbonscope.sources()}
    assert loc["intensity_provenance"]["source_id"].split("|")[0] in ids
    with pytest.raises(carbonscope.NotFound):
        carbonscope.cpu("Pentium 9000 Ultra")


def test_data_lookups_are_the_cli_records(cli):
    # One function shapes an accelerator or CPU record (carbonscope/json.h) for both.
    import json
    import subprocess

    for table, name, lookup in (("hardware", "A100 SXM4 80GB", carbonscope.accelerator),
                                ("cpus", "Xeon Gold 6248", carbonscope.cpu)):
        out = subprocess.run([cli, "data", table, name, "--json"],
                             check=True, capture_output=True, text=True).stdout
        assert lookup(name) == json.loads(out)


def test_prediction_from_compute_matches_the_cli(cli):
    import json
    import subprocess

    py = carbonscope.estimate(gpu="H100 SXM5 80GB", count=8, params="7B", tokens="100B", region="FR")
    out = subprocess.run([cli, "estimate", "--gpu", "H100 SXM5 80GB", "--count", "8", "--params", "7B", "--tokens",
                          "100B", "--region", "FR", "--json"], check=True, capture_output=True, text=True).stdout
    ref = json.loads(out)
    assert py.to_dict()["energy_kwh"] == ref["energy_kwh"]
    assert ref["estimate"]["assumptions"]["compute"]["flops"] == 6 * 7e9 * 100e9


def test_a_likely_unit_slip_warns_as_the_cli_does():
    import warnings
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        r = carbonscope.estimate(power=100, hours=1, intensity="0.4g/kWh")
    assert any("did you mean 0.4kg/kWh" in str(w.message) for w in caught), [str(w.message) for w in caught]
    assert "_warnings" not in r.to_dict()
