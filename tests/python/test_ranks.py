"""Distributed training: one tracker per node, not per rank. N local "ranks" are real
processes started with the variables torchrun / srun set (LOCAL_RANK, LOCAL_WORLD_SIZE,
RANK, MASTER_ADDR/PORT; SLURM_LOCALID, SLURM_JOB_ID); each runs carbonscope.track().
Exactly one run is recorded for the node, and every rank gets the node's figures with
its own share. The rank helpers are unit-tested on plain dicts."""

import json
import os
import pathlib
import socket
import subprocess
import sys
import textwrap

import pytest

from carbonscope import _ranks

ROOT = pathlib.Path(__file__).resolve().parents[2]
BUILD = pathlib.Path(os.environ.get("CARBONSCOPE_BUILD_DIR", ROOT / "build"))
FAKE_NVML = BUILD / "tests" / "libfake_nvml.so"

RANK_SCRIPT = textwrap.dedent("""
    import json, sys, time
    import carbonscope
    with carbonscope.track("ddp", interval=0.05, output_dir=sys.argv[1], ledger=sys.argv[2]) as t:
        end = time.perf_counter() + float(sys.argv[3])
        while time.perf_counter() < end:
            pass
    r = t.result
    print(json.dumps({"run_id": r.run_id, "energy_kwh": r.energy_kwh, "share": r.rank_share,
                      "components": [(c["component"], c["label"]) for c in r.components]}))
""")


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def launch_ranks(tmp_path, env_of_rank, n, seconds=(0.6, 0.3, 0.45, 0.2), extra_env=None):
    script = tmp_path / "rank.py"
    script.write_text(RANK_SCRIPT)
    out = tmp_path / "runs"
    ledger = tmp_path / "ledger.db"
    procs = []
    for i in range(n):
        env = dict(os.environ, PYTHONPATH=str(BUILD / "python"), CARBONSCOPE_RANK_DIR=str(tmp_path),
                   CARBONSCOPE_RANK_WAIT="30", **(extra_env or {}), **env_of_rank(i))
        procs.append(subprocess.Popen([sys.executable, str(script), str(out), str(ledger), str(seconds[i % 4])],
                                      env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True))
    results = []
    for p in procs:
        stdout, stderr = p.communicate(timeout=60)
        assert p.returncode == 0, stderr
        results.append(json.loads(stdout.strip().splitlines()[-1]))
    return results, out


def run_dirs(out):
    return [d for d in out.iterdir() if d.is_dir()] if out.exists() else []


def test_torchrun_ranks_make_one_run_per_node(tmp_path, monkeypatch):
    monkeypatch.setenv("CARBONSCOPE_FAKE_SENSORS", "cpu=40W")
    port = str(free_port())
    n = 4
    results, out = launch_ranks(tmp_path, lambda i: {
        "LOCAL_RANK": str(i), "RANK": str(i), "LOCAL_WORLD_SIZE": str(n), "WORLD_SIZE": str(n),
        "MASTER_ADDR": "127.0.0.1", "MASTER_PORT": port}, n)
    dirs = run_dirs(out)
    assert len(dirs) == 1, [d.name for d in dirs]  # one record for the node, not one per rank
    assert (dirs[0] / "report.json").exists()
    ids = {r["run_id"] for r in results}
    assert ids == {dirs[0].name}  # every rank returns the node's run
    assert len({r["energy_kwh"] for r in results}) == 1 and results[0]["energy_kwh"] > 0
    shares = [r["share"] for r in results]
    assert [s["local_rank"] for s in shares] == list(range(n))
    # No GPU: each rank is charged an equal part of the node.
    assert sum(s["energy_kwh"] for s in shares) == pytest.approx(results[0]["energy_kwh"], rel=1e-9)
    # The emissions file has one row too.
    rows = (out / "emissions.csv").read_text().strip().splitlines()
    assert len(rows) == 2


