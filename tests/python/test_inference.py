"""Inference services measured per request.

The end-to-end test serves a tiny torch text generator over HTTP on 127.0.0.1
(tests/python/inference_server.py), tracked by `carbonscope run --requests-from
http://127.0.0.1:PORT/metrics`; a load generator sends a bounded number of light
requests (8 output tokens) at one rate, then heavy ones (96 tokens) at another, then
stops. The fit of per-interval energy against requests and tokens must find more energy
per heavy request than per light one (a per-token energy above zero, beyond its error)
and an idle draw that matches what the server drew once the load stopped.

On the development VM there is no RAPL: the CPU's power is carbonscope's model of it
(utilisation x the CPU's rating, docs/methodology-tracking.md), charged to the server's
process tree by its share of CPU time, plus its share of the memory model. So these
figures test the counting, the attribution and the fit on real work, not a meter.
"""

import csv
import json
import os
import pathlib
import signal
import socket
import subprocess
import sys
import time
import urllib.request

import pytest

import carbonscope

HERE = pathlib.Path(__file__).resolve().parent


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def get(url, timeout=10):
    with urllib.request.urlopen(url, timeout=timeout) as r:
        return r.read().decode()


def paced(port, count, tokens, rate, deadline):
    """`count` requests of `tokens` output tokens, one every 1/rate s (or back to back if slower)."""
    start = time.monotonic()
    for i in range(count):
        wait = start + i / rate - time.monotonic()
        if wait > 0:
            time.sleep(wait)
        assert time.monotonic() < deadline, "the load took too long for this machine"
        get(f"http://127.0.0.1:{port}/generate?tokens={tokens}&prompt=tell+me+more")


def test_inference_service_fit_end_to_end(cli, tmp_path):
    pytest.importorskip("torch")
    port, log = free_port(), tmp_path / "server.log"
    out = tmp_path / "runs"
    cmd = [cli, "run", "--quiet", "--interval", "500ms", "--output-dir", str(out), "--project", "tiny-llm",
           "--region", "FR", "--requests-from", f"http://127.0.0.1:{port}/metrics", "--",
           sys.executable, str(HERE / "inference_server.py"), str(port), str(log)]
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 50
    try:
        while True:  # torch's import takes a few seconds
            assert proc.poll() is None, proc.stderr.read()
            assert time.monotonic() < deadline, "the server did not start"
            try:
                get(f"http://127.0.0.1:{port}/metrics", timeout=1)
                break
            except OSError:
                time.sleep(0.2)
        time.sleep(3.0)  # idle at first, too
        paced(port, 40, 8, 8.0, deadline)    # light requests, 8 per second
        paced(port, 16, 96, 2.0, deadline)   # heavy requests, 2 per second
        time.sleep(4.0)                      # idle again: the server's idle draw
    finally:
        # carbonscope run forwards SIGTERM to the server; the server shuts down, and run writes the report.
        proc.send_signal(signal.SIGTERM)
        stdout, stderr = proc.communicate(timeout=20)
    assert proc.returncode == 0, stderr
    run_dir = next(p for p in out.iterdir() if p.is_dir())
    report = json.loads((run_dir / "report.json").read_text())
    inf = report["inference"]
    assert inf["requests"] == 56
    assert inf["output_tokens"] == 40 * 8 + 16 * 96
    fit = inf["fit"]
    assert fit["ok"], fit
    assert fit["intervals"] >= 20
    # The intervals before the metrics first answered (torch importing) are not idle time.
    assert any("starting" in n for n in fit["notes"]), fit["notes"]
    per_token = fit["j_per_output_token"]
    # More energy per request at a higher load per request: a heavy request (96 tokens)
    # costs more than a light one (8 tokens) beyond the fit's own error.
    assert per_token["low"] > 0, fit
    heavy = fit["j_per_request"]["value"] + 96 * per_token["value"]
    light = fit["j_per_request"]["value"] + 8 * per_token["value"]
    assert heavy > 2 * light, fit
    # The idle draw: what the server drew in the intervals after the load stopped.
    with open(run_dir / "requests.csv") as f:
        rows = [{k: float(v) for k, v in r.items()} for r in csv.DictReader(f)]
    last_busy = max(i for i, r in enumerate(rows) if r["requests"] > 0)
    tail = rows[last_busy + 2:]
    assert len(tail) >= 3, rows
    observed_idle_w = sum(r["energy_j"] for r in tail) / sum(r["dt_s"] for r in tail)
    idle = fit["idle_w"]
    assert abs(idle["value"] - observed_idle_w) <= max(4 * idle["se"], 0.3 * observed_idle_w), (idle, observed_idle_w)
    # Reported figures: per request, per 1,000 requests and per 1,000 output tokens, with emissions.
    g_per_wh = report["pue"]["central"] * report["intensity_g_per_kwh"]["central"] / 1000
    per_req = inf["per_request"]
    assert per_req["wh"]["central"] == pytest.approx(fit["j_per_request"]["value"] / 3600)
    assert per_req["g_co2e"]["central"] == pytest.approx(per_req["wh"]["central"] * g_per_wh)
    assert inf["per_1k_requests"]["wh"]["central"] == pytest.approx(1000 * per_req["wh"]["central"])
    assert inf["per_1k_output_tokens"]["wh"]["central"] == pytest.approx(per_token["value"] * 1000 / 3600)
    assert 0 <= inf["idle_share"] <= 1
    print(f"\nidle {idle['value']:.3f} W (observed {observed_idle_w:.3f} W), "
          f"{1000 * per_req['wh']['central']:.4f} mWh per request (+ per token), "
          f"{inf['per_1k_output_tokens']['wh']['central']:.4f} Wh per 1,000 output tokens, "
          f"heavy/light request energy x{heavy / light:.1f}")
    # The ledger holds the same figures (runs show --json).
    shown = json.loads(subprocess.run([cli, "runs", "show", "--json", report["run"]["id"]], capture_output=True,
                                      text=True, check=True).stdout)
    assert shown["inference"]["fit"]["idle_w"]["value"] == pytest.approx(idle["value"])


