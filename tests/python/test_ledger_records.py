"""A ledger on a network filesystem: each run becomes a record file in LEDGER.records/
instead of a SQLite write, and `carbonscope runs import LEDGER.records` merges them,
once. The network filesystem is forced with CARBONSCOPE_LEDGER_FS=network (no NFS
server here; the statfs detection itself is unit-tested with an injected statfs)."""

import json
import os
import subprocess


def run(cli, *args, env=None):
    return subprocess.run([cli, *args], capture_output=True, text=True, timeout=60,
                          env=dict(os.environ, **(env or {})))


def test_runs_on_a_network_ledger_become_record_files_merged_by_runs_import(tmp_path, cli, fake_sensors):
    ledger = tmp_path / "ledger.db"
    records = tmp_path / "ledger.db.records"
    network = {"CARBONSCOPE_LEDGER_FS": "network"}
    for _ in range(2):
        r = run(cli, "run", "--interval", "50ms", "--output-dir", str(tmp_path / "runs"), "--ledger", str(ledger),
                "--", "sleep", "0.2", env=network)
        assert r.returncode == 0, r.stderr
    assert not ledger.exists()  # SQLite never touched the network filesystem
    files = sorted(records.glob("*.json"))
    assert len(files) == 2
    doc = json.loads(files[0].read_text())
    assert doc["schema"] == "carbonscope.runs/1" and len(doc["runs"]) == 1
    assert doc["runs"][0].get("samples"), "the power series travels with the record"

    merged = run(cli, "runs", "import", str(records), "--ledger", str(ledger), env={"CARBONSCOPE_LEDGER_FS": "local"})
    assert merged.returncode == 0, merged.stderr
    assert merged.stdout.count("imported ") == 2
    again = run(cli, "runs", "import", str(records), "--ledger", str(ledger))
    assert again.returncode == 0 and "imported" not in again.stdout  # merging twice adds nothing
    listed = run(cli, "runs", "list", "--json", "--ledger", str(ledger))
    ids = {r["id"] for r in json.loads(listed.stdout)}
    assert ids == {d["runs"][0]["run"]["id"] for d in map(lambda f: json.loads(f.read_text()), files)}
