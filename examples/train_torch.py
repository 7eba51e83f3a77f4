#!/usr/bin/env python3
"""A real PyTorch training loop (CPU, synthetic data) tracked in-process by carbonscope:
one phase per epoch with a forecast of the whole run after the first, an evaluation
phase, and the run's files in carbonscope-runs/ as `carbonscope run` writes them.

    /usr/bin/python3 examples/train_torch.py --epochs 5 --region FR
"""

import argparse

import torch
from torch import nn

import carbonscope


def make_data(n=4096, features=64, classes=10, seed=0):
    g = torch.Generator().manual_seed(seed)
    x = torch.randn(n, features, generator=g)
    w = torch.randn(features, classes, generator=g)
    y = (x @ w).argmax(dim=1)
    return x, y


def train(epochs=3, region="FR", interval=0.1, output_dir="carbonscope-runs", batch_size=128, budget_kg=None,
          quiet=False):
    """Trains a small MLP; returns the finished carbonscope.Tracker (t.result, t.epochs)."""
    torch.manual_seed(0)
    x, y = make_data()
    model = nn.Sequential(nn.Linear(x.shape[1], 256), nn.ReLU(), nn.Linear(256, 256), nn.ReLU(), nn.Linear(256, 10))
    opt = torch.optim.SGD(model.parameters(), lr=0.05, momentum=0.9)
    loss_fn = nn.CrossEntropyLoss()
    with carbonscope.track("train_torch example", region=region, interval=interval, output_dir=output_dir,
                           epochs=epochs, budget_kg=budget_kg) as t:
        for epoch in range(epochs):
            with t.epoch() as e:
                model.train()
                for i in range(0, len(x), batch_size):
                    opt.zero_grad()
                    loss = loss_fn(model(x[i:i + batch_size]), y[i:i + batch_size])
                    loss.backward()
                    opt.step()
            if not quiet:
                print(f"epoch {epoch + 1}: loss {loss.item():.3f}; {e.prediction or ''}")
        with t.phase("eval"), torch.no_grad():
            accuracy = (model(x).argmax(dim=1) == y).float().mean().item()
    if not quiet:
        r = t.result
        print(f"accuracy {accuracy:.3f}")
        print(f"{carbonscope.format_energy(r.energy_kwh)} ({r.method}), {carbonscope.format_emissions(r.emissions_kg)} "
              f"CO2e in {carbonscope.format_duration(r.duration_s)}; files in {r.run_dir}")
    return t


if __name__ == "__main__":
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--epochs", type=int, default=3)
    p.add_argument("--region", default="FR")
    p.add_argument("--interval", type=float, default=0.1)
    p.add_argument("--output-dir", default="carbonscope-runs")
    p.add_argument("--budget-kg", type=float, default=None)
    a = p.parse_args()
    train(a.epochs, a.region, a.interval, a.output_dir, budget_kg=a.budget_kg)