def test_the_node_tracker_charges_the_launchers_process_tree(tmp_path, monkeypatch):
    """Rank 0 charges the tree of the launcher on this node (here: this test process, the
    parent of every rank), so the other ranks' work is in the node's run."""
    monkeypatch.setenv("CARBONSCOPE_FAKE_SENSORS", "cpu=40W")
    port = str(free_port())
    results, out = launch_ranks(tmp_path, lambda i: {
        "LOCAL_RANK": str(i), "LOCAL_WORLD_SIZE": "2", "MASTER_ADDR": "127.0.0.1", "MASTER_PORT": port}, 2)
    report = json.loads((run_dirs(out)[0] / "report.json").read_text())
    notes = " ".join(report.get("notes", []))
    assert f"process tree of pid {os.getpid()} " in notes, notes


def test_srun_tasks_make_one_run_per_node(tmp_path, monkeypatch):
    monkeypatch.setenv("CARBONSCOPE_FAKE_SENSORS", "cpu=40W")
    job = str(free_port())  # unique enough among the tests running at once
    results, out = launch_ranks(tmp_path, lambda i: {
        "SLURM_JOB_ID": job, "SLURM_STEP_ID": "0", "SLURM_LOCALID": str(i),
        "SLURM_PROCID": str(i), "SLURM_NODEID": "0", "SLURM_STEP_TASKS_PER_NODE": "3"}, 3)
    assert len(run_dirs(out)) == 1
    assert {r["share"]["local_world_size"] for r in results} == {3}
    assert sorted(r["share"]["rank"] for r in results) == [0, 1, 2]


@pytest.mark.skipif(not FAKE_NVML.exists(), reason="the fake NVML library (tests/gpu) is not built")
def test_gpus_are_charged_to_the_ranks_that_use_them(tmp_path, monkeypatch):
    monkeypatch.setenv("CARBONSCOPE_FAKE_SENSORS", "")
    monkeypatch.delenv("CARBONSCOPE_FAKE_SENSORS")
    port = str(free_port())
    env = {"CARBONSCOPE_NVML_LIBRARY": str(FAKE_NVML), "FAKE_NVML_DEVICES": "energy:Fake A100:;power:Fake H100:"}
    results, out = launch_ranks(tmp_path, lambda i: {
        "LOCAL_RANK": str(i), "LOCAL_WORLD_SIZE": "2", "MASTER_ADDR": "127.0.0.1", "MASTER_PORT": port}, 2,
        extra_env=env)
    assert len(run_dirs(out)) == 1
    report = json.loads((run_dirs(out)[0] / "report.json").read_text())
    per_gpu = {c["label"].split()[1]: c["energy_kwh"]["central"] for c in report["components"]
               if c["component"] == "gpu"}
    assert set(per_gpu) == {"0", "1"}
    for r in results:
        s = r["share"]
        assert s["gpus"] == [s["local_rank"]]
        assert s["gpu_energy_kwh"] == pytest.approx(per_gpu[str(s["local_rank"])])
    total = sum(r["share"]["energy_kwh"] for r in results)
    assert total == pytest.approx(report["energy_kwh"]["central"], rel=1e-9)


def test_a_follower_without_its_leader_warns_and_returns_none(tmp_path, monkeypatch):
    monkeypatch.setenv("LOCAL_RANK", "1")
    monkeypatch.setenv("LOCAL_WORLD_SIZE", "2")
    monkeypatch.setenv("MASTER_ADDR", "127.0.0.1")
    monkeypatch.setenv("MASTER_PORT", str(free_port()))
    monkeypatch.setenv("CARBONSCOPE_RANK_DIR", str(tmp_path))
    monkeypatch.setenv("CARBONSCOPE_RANK_WAIT", "0.2")
    import carbonscope

    with pytest.warns(carbonscope.RankWarning, match="CARBONSCOPE_RANK_WAIT"):
        with carbonscope.track(output_dir=tmp_path / "runs", ledger=False) as t:
            assert t.snapshot().samples == 0
    assert t.result is None
    assert not (tmp_path / "runs").exists()  # a follower writes nothing


