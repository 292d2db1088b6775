#!/usr/bin/env python3
"""Generates datasets/jones2021-hex-runs.csv: AlphaZero training runs on Hex boards 3-9, following
the frontier model PUBLISHED by Jones (2021), "Scaling Scaling Laws with Board Games", Table of fitted
frontier parameters (Elo units):

    plateau(n)    = -270*n + 570
    incline(C, n) = 510*log10(C) - 430*n - 4400
    frontier      = min(0, max(incline, plateau))

i.e. about 500 Elo per tenfold compute and 10**(430/510) = 7.0 times more compute per extra board row.
These are NOT Jones's runs (his per-run data are not bundled here): each run follows the frontier
with its own compute efficiency (up to 0.9 decades behind), its own ceiling (small networks stop
short of perfect play), a start below the plateau, smooth corners and autocorrelated noise.
Standard library only (random.Random, seed 2021), so the output is identical everywhere.

Run from the repository root:  python3 datasets/generate_jones2021.py
"""
import math
import os
import random

HERE = os.path.dirname(os.path.abspath(__file__))
M_FLOPS, M_BOARD, C_INCLINE = 510.0, -430.0, -4400.0
M_PLATEAU, C_PLATEAU = -270.0, 570.0
RUNS = {3: 6, 4: 15, 5: 20, 6: 32, 7: 38, 8: 40, 9: 44}   # about as many as in Jones's figure
TAU = 45.0                                                 # corner softness, Elo


def smooth_max(a, b):
    m = max(a, b)
    return m + TAU * math.log(math.exp((a - m) / TAU) + math.exp((b - m) / TAU))


def smooth_min(a, b):
    return -smooth_max(-a, -b)


def main():
    rng = random.Random(2021)
    with open(os.path.join(HERE, "jones2021-hex-runs.csv"), "w") as f:
        f.write("board_size,run,flops,elo\n")
        for n, count in RUNS.items():
            plateau = M_PLATEAU * n + C_PLATEAU
            knee = (plateau - M_BOARD * n - C_INCLINE) / M_FLOPS      # log10 C where the incline leaves the plateau
            for r in range(count):
                lag = 0.0 if r == 0 else 0.9 * rng.random() ** 1.5      # decades behind the frontier
                ceiling = 0.0 if r == 0 else plateau * 0.7 * rng.random() ** 2
                floor = plateau - 140 * abs(rng.gauss(0, 1))
                start = knee - 1.3 + 0.6 * rng.random()
                end = start + 2.2 + 2.6 * rng.random()
                e = 0.0
                points = 24
                for i in range(points):
                    x = start + (end - start) * i / (points - 1)
                    incline = M_FLOPS * (x - lag) + M_BOARD * n + C_INCLINE
                    elo = smooth_min(smooth_max(incline, floor), ceiling)
                    e = 0.7 * e + math.sqrt(1 - 0.49) * 22 * rng.gauss(0, 1)
                    elo = min(0.0, elo + e)
                    f.write(f"{n},b{n}r{r:02d},{10 ** x:.6e},{elo:.2f}\n")


if __name__ == "__main__":
    main()
