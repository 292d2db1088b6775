#!/usr/bin/env python3
"""Generates the Kaplan et al. (2020) Figure 1 data sets from the paper's PUBLISHED LAWS.

Kaplan et al. did not publish their training runs, so these points are not measurements: they are
what the paper's own fitted laws predict, with a little seeded noise so that refitting them is a real
fit. Standard library only (random.Random, seed 2020), so the output is identical everywhere.

  kaplan2020-learning-curves.csv  learning curves L(N, S) for 36 model sizes (Eq. 1.6 / 5.6 with the
                                  Table 3 fit: alpha_N = 0.077, N_c = 6.5e13, alpha_S = 0.76, S_c = 2.1e3),
                                  S_min from Eq. 5.4 with B_crit(L) = B*/L^(1/alpha_B), B* = 2e8 tokens,
                                  alpha_B = 0.21 (Eq. 5.3), batch B = 2^19 tokens, C = 6·N·B·S and
                                  C_min = C / (1 + B/B_crit(L)) (Eq. 5.5), in PF-days (8.64e19 FLOP).
  kaplan2020-dataset-size.csv     7 points of L(D) = (D_c/D)^alpha_D, D_c = 5.4e13, alpha_D = 0.095 (Eq. 1.2).
  kaplan2020-parameters.csv       25 points of L(N) = (N_c/N)^alpha_N, N_c = 8.8e13, alpha_N = 0.076 (Eq. 1.1).

Run from the repository root:  python3 datasets/generate_kaplan2020.py
"""
import math
import os
import random

HERE = os.path.dirname(os.path.abspath(__file__))
PF_DAY = 8.64e19
B = 2.0 ** 19
ALPHA_N_S, N_C_S = 0.077, 6.5e13     # Table 3: the L(N, S) fit
ALPHA_S, S_C = 0.76, 2.1e3
B_STAR, ALPHA_B = 2e8, 0.21          # Eq. 5.3
ALPHA_D, D_C = 0.095, 5.4e13         # Eq. 1.2
ALPHA_N, N_C = 0.076, 8.8e13         # Eq. 1.1


def b_crit(loss):
    return B_STAR / loss ** (1 / ALPHA_B)


def loss_at(n, s):
    """Solves L = (N_c/N)^a_N + (S_c/S_min)^a_S with S_min = S / (1 + B_crit(L)/B) by bisection.

    The right side falls as L rises (B_crit shrinks), so the root is unique."""
    floor = (N_C_S / n) ** ALPHA_N_S
    lo, hi = floor, floor + 1e4
    for _ in range(200):
        mid = 0.5 * (lo + hi)
        s_min = s / (1 + b_crit(mid) / B)
        g = mid - floor - (S_C / s_min) ** ALPHA_S
        if g > 0:
            hi = mid
        else:
            lo = mid
    return 0.5 * (lo + hi)


def logspace(a, b, n):
    return [10 ** (math.log10(a) + (math.log10(b) - math.log10(a)) * i / (n - 1)) for i in range(n)]


def main():
    rng = random.Random(2020)
    with open(os.path.join(HERE, "kaplan2020-learning-curves.csv"), "w") as f:
        f.write("model,params,step,compute_pf_days,cmin_pf_days,loss_law,loss\n")
        for m, n in enumerate(logspace(1e3, 1.5e9, 36)):
            # Autocorrelated multiplicative noise: learning curves wiggle, they do not jitter.
            e = 0.0
            for s in logspace(20, 2.5e5, 90):
                law = loss_at(n, s)
                e = 0.8 * e + math.sqrt(1 - 0.64) * 0.006 * rng.gauss(0, 1)
                if law > 9.5:
                    continue
                c = 6 * n * B * s
                c_min = c / (1 + B / b_crit(law))
                f.write(f"m{m:02d},{n:.6g},{s:.6g},{c / PF_DAY:.6e},{c_min / PF_DAY:.6e},{law:.6f},{law * math.exp(e):.6f}\n")
    with open(os.path.join(HERE, "kaplan2020-dataset-size.csv"), "w") as f:
        f.write("tokens,loss_law,loss\n")
        for d in logspace(2.2e7, 2.3e9, 7):
            law = (D_C / d) ** ALPHA_D
            f.write(f"{d:.6e},{law:.6f},{law * math.exp(0.004 * rng.gauss(0, 1)):.6f}\n")
    with open(os.path.join(HERE, "kaplan2020-parameters.csv"), "w") as f:
        f.write("params,loss_law,loss\n")
        for n in logspace(7e3, 1.5e9, 25):
            law = (N_C / n) ** ALPHA_N
            f.write(f"{n:.6e},{law:.6f},{law * math.exp(0.006 * rng.gauss(0, 1)):.6f}\n")


if __name__ == "__main__":
    main()
