#!/usr/bin/env python3
"""Oracle: the two-step downstream prediction's delta-method intervals (`DownstreamFit.predict`), without scalefit.

Case "olmo-hellaswag": datasets/olmo-ladder2024-tasks.csv, task hellaswag_val. Step 1: the Chinchilla law
L = E + A/N^alpha + B/D^beta fitted to the 16 loss-fit runs by least squares on ln L (scipy.optimize.curve_fit,
from a grid of starts, the lowest RSS kept); step 2: the sigmoid link acc = a/(1 + exp(-k(L - L0))) + b fitted
in linear space to the 1,402 link-fit points (curve_fit with the OLMo ladder's bounds a in [-1, 0], b in [0, 1],
both inactive at the optimum). Direct form: -ln acc = A*N^-alpha + B*D^-beta by least squares on ln acc
(bench/peers/downstream/direct_form.py) with covariance s^2 (J'J)^-1 of the ln-space residuals.
The same data read as an error (1 - accuracy, as Gadre et al.'s metric is): the direct form models the same score
Q = 1 - error, so its interval is 1 minus the accuracy interval, with the ends swapped ("direct_as_error").

Each interval follows the formula DownstreamFit documents: in each fit's residual space (ln L for step 1,
ln Q for the direct form, the accuracy itself for the link) the curve's standard error se = sqrt(g' Cov g)
(g by Richardson central differences, bench/oracles/_common.py) and the residual scatter s = sqrt(RSS/dof);
the loss interval exp(ln L +- t1*se1) and exp(ln L +- t1*hypot(se1, s1)); the metric's half-widths
hypot(t1*slope*L*se1, t2*se2) and hypot(t1*slope*hypot(L*se1, L*s1), t2*hypot(se2, s2)) (slope = d acc/dL, the
ln-space standard errors turned into units of L by the delta method); the direct form's
exp(ln Q +- t3*se3), clipped to [0, 1]; t = scipy.stats.t.ppf(0.975, dof) for each fit.
Writes src/test/resources/oracles/downstream_intervals.json.
"""
import csv
import json
import math
import pathlib
import sys

import numpy as np
import scipy
from _common import gradient
from scipy import optimize, stats

ROOT = pathlib.Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "bench/peers/downstream"))
from direct_form import fit_direct  # noqa: E402

OUT = ROOT / "src/test/resources/oracles/downstream_intervals.json"
TARGETS = [("7B-4T", 6887575552.0, 3945065873408.0), ("13B-5T", 13202396160.0, 5000088518656.0)]


def chinchilla(x, E, A, B, al, be):
    return E + A / x[0] ** al + B / x[1] ** be


def sigmoid(l, a, k, l0, b):
    return a / (1 + np.exp(-k * (l - l0))) + b


def direct_ln_q(x, A, B, al, be):
    return -(A * x[0] ** -al + B * x[1] ** -be)


def fit_loss(n, d, y):
    best = None
    for e0 in (0.2, 0.5):
        for a0 in (10.0, 100.0, 1000.0):
            for b0 in (10.0, 100.0, 1000.0):
                for al0 in (0.2, 0.4):
                    for be0 in (0.2, 0.4):
                        try:
                            p, cov = optimize.curve_fit(lambda x, *q: np.log(chinchilla(x, *q)), np.array([n, d]), np.log(y),
                                                        p0=[e0, a0, b0, al0, be0], maxfev=200000, xtol=1e-15, ftol=1e-15, gtol=1e-15)
                        except (RuntimeError, ValueError):
                            continue
                        rss = float(np.sum((np.log(y) - np.log(chinchilla(np.array([n, d]), *p))) ** 2))
                        if np.all(np.isfinite(cov)) and (best is None or rss < best[0]):
                            best = (rss, p, cov)
    return best


def direct_cov(n, d, q, fit):
    p = np.array([fit["A"], fit["B"], fit["alpha"], fit["beta"]])
    r = np.log(q) - direct_ln_q(np.array([n, d]), *p)
    J = np.column_stack([gradient(lambda pp, i=i: direct_ln_q(np.array([n[i:i + 1], d[i:i + 1]]), *pp)[0], p)
                         for i in range(len(q))]).T
    dof = len(q) - 4
    s2 = float(r @ r) / dof
    return p, s2 * np.linalg.inv(J.T @ J), s2, dof


def direct_interval(p, cov, s2, dof, n, d, error):
    g = gradient(lambda pp: direct_ln_q(np.array([[n], [d]]), *pp)[0], p)
    se = math.sqrt(g @ cov @ g)
    t = float(stats.t.ppf(0.975, dof))
    lnq = float(direct_ln_q(np.array([[n], [d]]), *p)[0])
    clip = lambda v: min(1.0, max(0.0, math.exp(v)))
    metric = (lambda v: 1 - v) if error else (lambda v: v)
    ends = lambda h: sorted([metric(clip(lnq - h)), metric(clip(lnq + h))])
    return {"value": metric(math.exp(lnq)), "se_ln_q": se, "t": t, "ci95": ends(t * se),
            "new_run_ci95": ends(t * math.hypot(se, math.sqrt(s2)))}


