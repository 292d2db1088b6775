#!/usr/bin/env python3
"""Oracle: the intervals of `slopes` (exponent difference, compute multipliers) and `breaks` (break location).

slopes (delta method): two power laws y = a*x^-alpha fitted in log space by scipy.stats.linregress
(OLS of ln y on ln x); alpha_i - alpha_b with Welch-Satterthwaite degrees of freedom and
scipy.stats.t; ln(multiplier) = ln C_b - ln C where the baseline reaches the improved curve's loss
at C, or ln C_b(L) - ln C_i(L) at a loss L, in closed form, propagated through the two covariances
(block diagonal, from linregress) by Richardson central differences; interval exp(ln M +- t*se).

breaks (profile likelihood): the hinge model ln y = b0 + b1*u + b2*max(u - tau, 0), u = ln x, over the
same 100-point grid of tau (from the m-th smallest to the m-th largest u, m = max(3, ceil(0.15 n))),
profile LR(tau) = n ln(RSS_single / RSS_hinge(tau)) by numpy.linalg.lstsq. The interval's cut-off is
the (1 - level) quantile of the simulated gap max_tau LR - LR(tau_best) with data = fitted hinge
signal + Gaussian noise of the fitted scale, 200,000 NumPy draws; its Monte-Carlo spread for 999
draws (our default) is stored so the test can allow for it.
Writes src/test/resources/oracles/compare_intervals.json.  python3 bench/oracles/compare_intervals.py
"""
import json
import math
import pathlib

import numpy as np
import scipy
from _common import gradient
from scipy import stats

ROOT = pathlib.Path(__file__).resolve().parents[2]
OUT = ROOT / "src/test/resources/oracles/compare_intervals.json"


def grad(f, p):
    return gradient(f, p, rel=1e-5, floor=1e-8)


def slopes(rng):
    xb = np.geomspace(1e18, 1e21, 14)
    xi = np.geomspace(3e18, 2e21, 12)
    yb = 40 * xb ** -0.050 * np.exp(0.01 * rng.standard_normal(14))
    yi = 55 * xi ** -0.060 * np.exp(0.01 * rng.standard_normal(12))
    xb, yb, xi, yi = (np.round(v, 12) for v in (xb, yb, xi, yi))
    fits = []
    for x, y in ((xb, yb), (xi, yi)):
        r = stats.linregress(np.log(x), np.log(y))
        lx = np.log(x)
        # covariance of (ln a, slope) from linregress's standard errors and the centring of ln x
        n = len(x)
        s2 = np.sum((np.log(y) - r.intercept - r.slope * lx) ** 2) / (n - 2)
        X = np.column_stack([np.ones(n), lx])
        cov_ln = s2 * np.linalg.inv(X.T @ X)
        assert abs(math.sqrt(cov_ln[1, 1]) - r.stderr) < 1e-12 * r.stderr
        # parameters (a, alpha): a = exp(intercept), alpha = -slope
        J = np.array([[math.exp(r.intercept), 0], [0, -1]])
        fits.append({"p": np.array([math.exp(r.intercept), -r.slope]), "cov": J @ cov_ln @ J.T, "dof": n - 2})
    b, i = fits
    diff = i["p"][1] - b["p"][1]
    sb, si = math.sqrt(b["cov"][1, 1]), math.sqrt(i["cov"][1, 1])
    se = math.hypot(sb, si)
    nu = (sb ** 2 + si ** 2) ** 2 / (sb ** 4 / b["dof"] + si ** 4 / i["dof"])
    t = stats.t.ppf(0.975, nu)
    p = np.concatenate([b["p"], i["p"]])
    cov = np.zeros((4, 4))
    cov[:2, :2], cov[2:, 2:] = b["cov"], i["cov"]
    solve = lambda a, al, L: (a / L) ** (1 / al)  # x where a*x^-al = L
    out = {"baseline": {"x": xb.tolist(), "y": yb.tolist()}, "improved": {"x": xi.tolist(), "y": yi.tolist()},
           "exponent_difference": {"value": diff, "se": se, "welch_dof": nu, "t": t, "lower": diff - t * se, "upper": diff + t * se},
           "multipliers": []}
    def interval(kind, at, f):
        v = f(p)
        g = grad(f, p)
        s = float(np.sqrt(g @ cov @ g))
        out["multipliers"].append({"kind": kind, "at": at, "value": math.exp(v), "se": s,
                                   "lower": math.exp(v - t * s), "upper": math.exp(v + t * s)})
    for c in [1e21, 1e23]:
        interval("compute", c, lambda q, c=c: math.log(solve(q[0], q[1], q[2] * c ** -q[3])) - math.log(c))
    for loss in [2.6]:
        interval("loss", loss, lambda q, L=loss: math.log(solve(q[0], q[1], L)) - math.log(solve(q[2], q[3], L)))
    return out


