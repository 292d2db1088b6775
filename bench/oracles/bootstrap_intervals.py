#!/usr/bin/env python3
"""Oracle: bootstrap percentile and BCa intervals, from scipy.stats.bootstrap on the very same resamples.

The statistic is a power-law fit y = a*x^-alpha in log space (ordinary least squares of ln y on ln x,
np.polyfit). scipy.stats.bootstrap is run on the row indices 0..n-1, so the statistic receives the
resampled index arrays: we record them and store them, and the Java test refits exactly those
resamples (Bootstrap.fromIndices) and compares its percentile and BCa intervals with SciPy's. SciPy's
BCa takes its acceleration from its own jackknife (leave-one-out refits), as ours does.
Writes src/test/resources/oracles/bootstrap_intervals.json.  python3 bench/oracles/bootstrap_intervals.py
"""
import json
import pathlib

import numpy as np
import scipy
from scipy import stats

ROOT = pathlib.Path(__file__).resolve().parents[2]
OUT = ROOT / "src/test/resources/oracles/bootstrap_intervals.json"
B = 999


def main():
    rng = np.random.default_rng(11)
    n = 25
    x = np.geomspace(1e18, 1e23, n)
    # skewed noise, so that BCa differs visibly from the percentile interval
    y = 60 * x ** -0.05 * np.exp(0.03 * (rng.exponential(1, n) - 1))
    x, y = np.round(x, 6), np.round(y, 12)
    lx, ly = np.log(x), np.log(y)

    def fit(idx):
        slope, intercept = np.polyfit(lx[idx], ly[idx], 1)
        return np.exp(intercept), -slope

    out = {"_source": "bench/oracles/bootstrap_intervals.py (SciPy %s, NumPy %s)" % (scipy.__version__, np.__version__),
           "x": x.tolist(), "y": y.tolist(), "replicates": B, "level": 0.95, "statistics": {}}
    for which, name in [(1, "alpha"), (0, "a")]:
        seen = []

        def statistic(idx, axis=-1):
            idx = np.asarray(idx)
            if idx.ndim == 1:
                return fit(idx)[which]
            if idx.shape[-1] == n:
                seen.append(idx.copy())
            return np.array([fit(row)[which] for row in idx.reshape(-1, idx.shape[-1])]).reshape(idx.shape[:-1])

        res = {}
        for method in ["percentile", "BCa"]:
            seen.clear()
            r = stats.bootstrap((np.arange(n),), statistic, vectorized=True, n_resamples=B, batch=None,
                                method=method, confidence_level=0.95, rng=np.random.default_rng(2024))
            res[method] = [float(r.confidence_interval.low), float(r.confidence_interval.high)]
            indices = np.concatenate(seen).reshape(-1, n)
            assert indices.shape == (B, n), indices.shape
            if "indices" in out:
                assert out["indices"] == indices.tolist(), "the same rng gives the same resamples"
            out["indices"] = indices.tolist()
            res["standard_error_" + method] = float(r.standard_error)
        out["statistics"][name] = {"value": float(fit(np.arange(n))[which]), "percentile": res["percentile"],
                                   "bca": res["BCa"], "standard_error": res["standard_error_percentile"]}
    OUT.write_text(json.dumps(out) + "\n")
    print("wrote", OUT, json.dumps(out["statistics"]))


if __name__ == "__main__":
    main()
