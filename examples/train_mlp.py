#!/usr/bin/python3
"""A small but real training job for carbonscope's quick start: a two-layer MLP
trained with mini-batch SGD on a synthetic classification task, in NumPy only.

    carbonscope run --country FR -- /usr/bin/python3 examples/train_mlp.py --epochs 20

It prints the loss and accuracy of each epoch; its energy is what carbonscope measures
(or, without RAPL/NVML, estimates from CPU utilisation and says so)."""
import argparse
import time

import numpy as np


def make_data(rng, n, d, classes):
    centers = rng.normal(0, 0.6, size=(classes, d))
    y = rng.integers(0, classes, size=n)
    x = centers[y] + rng.normal(0, 2.0, size=(n, d))
    return x.astype(np.float32), y


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--epochs", type=int, default=5)
    ap.add_argument("--samples", type=int, default=40000)
    ap.add_argument("--hidden", type=int, default=512)
    ap.add_argument("--batch", type=int, default=256)
    ap.add_argument("--lr", type=float, default=0.05)
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args()

    rng = np.random.default_rng(args.seed)
    d, classes = 64, 10
    x, y = make_data(rng, args.samples, d, classes)
    w1 = (rng.normal(0, 1, size=(d, args.hidden)) / np.sqrt(d)).astype(np.float32)
    b1 = np.zeros(args.hidden, np.float32)
    w2 = (rng.normal(0, 1, size=(args.hidden, classes)) / np.sqrt(args.hidden)).astype(np.float32)
    b2 = np.zeros(classes, np.float32)

    for epoch in range(1, args.epochs + 1):
        t0 = time.perf_counter()
        order = rng.permutation(len(x))
        total_loss = 0.0
        for start in range(0, len(x), args.batch):
            idx = order[start:start + args.batch]
            xb, yb = x[idx], y[idx]
            h = np.maximum(xb @ w1 + b1, 0)
            logits = h @ w2 + b2
            logits -= logits.max(axis=1, keepdims=True)
            p = np.exp(logits)
            p /= p.sum(axis=1, keepdims=True)
            total_loss += -np.log(p[np.arange(len(yb)), yb] + 1e-9).sum()
            g = p
            g[np.arange(len(yb)), yb] -= 1
            g /= len(yb)
            gw2, gb2 = h.T @ g, g.sum(axis=0)
            gh = (g @ w2.T) * (h > 0)
            gw1, gb1 = xb.T @ gh, gh.sum(axis=0)
            w1 -= args.lr * gw1
            b1 -= args.lr * gb1
            w2 -= args.lr * gw2
            b2 -= args.lr * gb2
        acc = ((np.maximum(x @ w1 + b1, 0) @ w2 + b2).argmax(axis=1) == y).mean()
        print(f"epoch {epoch:2d}  loss {total_loss / len(x):.4f}  accuracy {acc:.3f}  "
              f"({time.perf_counter() - t0:.2f}s)", flush=True)


if __name__ == "__main__":
    main()
