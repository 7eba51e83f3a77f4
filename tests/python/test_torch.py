"""A real PyTorch training loop (examples/train_torch.py, CPU) tracked in-process:
its epochs and eval phase, the energy, the method on this machine and the files.
Skipped where Debian's python3-torch is not installed."""

import csv
import importlib.util
import json
import os
import pathlib

import pytest

torch = pytest.importorskip("torch")

EXAMPLE = pathlib.Path(__file__).resolve().parents[2] / "examples" / "train_torch.py"


def load_example():
    spec = importlib.util.spec_from_file_location("train_torch", EXAMPLE)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def rapl_readable():
    root = pathlib.Path("/sys/class/powercap")
    return any(os.access(p, os.R_OK) for p in root.glob("intel-rapl:*/energy_uj")) if root.exists() else False


def test_torch_training_loop_is_tracked(tmp_path):
    t = load_example().train(epochs=3, interval=0.1, output_dir=str(tmp_path), quiet=True)
    r = t.result
    assert [p.name for p in r.phases] == ["epoch 1", "epoch 2", "epoch 3", "eval"]
    assert all(p.energy_kwh > 0 and p.duration_s > 0 for p in r.phases)
    assert sum(p.energy_kwh for p in r.phases) <= r.energy_kwh * 1.0001
    assert r.energy_kwh > 0 and r.emissions_kg > 0
    assert r.region == "France (FR)" and r.project == "train_torch example"
    if not rapl_readable():
        assert r.method == "estimated"  # no RAPL here: the CPU and memory models
    assert t.prediction.epochs_done == 3
    # The run's files, as `carbonscope run` writes them.
    run_dir = tmp_path / r.run_id
    assert json.loads((run_dir / "report.json").read_text()) == r.to_dict()
    assert len((run_dir / "samples.csv").read_text().splitlines()) > 3
    rows = list(csv.DictReader(open(tmp_path / "emissions.csv")))
    assert [row["run_id"] for row in rows] == [r.run_id]
    assert float(rows[0]["energy_consumed"]) == pytest.approx(r.facility_energy_kwh, rel=1e-6)


def test_dataloader_workers_are_forked_under_a_running_tracker():
    # Forking while the C++ sampler thread runs must neither hang nor break the run.
    from torch.utils.data import DataLoader, TensorDataset

    import carbonscope

    ds = TensorDataset(torch.randn(2000, 16), torch.randint(0, 2, (2000,)))
    with carbonscope.track(interval=0.02, output_dir=None) as t:
        for _ in range(2):
            with t.epoch():
                assert sum(len(xb) for xb, _ in DataLoader(ds, batch_size=100, num_workers=2)) == 2000
    assert [p.name for p in t.result.phases] == ["epoch 1", "epoch 2"]
    assert t.result.energy_kwh > 0
