#!/usr/bin/env python3
"""Oracle: compute-optimal allocation intervals (the `optimal` command's delta method on the log scale).

Data: datasets/hoffmann2022-isoflop-synthetic.csv (117 runs). SciPy 1.17 fits the Chinchilla law
L = E + A/N^alpha + B/D^beta with Epoch AI's objective, sum of Huber_delta(ln L - ln f), delta = 1e-3
(L-BFGS-B on (ln E, ln A, ln B, alpha, beta), Epoch's parameterisation, then polished by Nelder-Mead),
computes Huber's (1981, eq. 7.6.4) covariance in (E, A, B, alpha, beta) with NumPy, and propagates it
to ln N_opt, ln D_opt, ln(D/N), ln L_opt and ln C(L*) by Richardson central differences of the closed
forms of Hoffmann et al. (2022, eq. 4 / App. D.2) written here; interval = value * exp(+-t*se),
t = scipy.stats.t.ppf(0.975, n - 5). Writes src/test/resources/oracles/optimal_intervals.json.
"""
import csv
import json
import pathlib

import numpy as np
import scipy
from _common import gradient
from scipy import optimize, stats

ROOT = pathlib.Path(__file__).resolve().parents[2]
OUT = ROOT / "src/test/resources/oracles/optimal_intervals.json"
DELTA = 1e-3


def closed_forms(p):
    E, A, B, al, be = p
    G = (al * A / (be * B)) ** (1 / (al + be))
    a, b = be / (al + be), al / (al + be)
    K = A * G ** (-al) + B * G ** be
    n = lambda C: G * (C / 6) ** a
    d = lambda C: (C / 6) ** b / G
    return {"n_opt": n, "d_opt": d, "tokens_per_param": lambda C: d(C) / n(C),
            "loss": lambda C: E + A / n(C) ** al + B / d(C) ** be,
            "compute_for_loss": lambda L: 6 * ((L - E) / K) ** (-(al + be) / (al * be))}


def grad(f, p):
    return gradient(f, p, rel=1e-5, floor=0.0)


def main():
    rows = list(csv.DictReader(open(ROOT / "datasets/hoffmann2022-isoflop-synthetic.csv")))
    N = np.array([float(r["params"]) for r in rows])
    D = np.array([float(r["tokens"]) for r in rows])
    lnL = np.log([float(r["loss"]) for r in rows])
    lnf = lambda p: np.log(p[0] + p[1] / N ** p[3] + p[2] / D ** p[4])

    def huber(r):
        a = np.abs(r)
        return np.where(a <= DELTA, 0.5 * r * r, DELTA * (a - 0.5 * DELTA))

    def objective(q):  # Epoch's parameterisation: e = ln E, a = ln A, b = ln B
        p = np.array([np.exp(q[0]), np.exp(q[1]), np.exp(q[2]), q[3], q[4]])
        return float(np.sum(huber(lnL - lnf(p))))

    best = None
    for start in [(np.log(1.7), np.log(340), np.log(410), 0.33, 0.28), (np.log(1.8), np.log(400), np.log(400), 0.3, 0.3),
                  (np.log(1.5), np.log(200), np.log(800), 0.35, 0.3)]:
        r = optimize.minimize(objective, np.array(start), method="L-BFGS-B", options={"ftol": 1e-15, "gtol": 1e-12, "maxiter": 20000})
        r = optimize.minimize(objective, r.x, method="Nelder-Mead", options={"xatol": 1e-12, "fatol": 1e-16, "maxiter": 40000, "maxfev": 80000})
        if best is None or r.fun < best.fun:
            best = r
    q = best.x
    p = np.array([np.exp(q[0]), np.exp(q[1]), np.exp(q[2]), q[3], q[4]])
    n, k = len(lnL), 5
    r = lnL - lnf(p)
    psi = np.clip(r, -DELTA, DELTA)
    dpsi = (np.abs(r) <= DELTA).astype(float)
    m = dpsi.mean()
    K = 1 + k / n * dpsi.var() / m ** 2
    J = np.column_stack([grad(lambda pp, i=i: lnf(pp)[i], p) for i in range(n)]).T
    cov = K ** 2 * (np.sum(psi ** 2) / (n - k)) / m ** 2 * np.linalg.inv(J.T @ J)
    t = float(stats.t.ppf(0.975, n - k))
    out = {"_source": "bench/oracles/optimal_intervals.py (SciPy %s, NumPy %s)" % (scipy.__version__, np.__version__),
           "objective": best.fun, "names": ["E", "A", "B", "alpha", "beta"], "values": p.tolist(),
           "stderr": np.sqrt(np.diag(cov)).tolist(), "covariance": cov.tolist(), "t": t, "dof": n - k, "allocations": []}

    def interval(f):
        v = f(p)
        se = float(np.sqrt((g := grad(lambda pp: np.log(f(pp)), p)) @ cov @ g))
        return {"value": float(v), "se_log": se, "lower": float(v * np.exp(-t * se)), "upper": float(v * np.exp(t * se))}

    for C in [1e21, 1e23, 1e25]:
        row = {"compute": C}
        for name in ["n_opt", "d_opt", "tokens_per_param", "loss"]:
            row[name] = interval(lambda pp, name=name: closed_forms(pp)[name](C))
        out["allocations"].append(row)
    out["compute_for_loss"] = dict(interval(lambda pp: closed_forms(pp)["compute_for_loss"](2.0)), target=2.0)
    OUT.write_text(json.dumps(out, indent=1) + "\n")
    print(json.dumps({k: out[k] for k in ("objective", "values", "stderr")}), json.dumps(out["allocations"][1])[:600], out["compute_for_loss"])


if __name__ == "__main__":
    main()