def breaks(rng, level=0.05, sims=200_000, ours=999):
    n = 30
    x = np.geomspace(1e18, 1e23, n)
    u0 = np.log(x)
    bend = np.log(3e20)
    y = np.exp(3.0 - 0.05 * u0 - 0.06 * np.maximum(u0 - bend, 0) + 0.01 * rng.standard_normal(n))
    x, y = np.round(x, 6), np.round(y, 12)
    u, v = np.log(x), np.log(y)
    m = max(3, math.ceil(0.15 * n))
    taus = u[m - 1] + (u[n - m] - u[m - 1]) * np.arange(100) / 99
    X0 = np.column_stack([np.ones(n), u])
    rss = lambda X, yy: float(np.sum((yy - X @ np.linalg.lstsq(X, yy, rcond=None)[0]) ** 2))

    def profile(yy):
        r0 = rss(X0, yy)
        return np.array([n * math.log(r0 / rss(np.column_stack([X0, np.maximum(u - t, 0)]), yy)) for t in taus])

    prof = profile(v)
    best = int(np.argmax(prof))
    Xb = np.column_stack([X0, np.maximum(u - taus[best], 0)])
    coef = np.linalg.lstsq(Xb, v, rcond=None)[0]
    sigma = math.sqrt(rss(Xb, v) / (n - 4))
    # simulate the gap with the fitted hinge as signal; the [1, u] part of the signal does not change any LR
    H = np.column_stack([X0] + [np.maximum(u - t, 0) for t in taus])
    # vectorised profile: residualise on [1, u], then the LR of each hinge column
    Q, _ = np.linalg.qr(X0)
    P = lambda A: A - Q @ (Q.T @ A)
    Ht = P(H[:, 2:])
    hn = np.sum(Ht * Ht, axis=0)
    signal = P((Xb @ coef)[:, None])[:, 0]
    gaps = np.empty(sims)
    for s0 in range(0, sims, 20000):
        z = rng.standard_normal((n, 20000))
        e = signal[:, None] + sigma * P(z)
        r0 = np.sum(e * e, axis=0)
        c = Ht.T @ e
        lr = n * np.log(r0 / np.maximum(r0 - c * c / hn[:, None], r0 * 1e-300))
        gaps[s0:s0 + 20000] = lr.max(axis=0) - lr[best]
    crit = float(np.quantile(gaps, 1 - level))
    per = np.quantile(gaps[: (sims // ours) * ours].reshape(-1, ours), 1 - level, axis=1)
    return {"x": x.tolist(), "y": y.tolist(), "taus": taus.tolist(), "profile": prof.tolist(), "best": best,
            "location": math.exp(taus[best]), "cutoff": crit, "cutoff_mc_se": float(per.std(ddof=1)),
            "slopes": [float(coef[1]), float(coef[1] + coef[2])]}


def main():
    rng = np.random.default_rng(31)
    out = {"_source": "bench/oracles/compare_intervals.py (SciPy %s, NumPy %s)" % (scipy.__version__, np.__version__),
           "slopes": slopes(rng), "breaks": breaks(rng)}
    OUT.write_text(json.dumps(out, indent=1) + "\n")
    s, b = out["slopes"], out["breaks"]
    print(json.dumps(s["exponent_difference"]), json.dumps(s["multipliers"]))
    print(b["best"], b["location"], b["cutoff"], b["cutoff_mc_se"], b["slopes"])


if __name__ == "__main__":
    main()
