#!/usr/bin/env python3
"""Oracle: parameter intervals, covariances, Huber standard errors, delta-method quantities and bands.

Everything here is computed by SciPy 1.17 / NumPy 2 from the data alone, without scalefit:
curve_fit (MINPACK Levenberg-Marquardt) for least squares, least_squares(loss="huber") for the robust fit,
scipy.stats.t for the quantiles, and central finite differences (Richardson-extrapolated) for every
gradient that propagates a covariance. Writes src/test/resources/oracles/fit_intervals.json.
Deterministic and offline:  python3 bench/oracles/fit_intervals.py
"""
import csv
import json
import pathlib

import numpy as np
import scipy
from _common import gradient
from scipy import optimize, stats

ROOT = pathlib.Path(__file__).resolve().parents[2]
OUT = ROOT / "src/test/resources/oracles/fit_intervals.json"
LEVEL = 0.95


def grad(f, p):
    return gradient(f, p, rel=1e-4, floor=1e-12)


def delta(f, p, cov, t):
    g = grad(f, p)
    v = f(p)
    se = float(np.sqrt(g @ cov @ g))
    return {"value": v, "se": se, "lower": v - t * se, "upper": v + t * se}


def offset_power_log():
    rows = list(csv.DictReader(open(ROOT / "datasets/synthetic-loss-vs-compute.csv")))
    x = np.array([float(r["compute"]) for r in rows])
    y = np.array([float(r["loss"]) for r in rows])
    # log space: the residual is ln y - ln f
    lnf = lambda p, xx: np.log(p[0] + p[1] * xx ** (-p[2]))
    popt, pcov = optimize.curve_fit(lambda xx, E, A, a: lnf((E, A, a), xx), x, np.log(y), p0=(1.8, 1000, 0.15),
                                    xtol=1e-15, ftol=1e-15, gtol=1e-15, maxfev=100000)
    n, k = len(x), 3
    dof = n - k
    rss = float(np.sum((np.log(y) - lnf(popt, x)) ** 2))
    s2 = rss / dof
    t = float(stats.t.ppf((1 + LEVEL) / 2, dof))
    se = np.sqrt(np.diag(pcov))
    out = {"names": ["E", "A", "alpha"], "values": popt.tolist(), "rss": rss, "dof": dof, "t": t,
           "covariance_scaled": pcov.tolist(), "covariance_absolute": (pcov / s2).tolist(), "stderr": se.tolist(),
           "lower": (popt - t * se).tolist(), "upper": (popt + t * se).tolist()}
    out["derived"] = {"reducible_factor_per_decade": delta(lambda p: 10.0 ** (-p[2]), popt, pcov, t)}
    # x at which the curve reaches a loss of 2.0, and its delta-method interval
    target = 2.0
    xt = lambda p: (p[1] / (target - p[0])) ** (1 / p[2])
    out["target"] = dict(delta(xt, popt, pcov, t), target=target)
    bands = []
    for x0 in [1e17, 1e20, 1e24, 1e25, 1e26]:
        g = lambda p: float(lnf(p, np.array([x0]))[0])
        d = delta(g, popt, pcov, t)
        sp = np.sqrt(d["se"] ** 2 + s2)
        bands.append({"x": x0, "value": float(np.exp(d["value"])),
                      "confidence": [float(np.exp(d["value"] - t * d["se"])), float(np.exp(d["value"] + t * d["se"]))],
                      "prediction": [float(np.exp(d["value"] - t * sp)), float(np.exp(d["value"] + t * sp))]})
    out["bands"] = bands
    return out


def power_linear_sigma():
    """A power law y = a*x^-alpha in linear space with known per-point sigma (weights 1/sigma^2)."""
    rng = np.random.default_rng(20)
    x = np.geomspace(1, 1000, 12)
    sigma = 0.02 + 0.03 * np.arange(12) / 11
    y = 5.0 * x ** -0.3 + sigma * rng.standard_normal(12)
    x, y, sigma = (np.round(v, 10) for v in (x, y, sigma))
    f = lambda xx, a, al: a * xx ** (-al)
    pa, ca = optimize.curve_fit(f, x, y, p0=(5, 0.3), sigma=sigma, absolute_sigma=True, xtol=1e-15, ftol=1e-15, gtol=1e-15)
    ps, cs = optimize.curve_fit(f, x, y, p0=(5, 0.3), sigma=sigma, absolute_sigma=False, xtol=1e-15, ftol=1e-15, gtol=1e-15)
    dof = len(x) - 2
    t = float(stats.t.ppf((1 + LEVEL) / 2, dof))
    se = np.sqrt(np.diag(ca))
    return {"x": x.tolist(), "y": y.tolist(), "sigma": sigma.tolist(), "names": ["a", "alpha"], "values": pa.tolist(),
            "values_relative_sigma": ps.tolist(), "covariance_absolute": ca.tolist(), "covariance_scaled": cs.tolist(),
            "stderr": se.tolist(), "t": t, "lower": (pa - t * se).tolist(), "upper": (pa + t * se).tolist()}


def huber_line():
    """A straight line with three gross outliers, Huber loss (delta in residual units), linear space.

    Covariance: Huber (1981) eq. 7.6.4, the "H1" form also used by statsmodels' RLM:
    K^2 * [sum psi(r_i)^2 / (n - p)] / [mean psi'(r_i)]^2 * (J^T J)^-1,  K = 1 + (p/n) Var(psi') / mean(psi')^2.
    """
    rng = np.random.default_rng(7)
    n = 40
    x = np.linspace(0, 10, n)
    y = 1.5 + 0.8 * x + 0.3 * rng.standard_normal(n)
    y[[5, 17, 33]] += [6.0, -5.0, 8.0]
    x, y = np.round(x, 10), np.round(y, 10)
    out = {"x": x.tolist(), "y": y.tolist(), "names": ["a", "b"], "cases": []}
    for d in [0.3, 1.0]:
        res = lambda p: p[0] + p[1] * x - y
        # least_squares' "huber" rho with f_scale = d equals 2 x Huber_d: the same minimiser
        fit = optimize.least_squares(res, x0=np.polyfit(x, y, 1)[::-1], loss="huber", f_scale=d,
                                     xtol=1e-15, ftol=1e-15, gtol=1e-15)
        p = fit.x
        r = res(p)
        psi = np.clip(r, -d, d)
        dpsi = (np.abs(r) <= d).astype(float)
        m = dpsi.mean()
        K = 1 + 2 / n * dpsi.var() / m ** 2
        J = np.column_stack([np.ones(n), x])
        cov = K ** 2 * (np.sum(psi ** 2) / (n - 2)) / m ** 2 * np.linalg.inv(J.T @ J)
        out["cases"].append({"delta": d, "values": p.tolist(), "covariance": cov.tolist(),
                             "stderr": np.sqrt(np.diag(cov)).tolist(), "K": K, "inside": int(dpsi.sum())})
    return out


def main():
    out = {"_source": "bench/oracles/fit_intervals.py (SciPy %s, NumPy %s)" % (scipy.__version__, np.__version__),
           "offset_power_log": offset_power_log(), "power_linear_sigma": power_linear_sigma(), "huber_line": huber_line()}
    OUT.write_text(json.dumps(out, indent=1) + "\n")
    print("wrote", OUT)


if __name__ == "__main__":
    main()
