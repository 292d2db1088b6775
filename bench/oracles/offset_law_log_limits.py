"""Oracle of RunChasingInfinityTest: the infimum of the offset power law E + A*x^-alpha, fitted in log space
(residuals ln y - ln f), on real subsets where it has no finite optimum.

As E -> -inf, A -> +inf and alpha -> 0 the law tends to the log law c - k ln x; the scaling sweep's SciPy peer finds
no finite point below that limit on these subsets. This script fits the limit law by Levenberg-Marquardt from a
grid of starts and prints its RSS (and, for OLMo, the RSS of the best constant: the answer scalefit gave before
the fix). Run from the repository root:  python3 bench/oracles/offset_law_log_limits.py
"""
import csv

import numpy as np
from scipy.optimize import least_squares


def limit(x, y):
    L = np.log(x)
    best = None
    for k0 in [0.001, 0.01, 0.05, 0.1, 0.2, 0.3]:
        for c0 in [y.max() + k0 * L.min(), y.mean() + k0 * L.mean(), 2, 5, 10]:
            r = least_squares(lambda p: np.log(np.maximum(p[0] - p[1] * L, 1e-300)) - np.log(y), [c0, k0],
                              method="lm", xtol=1e-15, ftol=1e-15, gtol=1e-15)
            if best is None or 2 * r.cost < best[0]:
                best = (2 * r.cost, r.x)
    return best


olmo = [r for r in csv.DictReader(open("datasets/olmo-ladder2024-tasks.csv"))
        if r["kind"] == "checkpoint" and r["run"] == "190M-10xC"]
x = np.array([float(r["D"]) for r in olmo])
y = np.array([float(r["mmlu_avg_test_bpb"]) for r in olmo])
rss, (c, k) = limit(x, y)
print("olmo 190M-10xC mmlu_avg_test_bpb on D: n", len(x), "limit RSS", repr(float(rss)), "c, k", c, k,
      "best constant RSS", repr(float(((np.log(y) - np.log(y).mean()) ** 2).sum())))

gadre = list(csv.DictReader(open("datasets/gadre2024-overtraining.csv")))
for ds, xc, yc, keep in [("c4_original", "compute_C", "loss_c4_val", lambda r: r["token_multiplier_M"] == "5.0"),
                         ("rw_original", "compute_C", "loss_c4_val", lambda r: r["token_multiplier_M"] == "5.0"),
                         ("rpj", "tokens_D", "err_avg_17", lambda r: r["size_label"] == "0.411B")]:
    rows = [r for r in gadre if r["dataset"] == ds and keep(r)]
    x = np.array([float(r[xc]) for r in rows])
    y = np.array([float(r[yc]) for r in rows])
    rss, (c, k) = limit(x, y)
    print("gadre", ds, yc, "on", xc, ": n", len(x), "limit RSS", repr(float(rss)), "c, k", c, k)
