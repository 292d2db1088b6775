#!/usr/bin/env python3
"""Oracle: `breaks` on weighted data, every number but the Monte-Carlo ones.

Fifteen weighted points of a power law whose exponent steepens in its last third (ln y = 2 - 0.1 u
- 0.03 max(u - u_10, 0) + noise / sqrt(w)), u = ln x, weights 1..4. Weighted least squares throughout
(rows scaled by sqrt(w), numpy.linalg.lstsq):
- the profile LR(tau) = n ln(RSS_single / RSS_hinge(tau)) over the 100-point grid from the m-th
  smallest to the m-th largest u, m = max(3, ceil(0.15 n)); its maximum, the location exp(tau_best),
  the slopes b1 and b1 + b2 of the hinge there, and Delta AIC = LR - 4 (two more parameters);
- Chow's predictive test of the last k = round(n/3) points against the first n - k:
  F = ((RSS_all - RSS_early)/k) / (RSS_early/(n - k - 2)), p = scipy.stats.f.sf(F, k, n - k - 2);
- each held-out point's prediction interval ln y_hat +- t(1 - level/2, n - k - 2) * s * sqrt(1/w + h),
  h = x'(X'WX)^-1 x from the early fit, and which points fall outside it.
Writes src/test/resources/oracles/breaks_weighted.json.  python3 bench/oracles/breaks_weighted.py
"""
import json
import math
import pathlib

import numpy as np
import scipy
from scipy import stats

ROOT = pathlib.Path(__file__).resolve().parents[2]
OUT = ROOT / "src/test/resources/oracles/breaks_weighted.json"


def main(level=0.05):
    rng = np.random.default_rng(20)
    n = 15
    x = np.round(np.geomspace(1e3, 1e7, n), 6)
    w = np.array([1, 2, 3, 4, 1, 2, 3, 4, 1, 2, 3, 4, 1, 2, 3], dtype=float)
    u = np.log(x)
    y = np.round(np.exp(2 - 0.1 * u - 0.03 * np.maximum(u - u[9], 0) + 0.03 * rng.standard_normal(n) / np.sqrt(w)), 12)
    v = np.log(y)
    sw = np.sqrt(w)

    def fit(X, yy, ww):
        s = np.sqrt(ww)
        coef = np.linalg.lstsq(X * s[:, None], yy * s, rcond=None)[0]
        return coef, float(np.sum(ww * (yy - X @ coef) ** 2))

    X0 = np.column_stack([np.ones(n), u])
    _, r0 = fit(X0, v, w)
    m = max(3, math.ceil(0.15 * n))
    taus = u[m - 1] + (u[n - m] - u[m - 1]) * np.arange(100) / 99
    prof = np.array([n * math.log(r0 / fit(np.column_stack([X0, np.maximum(u - t, 0)]), v, w)[1]) for t in taus])
    best = int(np.argmax(prof))
    coef, _ = fit(np.column_stack([X0, np.maximum(u - taus[best], 0)]), v, w)

    k = round(n / 3)
    t_ = n - k
    ce, re = fit(X0[:t_], v[:t_], w[:t_])
    _, ra = fit(X0, v, w)
    dof = t_ - 2
    s2 = re / dof
    F = ((ra - re) / k) / s2
    p = float(stats.f.sf(F, k, dof))
    inv = np.linalg.inv((X0[:t_] * w[:t_, None]).T @ X0[:t_])
    q = stats.t.ppf(1 - level / 2, dof)
    outside = []
    for r in range(t_, n):
        pred = ce[0] + ce[1] * u[r]
        h = X0[r] @ inv @ X0[r]
        half = q * math.sqrt(s2 * (1 / w[r] + h))
        if abs(v[r] - pred) > half:
            outside.append({"row": r + 2, "x": x[r], "y": y[r], "predicted": math.exp(pred),
                            "lower": math.exp(pred - half), "upper": math.exp(pred + half)})
    out = {"_source": "bench/oracles/breaks_weighted.py (SciPy %s, NumPy %s)" % (scipy.__version__, np.__version__),
           "x": x.tolist(), "y": y.tolist(), "w": w.tolist(), "level": level,
           "best": best, "location": math.exp(taus[best]), "likelihood_ratio": float(prof[best]),
           "delta_aic": float(prof[best]) - 4, "slopes": [float(coef[1]), float(coef[1] + coef[2])],
           "trained": t_, "holdout": k, "chow_f": float(F), "prediction_p": p, "outside": outside}
    OUT.write_text(json.dumps(out, indent=1) + "\n")
    print(best, out["location"], out["slopes"], F, p, len(outside))


if __name__ == "__main__":
    main()
