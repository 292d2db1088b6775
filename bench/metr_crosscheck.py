#!/usr/bin/env python3
"""Independent SciPy implementation of METR's per-model horizon fit, to cross-check scalefit.

Method (Kwa et al. 2025; METR/eval-analysis-public, paper pipeline): for each agent (``alias``,
``human`` rows dropped), a weighted logistic regression of the score on x = log2(human_minutes),
minimising   0.5 * b1**2 + C * sum_i w_i * logloss_i   with C = 1/0.1 = 10 and the intercept
unpenalised (sklearn LogisticRegression(C=10) with sample weights; sklearn is not installed here,
so the objective is written out and minimised with scipy.optimize). Fractional scores are split
into a weighted 0-row and 1-row. Weights ("invsqrt"): 1/(runs of the agent on the task) *
1/sqrt(tasks of the family the agent ran), normalised to sum to 1 per agent.

This script works run by run (one row per run, no aggregation), unlike scalefit, which
aggregates runs per task; the two must agree.

Usage (from the project root):
    python3 bench/metr_crosscheck.py                       # writes the test fixture
    python3 bench/metr_crosscheck.py --bootstrap 1000      # also times a 1,000-replicate ftr bootstrap
Output: src/test/resources/org/scalefit/horizon/metr_prepaper_scipy.csv (model, runs, tasks,
intercept, slope, p50_minutes, p80_minutes, status) and, with --bootstrap, a JSON line on stdout.
"""
import argparse
import collections
import csv
import json
import math
import os
import sys
import time

import numpy as np
from scipy.optimize import minimize
from scipy.special import expit

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, ".."))
RUNS = os.path.normpath(os.path.join(ROOT, "..", "shared", "reference-data", "metr",
                                     "all_runs_2025-02-27_prepaper.jsonl"))
OUT = os.path.join(ROOT, "src", "test", "resources", "org", "scalefit", "horizon", "metr_prepaper_scipy.csv")
C = 10.0


def load(path):
    rows = [json.loads(line) for line in open(path) if line.strip()]
    return [r for r in rows if r["alias"] != "human"], rows


def weights(runs):
    per_task = collections.Counter((r["alias"], r["task_id"]) for r in runs)
    fam_tasks = collections.defaultdict(set)
    for r in runs:
        fam_tasks[(r["alias"], r["task_family"])].add(r["task_id"])
    w = np.array([1.0 / per_task[(r["alias"], r["task_id"])] / math.sqrt(len(fam_tasks[(r["alias"], r["task_family"])]))
                  for r in runs])
    total = collections.defaultdict(float)
    for wi, r in zip(w, runs):
        total[r["alias"]] += wi
    return np.array([wi / total[r["alias"]] for wi, r in zip(w, runs)])


def objective(b, x, y, w):
    z = b[0] + b[1] * x
    f = C * np.sum(w * (np.logaddexp(0.0, z) - y * z)) + 0.5 * b[1] ** 2
    r = w * (expit(z) - y)
    return f, np.array([C * r.sum(), C * (r @ x) + b[1]])


def hessian(b, x, y, w):
    p = expit(b[0] + b[1] * x)
    q = C * w * p * (1 - p)
    return np.array([[q.sum(), q @ x], [q @ x, q @ (x * x) + 1.0]])


def fit(x, y, w):
    """Rows with fractional y become a weighted 0-row and 1-row; then minimise (BFGS, then trust-exact polish)."""
    frac = (y > 0) & (y < 1)
    if frac.any():
        x = np.concatenate([x[~frac], x[frac], x[frac]])
        w = np.concatenate([w[~frac], (1 - y[frac]) * w[frac], y[frac] * w[frac]])
        y = np.concatenate([y[~frac], np.zeros(frac.sum()), np.ones(frac.sum())])
    if np.all(y * w == 0):
        return None, "no_successes"
    if np.all(y[w > 0] == 1):
        return None, "all_successes"
    r = minimize(objective, np.zeros(2), args=(x, y, w), jac=True, method="L-BFGS-B",
                 options={"gtol": 1e-12, "ftol": 1e-15, "maxiter": 10000})
    r = minimize(objective, r.x, args=(x, y, w), jac=True, hess=hessian, method="trust-exact",
                 options={"gtol": 1e-11})
    return r.x, "fitted"


def horizon(p, b):
    return 2.0 ** ((math.log(p / (1 - p)) - b[0]) / b[1])


def fit_fast(x, y, w):
    """What a user would run in a bootstrap: L-BFGS-B with SciPy's default tolerances and the analytic gradient."""
    if np.all(y * w == 0):
        return None, "no_successes"
    if np.all(y[w > 0] == 1):
        return None, "all_successes"
    r = minimize(objective, np.zeros(2), args=(x, y, w), jac=True, method="L-BFGS-B")
    return r.x, "fitted"


