#!/usr/bin/env python3
"""Generates datasets/slopes-baseline.csv and datasets/slopes-improved.csv: two recipes' runs for
`scalefit slopes`. Baseline loss = 30 * C^(-0.050), improved loss = 30 * C^(-0.056), each times
log-normal noise (sd 0.01 in ln loss), 16 runs each with compute log-spaced from 1e19 to 1e23 FLOP.
Seed 7. Run from the project root: python3 datasets/generate_slopes.py
"""
import math
import random

rng = random.Random(7)
for name, alpha in (("baseline", 0.050), ("improved", 0.056)):
    with open(f"datasets/slopes-{name}.csv", "w") as f:
        f.write("run,compute,loss\n")
        for i in range(16):
            c = 10 ** (19 + 4 * i / 15)
            loss = 30 * c ** -alpha * math.exp(0.01 * rng.gauss(0, 1))
            f.write(f"{name[0]}{i:02d},{c:.6e},{loss:.6f}\n")