def test_requests_log_counts_matching_lines(cli, tmp_path, monkeypatch):
    """--requests-log FILE --match REGEX: one request per matching line, tokens from group 1."""
    monkeypatch.setenv("CARBONSCOPE_FAKE_SENSORS", "cpu=45W")
    log = tmp_path / "access.log"
    script = ("import time,sys\n"
              "f=open(sys.argv[1],'a')\n"
              "for i in range(30):\n"
              "    f.write('GET /health 200\\n' if i % 3 == 0 else f'POST /generate 200 out={i}\\n'); f.flush()\n"
              "    time.sleep(0.05 if i < 20 else 0.0)\n"
              "time.sleep(0.5)\n")
    r = subprocess.run([cli, "run", "--interval", "50ms", "--output-dir", str(tmp_path / "runs"), "--requests-log",
                        str(log), "--match", r"POST /generate 200 out=(\d+)", "--", sys.executable, "-c", script,
                        str(log)], capture_output=True, text=True, timeout=60)
    assert r.returncode == 0, r.stderr
    report = json.loads(next((tmp_path / "runs").glob("*/report.json")).read_text())
    inf = report["inference"]
    assert inf["requests"] == 20
    assert inf["output_tokens"] == sum(i for i in range(30) if i % 3)
    assert "carbonscope: requests    20" in r.stderr, r.stderr


def test_requests_options_are_checked(cli, tmp_path):
    r = subprocess.run([cli, "run", "--requests-from", "http://example.com/metrics", "--", "true"],
                       capture_output=True, text=True, timeout=30)
    assert r.returncode == 2 and "only this machine" in r.stderr, r.stderr
    r = subprocess.run([cli, "run", "--requests-log", str(tmp_path / "x.log"), "--", "true"],
                       capture_output=True, text=True, timeout=30)
    assert r.returncode == 2 and "--match" in r.stderr, r.stderr


def test_add_requests_fits_a_constant_draw(tmp_path, monkeypatch):
    """Fake constant sensors (45 W, the whole machine): every joule is idle draw, so the
    fit must find 45 W idle and no energy per request, from requests added in Python."""
    monkeypatch.setenv("CARBONSCOPE_FAKE_SENSORS", "cpu=45W")
    with carbonscope.track(interval=0.02, output_dir=str(tmp_path), scope="machine", ledger=False) as t:
        for i in range(60):
            t.add_requests(i % 4, input_tokens=3, output_tokens=(i % 4) * (10 + i % 7))
            time.sleep(0.01 + 0.01 * (i % 3))
    inf = t.result.inference
    assert inf is not None and inf["fit"]["ok"], inf
    assert inf["requests"] == sum(i % 4 for i in range(60))
    assert inf["fit"]["idle_w"]["value"] == pytest.approx(45.0, rel=0.02)
    assert abs(inf["fit"]["j_per_request"]["value"]) < 0.05 * 45 * 0.02
    assert os.path.exists(os.path.join(t.run_dir, "requests.csv"))
    with pytest.raises(ValueError):
        t.add_requests(-1)