def bootstrap(runs, w, reps, seed):
    """METR-style ftr bootstrap, vectorised per agent: families, then tasks within each family (the same
    draw for all agents), then runs within each (agent, task) - a task drawn m times gets m*n runs drawn
    from its n runs. Runs keep their original weights (METR does not reweight). Row-level fits, as sklearn."""
    agents = list(dict.fromkeys(r["alias"] for r in runs))
    tasks = list(dict.fromkeys(r["task_id"] for r in runs))
    tindex = {t: i for i, t in enumerate(tasks)}
    fam_of = {}
    for r in runs:
        fam_of[r["task_id"]] = r["task_family"]
    families = list(dict.fromkeys(fam_of[t] for t in tasks))
    fam_tasks = [np.array([tindex[t] for t in tasks if fam_of[t] == f]) for f in families]
    x_all = np.log2(np.array([r["human_minutes"] for r in runs], dtype=float))
    y_all = np.array([r["score_binarized"] for r in runs], dtype=float)
    groups = {}
    for a in agents:
        rows = collections.defaultdict(list)
        for i, r in enumerate(runs):
            if r["alias"] == a:
                rows[tindex[r["task_id"]]].append(i)
        task_ids = np.array(sorted(rows))
        idx = np.concatenate([np.array(rows[t]) for t in task_ids])
        sizes = np.array([len(rows[t]) for t in task_ids])
        starts = np.concatenate([[0], np.cumsum(sizes)[:-1]])
        groups[a] = (task_ids, idx, sizes, starts)
    rng = np.random.default_rng(seed)
    p50 = {a: np.empty(reps) for a in agents}
    for b in range(reps):
        mult = np.zeros(len(tasks), dtype=int)
        for f in rng.integers(0, len(families), size=len(families)):
            ts = fam_tasks[f]
            np.add.at(mult, ts[rng.integers(0, len(ts), size=len(ts))], 1)
        for a in agents:
            task_ids, idx, sizes, starts = groups[a]
            m = mult[task_ids]
            keep = m > 0
            if not keep.any():
                p50[a][b] = np.nan
                continue
            cnt = m[keep] * sizes[keep]
            pick = np.repeat(starts[keep], cnt) + (rng.random(cnt.sum()) * np.repeat(sizes[keep], cnt)).astype(int)
            ii = idx[pick]
            est, status = fit_fast(x_all[ii], y_all[ii], w[ii])
            p50[a][b] = horizon(0.5, est) if est is not None else (0.0 if status == "no_successes" else np.inf)
    return {a: [float(np.nanpercentile(v, 2.5)), float(np.nanpercentile(v, 97.5))] for a, v in p50.items()}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", default=RUNS)
    ap.add_argument("--out", default=OUT)
    ap.add_argument("--bootstrap", type=int, default=0)
    ap.add_argument("--seed", type=int, default=42)
    args = ap.parse_args()
    if not os.path.exists(args.runs):
        print(f"run file not found: {args.runs}", file=sys.stderr)
        return 2
    runs, _ = load(args.runs)
    w = weights(runs)
    published = np.array([r["invsqrt_task_weight"] for r in runs])
    print(f"weights vs METR's invsqrt_task_weight column: max relative difference "
          f"{np.max(np.abs(w - published) / published):.2e}", file=sys.stderr)
    agents = list(dict.fromkeys(r["alias"] for r in runs))
    x_all = np.log2(np.array([r["human_minutes"] for r in runs], dtype=float))
    y_all = np.array([r["score_binarized"] for r in runs], dtype=float)
    agent = np.array([r["alias"] for r in runs])
    task = np.array([r["task_id"] for r in runs])
    rows = []
    for a in agents:
        m = agent == a
        b, status = fit(x_all[m], y_all[m], w[m])
        rows.append({"model": a, "runs": int(m.sum()), "tasks": len(set(task[m])),
                     "intercept": repr(float(b[0])) if b is not None else "",
                     "slope": repr(float(b[1])) if b is not None else "",
                     "p50_minutes": repr(float(horizon(0.5, b))) if b is not None else "",
                     "p80_minutes": repr(float(horizon(0.8, b))) if b is not None else "",
                     "status": status})
    os.makedirs(os.path.dirname(args.out), exist_ok=True)
    with open(args.out, "w", newline="") as f:
        wr = csv.DictWriter(f, fieldnames=list(rows[0].keys()), lineterminator="\n")
        wr.writeheader()
        wr.writerows(rows)
    for r in rows:
        print(f"{r['model']:28s} p50 {r['p50_minutes'][:10]:>10s}  p80 {r['p80_minutes'][:10]:>10s}  {r['status']}",
              file=sys.stderr)
    if args.bootstrap:
        t0 = time.perf_counter()
        ci = bootstrap(runs, w, args.bootstrap, args.seed)
        secs = time.perf_counter() - t0
        print(json.dumps({"task": "metr-ftr-bootstrap", "tool": "numpy resampling + scipy L-BFGS-B (analytic grad), run rows",
                          "replicates": args.bootstrap, "seconds": secs, "p50_ci95": ci}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
