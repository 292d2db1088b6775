#!/usr/bin/env python3
"""Generates datasets/hoffmann2022-isoflop-synthetic.csv: IsoFLOP runs computed from the parametric
law PUBLISHED by Hoffmann et al. (2022), "Training Compute-Optimal Large Language Models", Approach 3:

    L(N, D) = E + A / N^alpha + B / D^beta,  E = 1.69, A = 406.4, B = 410.7, alpha = 0.34, beta = 0.28,

with D = C / (6 N), for the nine FLOP budgets of the paper's Figure 3 (6e18 ... 3e21). These are NOT
DeepMind's runs (which are not public): for each budget, 13 model sizes are spread over about 1.3
decades around the law's optimum N_opt(C) = G (C/6)^(beta/(alpha+beta)), and 0.4 % seeded
multiplicative noise is added. Standard library only (random.Random, seed 2022).

Run from the repository root:  python3 datasets/generate_hoffmann2022_isoflop.py
"""
import math
import os
import random

HERE = os.path.dirname(os.path.abspath(__file__))
E, A, B, ALPHA, BETA = 1.69, 406.4, 410.7, 0.34, 0.28
BUDGETS = [6e18, 1e19, 3e19, 6e19, 1e20, 3e20, 6e20, 1e21, 3e21]


def main():
    rng = random.Random(2022)
    g = (ALPHA * A / (BETA * B)) ** (1 / (ALPHA + BETA))
    a = BETA / (ALPHA + BETA)
    with open(os.path.join(HERE, "hoffmann2022-isoflop-synthetic.csv"), "w") as f:
        f.write("flops,params,tokens,loss_law,loss\n")
        for c in BUDGETS:
            n_opt = g * (c / 6) ** a
            # Off-centre a little, as real sweeps are, so the parabola's vertex is found, not given.
            centre = math.log10(n_opt) + 0.12 * (rng.random() - 0.5)
            for i in range(13):
                n = 10 ** (centre - 0.7 + 1.35 * i / 12)
                d = c / (6 * n)
                law = E + A / n ** ALPHA + B / d ** BETA
                f.write(f"{c:.3g},{n:.6e},{d:.6e},{law:.6f},{law * math.exp(0.004 * rng.gauss(0, 1)):.6f}\n")


if __name__ == "__main__":
    main()
