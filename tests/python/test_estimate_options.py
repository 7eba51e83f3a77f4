"""carbonscope.estimate() takes every estimate option of the CLI: the issue-12 options
(whole_node, date, flops, facility_energy, price, pue_source, workload) and the whole
machines and market-based figure (instance, node, market_based) and the active parameters of a
mixture-of-experts model (active_params), each giving the same
report as the CLI's JSON."""

import json
import subprocess

import pytest

import carbonscope


def cli_json(cli, *args):
    return json.loads(subprocess.run([cli, "estimate", "--json", *args], capture_output=True, text=True,
                                     check=True).stdout)


@pytest.mark.parametrize("kwargs, flags", [
    (dict(gpu="A100 SXM4 80GB", count=8, hours=24, whole_node=True),
     ["--gpu", "A100 SXM4 80GB", "--count", "8", "--hours", "24", "--whole-node"]),
    (dict(gpu="V100 SXM2 16GB", hours=10, region="US", date="2019-06"),
     ["--gpu", "V100 SXM2 16GB", "--hours", "10", "--region", "US", "--date", "2019-06"]),
    (dict(gpu="A100 SXM4 80GB", count=64, flops="3.14e23"),
     ["--gpu", "A100 SXM4 80GB", "--count", "64", "--flops", "3.14e23"]),
    (dict(gpu="H100 SXM", count=16, hours=5, pue_source="industry", price="0.12/kWh", workload="fine-tuning"),
     ["--gpu", "H100 SXM", "--count", "16", "--hours", "5", "--pue-source", "industry", "--price", "0.12/kWh",
      "--workload", "fine-tuning"]),
    (dict(instance="a2-highgpu-8g", count=2, hours=12, cloud="us-central1"),
     ["--instance", "a2-highgpu-8g", "--count", "2", "--hours", "12", "--cloud", "us-central1"]),
    (dict(node="dgx-h100", hours=72, region="DE", market_based=0.6),
     ["--node", "dgx-h100", "--hours", "72", "--region", "DE", "--market-based", "0.6"]),
    (dict(gpu="H100 SXM", count=2048, params="671B", active_params="37B", tokens="14.8T", region="US"),
     ["--gpu", "H100 SXM", "--count", "2048", "--params", "671B", "--active-params", "37B", "--tokens", "14.8T",
      "--region", "US"]),
])
def test_keywords_equal_the_cli_flags(cli, kwargs, flags):
    expected = cli_json(cli, *flags)
    given = expected["estimate"].get("market_based", {}).get("cfe_share_provenance", {})
    if given.get("method") == "given":  # provenance names the argument as its caller wrote it
        assert given["detail"].startswith("--market-based")
        given["detail"] = given["detail"].replace("--market-based", "market_based")
    # Notes name an argument as its caller writes it: "--mfu narrows it" / "mfu narrows it".
    if "notes" in expected:
        expected["notes"] = [n.replace("; --mfu narrows it", "; mfu narrows it") for n in expected["notes"]]
    assert carbonscope.estimate(**kwargs).to_dict() == expected


def test_facility_energy_is_not_multiplied_by_a_pue():
    r = carbonscope.estimate(facility_energy=100, region="FR")
    assert r.facility_energy_kwh == pytest.approx(100)
    assert r.to_dict()["pue"]["central"] == 1


def test_machine_host_and_market_based_attributes():
    bare = carbonscope.estimate(gpu="A100 SXM4 80GB", count=8, hours=24, cloud="gcp:us-central1")
    assert bare.host["counted"] is False and bare.host["would_add_it_energy_kwh"]["central"] > 0
    assert bare.machine is None
    mb = bare.market_based
    assert mb["cfe_share_provenance"]["method"] == "reference"
    assert mb["emissions_kg"]["central"] == pytest.approx(bare.emissions_kg * (1 - mb["cfe_share"]))
    m = carbonscope.estimate(instance="p4d.24xlarge", hours=1)
    assert m.machine["gpu_count"] == 8 and m.host["counted"] is True
    assert carbonscope.estimate(gpu="H100 SXM", hours=1, market_based="none").market_based is None


def test_bad_machine_options_raise_typed_errors():
    with pytest.raises(carbonscope.NotFound, match="p4d.24xlarge"):
        carbonscope.estimate(instance="p4d.24xlarg", hours=1)
    with pytest.raises(carbonscope.InvalidArgument, match="drop gpu"):
        carbonscope.estimate(instance="p4d.24xlarge", gpu="H100 SXM", hours=1)
    with pytest.raises(TypeError, match="unexpected keyword"):
        carbonscope._carbonscope.estimate(gpu="H100 SXM", hours="1", colour="green")


def test_a_known_moe_total_without_its_active_count_is_refused_with_the_fix():
    with pytest.raises(carbonscope.InvalidArgument) as e:
        carbonscope.estimate(gpu="H100 SXM", count=2048, params="671B", tokens="14.8T", region="US")
    assert "active_params" in str(e.value)
