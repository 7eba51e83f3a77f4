"""lca inference phases take a ledger run's measured per-request figures
(energy_per_request = "ledger:RUN_ID")."""

import json
import subprocess
import time

import pytest

import carbonscope


def measured_run(tmp_path, monkeypatch, ledger):
    """A run with a constant 45 W (fake sensors, the whole machine) and requests counted:
    the fit finds 45 W idle and ~0 J per request."""
    monkeypatch.setenv("CARBONSCOPE_FAKE_SENSORS", "cpu=45W")
    with carbonscope.track(interval=0.02, output_dir=str(tmp_path / "runs"), scope="machine", ledger=str(ledger),
                           region="FR") as t:
        for i in range(40):
            t.add_requests(i % 3)
            time.sleep(0.01 + 0.005 * (i % 4))
    carbonscope.wait_recorded()  # the CLI reads the ledger next; its commit follows stop() on a thread
    return t.result


def lca(cli, tmp_path, ledger, body):
    project = tmp_path / "p.toml"
    project.write_text('name = "api"\nregion = "FR"\n\n[[inference]]\n' + body)
    r = subprocess.run([cli, "lca", str(project), "--json", "--ledger", str(ledger)], capture_output=True, text=True,
                       timeout=60)
    return r


def test_ledger_run_per_request_figures(cli, tmp_path, monkeypatch):
    ledger = tmp_path / "l.db"
    result = measured_run(tmp_path, monkeypatch, ledger)
    fit = result.inference["fit"]
    assert fit["ok"]
    # With a duration: idle draw x duration + marginal per request x requests.
    r = lca(cli, tmp_path, ledger, f'name = "chat"\nenergy_per_request = "ledger:{result.run_id}"\n'
                                   'requests = 1000\nduration = "1h"\n')
    assert r.returncode == 0, r.stderr
    doc = json.loads(r.stdout)
    entry = next(e for e in doc["entries"] if e["name"] == "chat")
    assert result.run_id in entry["detail"] and entry["part"] == "inference"
    expected_kwh = (fit["idle_w"]["value"] * 1 + fit["j_per_request"]["value"] / 3600 * 1000) / 1000
    assert expected_kwh == pytest.approx(0.045, rel=0.03)  # 45 W for an hour
    assert entry["energy_kwh"]["central"] == pytest.approx(expected_kwh, rel=1e-6)
    assert entry["energy_kwh"]["low"] <= entry["energy_kwh"]["central"] <= entry["energy_kwh"]["high"]
    # Without a duration: the run's mean energy per request (idle included) x requests.
    r = lca(cli, tmp_path, ledger, f'name = "chat"\nenergy_per_request = "ledger:{result.run_id}"\nrequests = 1000\n')
    assert r.returncode == 0, r.stderr
    entry = next(e for e in json.loads(r.stdout)["entries"] if e["name"] == "chat")
    assert entry["energy_kwh"]["central"] == pytest.approx(result.inference["mean_wh_per_request"], rel=1e-6)


def test_ledger_run_without_requests_is_an_error(cli, tmp_path, monkeypatch):
    ledger = tmp_path / "l.db"
    monkeypatch.setenv("CARBONSCOPE_FAKE_SENSORS", "cpu=45W")
    with carbonscope.track(interval=0.05, output_dir=str(tmp_path / "runs"), ledger=str(ledger)) as t:
        time.sleep(0.1)
    carbonscope.wait_recorded()
    r = lca(cli, tmp_path, ledger, f'energy_per_request = "ledger:{t.run_id}"\nrequests = 10\n')
    assert r.returncode != 0 and "counted no requests" in r.stderr, r.stderr

