#!/usr/bin/python3
"""Step time of a real training loop (PyTorch CPU MLP; numpy if torch is absent) with
and without carbonscope tracking it at 100 ms intervals. Rounds interleave three arms,
untracked (A), tracked (T) and untracked again (B), their order rotated each round so
drift hits all alike; the B/A ratio shows this machine's noise floor next to T/A. Each arm times STEPS steps per round;
tracker start/stop are outside the timed steps (they happen once per run).
Usage: bench/python_overhead.py [BUILD_DIR] [ROUNDS] [STEPS]"""
import os
import statistics
import sys
import time

build = sys.argv[1] if len(sys.argv) > 1 else "build"
rounds = int(sys.argv[2]) if len(sys.argv) > 2 else 12
steps = int(sys.argv[3]) if len(sys.argv) > 3 else 1000
sys.path.insert(0, os.path.abspath(os.path.join(build, "python")))
import carbonscope  # noqa: E402

try:
    import torch
    from torch import nn

    torch.manual_seed(0)
    x, y = torch.randn(64, 128), torch.randint(0, 10, (64,))
    model = nn.Sequential(nn.Linear(128, 256), nn.ReLU(), nn.Linear(256, 256), nn.ReLU(), nn.Linear(256, 10))
    opt = torch.optim.SGD(model.parameters(), lr=0.01)
    loss_fn = nn.CrossEntropyLoss()
    kind = f"torch {torch.__version__}, {torch.get_num_threads()} threads, MLP 128-256-256-10, batch 64"

    def step():
        opt.zero_grad()
        loss_fn(model(x), y).backward()
        opt.step()
except ImportError:
    import numpy as np

    rng = np.random.default_rng(0)
    a, w = rng.standard_normal((128, 512)), rng.standard_normal((512, 512))
    kind = "numpy matmul 128x512x512 (torch absent)"

    def step():
        global w
        w = w - 1e-6 * (a.T @ (a @ w))


def timed(n):
    """Per-step times (s) of n steps."""
    out = []
    for _ in range(n):
        t0 = time.perf_counter()
        step()
        out.append(time.perf_counter() - t0)
    return out


timed(50)  # warm-up
arms = {"A": [], "T": [], "B": []}
samples = 0


def run_arm(name):
    global samples
    if name != "T":
        arms[name] += timed(steps)
        return
    with carbonscope.track(interval=0.1, output_dir=None) as t:
        arms["T"] += timed(steps)
    samples += t.snapshot().samples


order = ["A", "T", "B"]
for r in range(rounds):
    for name in order[r % 3:] + order[:r % 3]:
        run_arm(name)

med = {k: statistics.median(v) * 1e3 for k, v in arms.items()}
mean = {k: statistics.fmean(v) * 1e3 for k, v in arms.items()}
print(f"workload: {kind}; {rounds} rounds x {steps} steps per arm; tracked arm sampled {samples} times")
for k in arms:
    print(f"  {k} median step {med[k]:7.3f} ms   mean {mean[k]:7.3f} ms")
base_med, base_mean = (med["A"] + med["B"]) / 2, (mean["A"] + mean["B"]) / 2
print(f"  tracked / untracked (T / mean of A,B): median {med['T'] / base_med:.4f}  mean {mean['T'] / base_mean:.4f}")
print(f"  noise floor (B / A):                   median {med['B'] / med['A']:.4f}  mean {mean['B'] / mean['A']:.4f}")