def test_local_rank_and_world_size_from_each_launcher():
    assert _ranks.local_rank({"LOCAL_RANK": "3", "SLURM_LOCALID": "1"}) == 3
    assert _ranks.local_rank({"SLURM_LOCALID": "1"}) == 1
    assert _ranks.local_rank({"OMPI_COMM_WORLD_LOCAL_RANK": "2"}) == 2
    assert _ranks.local_rank({"RANK": "13", "LOCAL_WORLD_SIZE": "8"}) == 5
    assert _ranks.local_rank({"RANK": "13"}) is None
    assert _ranks.local_rank({}) is None
    assert _ranks.local_world_size({"LOCAL_WORLD_SIZE": "8"}) == 8
    slurm = {"SLURM_LOCALID": "0", "SLURM_STEP_TASKS_PER_NODE": "4(x2),1", "SLURM_NODEID": "2"}
    assert _ranks.local_world_size(slurm) == 1
    assert _ranks.local_world_size(dict(slurm, SLURM_NODEID="1")) == 4


def test_job_keys_and_gpu_mapping():
    assert _ranks.job_key({"SLURM_JOB_ID": "7", "SLURM_STEP_ID": "2", "MASTER_PORT": "1"}) == "slurm-7.2"
    assert _ranks.job_key({"TORCHELASTIC_RUN_ID": "abc"}) == "torchelastic-abc"
    assert _ranks.job_key({"MASTER_ADDR": "n1", "MASTER_PORT": "29500"}) == "master-n1:29500"
    assert _ranks.job_key({"LOCAL_RANK": "0"}) is None
    assert _ranks.rank_gpus({"LOCAL_RANK": "1"}) == [1]
    assert _ranks.rank_gpus({"LOCAL_RANK": "1", "CUDA_VISIBLE_DEVICES": "4,5,6"}) == [5]
    assert _ranks.rank_gpus({"LOCAL_RANK": "1", "CUDA_VISIBLE_DEVICES": "3"}) == [3]
    assert _ranks.rank_gpus({"LOCAL_RANK": "0", "CUDA_VISIBLE_DEVICES": "GPU-8a1b"}) == []
    assert _ranks.rank_gpus({}) == []


def test_srun_carbonscope_run_tracks_once_per_node(tmp_path, cli, monkeypatch):
    """`srun --ntasks-per-node=3 carbonscope run -- CMD`: three real carbonscope processes,
    one run recorded; the followers still run CMD and pass its exit status through."""
    monkeypatch.setenv("CARBONSCOPE_FAKE_SENSORS", "cpu=40W")
    out = tmp_path / "runs"
    job = str(free_port())
    procs = []
    for i in range(3):
        env = dict(os.environ, SLURM_JOB_ID=job, SLURM_STEP_ID="0", SLURM_LOCALID=str(i), SLURM_PROCID=str(i),
                   SLURM_NODEID="0", SLURM_STEP_TASKS_PER_NODE="3")
        cmd = [cli, "run", "--interval", "50ms", "--output-dir", str(out), "--no-ledger", "--",
               sys.executable, "-c", f"import time; time.sleep(0.3); raise SystemExit({i + 3})"]
        procs.append(subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True))
    codes, errs = [], []
    for p in procs:
        _, err = p.communicate(timeout=60)
        codes.append(p.returncode)
        errs.append(err)
    assert codes == [3, 4, 5]
    assert len(run_dirs(out)) == 1, errs
    assert "local rank 0 tracks this node" in errs[1] and "local rank 0 tracks this node" in errs[2]
    report = json.loads((run_dirs(out)[0] / "report.json").read_text())
    assert report["run"]["exit_code"] == 3
