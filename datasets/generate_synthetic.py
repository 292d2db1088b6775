#!/usr/bin/env python3
"""Generates datasets/synthetic-loss-vs-compute.csv: 30 runs with loss = 1.8 + 1000 * C^(-0.15)
times log-normal noise (sd 0.02 in ln loss), C log-spaced from 1e17 to 1e23 FLOP. Seed 2024.
Run: python3 datasets/generate_synthetic.py > datasets/synthetic-loss-vs-compute.csv
"""
import math
import random

rng = random.Random(2024)
print("run,compute,loss")
for i in range(30):
    c = 10 ** (17 + 6 * i / 29)
    loss = (1.8 + 1000 * c ** -0.15) * math.exp(0.02 * rng.gauss(0, 1))
    print(f"r{i:02d},{c:.6e},{loss:.6f}")