def olmo():
    rows = list(csv.DictReader(open(ROOT / "datasets/olmo-ladder2024-tasks.csv")))
    task = "hellaswag_val"
    fit_rows = [r for r in rows if r["in_loss_fit"] == "1"]
    link_rows = [r for r in rows if r["in_metric_fit"] == "1"]
    n = np.array([float(r["N"]) for r in fit_rows])
    d = np.array([float(r["D"]) for r in fit_rows])
    y = np.array([float(r[task + "_bpb"]) for r in fit_rows])
    rss1, p1, cov1 = fit_loss(n, d, y)
    dof1 = len(y) - 5
    s1 = math.sqrt(rss1 / dof1)
    t1 = float(stats.t.ppf(0.975, dof1))
    lx = np.array([float(r[task + "_bpb"]) for r in link_rows])
    ly = np.array([float(r[task + "_acc"]) for r in link_rows])
    p2, cov2 = optimize.curve_fit(sigmoid, lx, ly, p0=[-0.7, 10.0, 0.8, 0.99],
                                  bounds=([-1.0, 0.0, -np.inf, 0.0], [0.0, np.inf, np.inf, 1.0]),
                                  xtol=1e-15, ftol=1e-15, gtol=1e-15, max_nfev=100000)
    rss2 = float(np.sum((ly - sigmoid(lx, *p2)) ** 2))
    dof2 = len(ly) - 4
    s2 = math.sqrt(rss2 / dof2)
    t2 = float(stats.t.ppf(0.975, dof2))
    q = np.array([float(r[task + "_acc"]) for r in fit_rows])
    dfit = fit_direct(n, d, q, (0, 5, 10))
    pd_, cov3, s3sq, dof3 = direct_cov(n, d, q, dfit)
    c_max = float(np.max(6 * n * d))
    preds = []
    for label, nn, dd in TARGETS:
        x = np.array([[nn], [dd]])
        lhat = float(chinchilla(x, *p1)[0])
        g1 = gradient(lambda pp: math.log(chinchilla(x, *pp)[0]), p1)
        se1 = math.sqrt(g1 @ cov1 @ g1)
        acc = float(sigmoid(lhat, *p2))
        g2 = gradient(lambda pp: sigmoid(lhat, *pp), p2)
        se2 = math.sqrt(g2 @ cov2 @ g2)
        slope = float(gradient(lambda ll: sigmoid(ll[0], *p2), [lhat])[0])
        half = math.hypot(t1 * slope * lhat * se1, t2 * se2)
        half_new = math.hypot(t1 * slope * math.hypot(lhat * se1, lhat * s1), t2 * math.hypot(se2, s2))
        lo_link, hi_link = float(lx.min()), float(lx.max())
        preds.append({"id": label, "N": nn, "D": dd, "loss": lhat, "se_ln_loss": se1,
                      "loss_ci95": [lhat * math.exp(-t1 * se1), lhat * math.exp(t1 * se1)],
                      "loss_new_run_ci95": [lhat * math.exp(-t1 * math.hypot(se1, s1)), lhat * math.exp(t1 * math.hypot(se1, s1))],
                      "accuracy": acc, "se_link": se2, "slope": slope,
                      "accuracy_ci95": [acc - half, acc + half], "accuracy_new_run_ci95": [acc - half_new, acc + half_new],
                      "compute_decades_beyond": math.log10(6 * nn * dd / c_max),
                      "loss_beyond_link": lo_link - lhat if lhat < lo_link else (lhat - hi_link if lhat > hi_link else 0.0),
                      "direct": direct_interval(pd_, cov3, s3sq, dof3, nn, dd, error=False),
                      "direct_as_error": direct_interval(pd_, cov3, s3sq, dof3, nn, dd, error=True)})
    return {"case": "olmo-hellaswag", "task": task,
            "loss_law": dict(zip(["E", "A", "B", "alpha", "beta"], map(float, p1)), rss_ln=rss1, dof=dof1, t=t1, scatter=s1),
            "link": dict(zip(["a", "k", "L0", "b"], map(float, p2)), rss=rss2, dof=dof2, t=t2, scatter=s2, points=len(ly)),
            "direct": dict(dfit, dof=dof3), "predictions": preds}


def main():
    out = {"_source": "bench/oracles/downstream_intervals.py (SciPy %s, NumPy %s)" % (scipy.__version__, np.__version__),
           "cases": [olmo()]}
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps(out, indent=1) + "\n")
    print(json.dumps(out, indent=1))


if __name__ == "__main__":
    main()
