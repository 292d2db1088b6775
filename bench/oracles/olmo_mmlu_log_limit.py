"""Oracle of RunChasingInfinityTest: the infimum of the offset power law E + A*D^-alpha on OLMo's model ladder,
run 190M-10xC, MMLU bits-per-byte over its 65 checkpoints, fitted in log space (residuals ln y - ln f).

As E -> -inf, A -> +inf and alpha -> 0 the law tends to the log law c - k ln D; the sweep's SciPy peer finds no
finite point below that limit. This script fits the limit law by Levenberg-Marquardt from a few starts and prints
its RSS, and the RSS of the best constant (the answer scalefit gave before the fix).
Run from the repository root:  python3 bench/oracles/olmo_mmlu_log_limit.py
"""
import csv

import numpy as np
from scipy.optimize import least_squares

rows = [r for r in csv.DictReader(open("datasets/olmo-ladder2024-tasks.csv"))
        if r["kind"] == "checkpoint" and r["run"] == "190M-10xC"]
D = np.array([float(r["D"]) for r in rows])
y = np.array([float(r["mmlu_avg_test_bpb"]) for r in rows])
L = np.log(D)
best = None
for k0 in [0.01, 0.05, 0.1, 0.2]:
    for c0 in [y.max() + k0 * L.min(), 2, 5]:
        r = least_squares(lambda p: np.log(np.maximum(p[0] - p[1] * L, 1e-300)) - np.log(y), [c0, k0],
                          method="lm", xtol=1e-15, ftol=1e-15, gtol=1e-15)
        if best is None or 2 * r.cost < best[0]:
            best = (2 * r.cost, r.x)
print("n", len(D))
print("limit law c - k ln D, log-space RSS", repr(float(best[0])), "c, k", best[1])
print("best constant RSS", repr(float(((np.log(y) - np.log(y).mean()) ** 2).sum())))
