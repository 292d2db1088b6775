#!/usr/bin/env python3
"""SciPy's side of bench/compare.sh: the anchors' own functions (imported from ../shared/bench/anchors, not
copied), timed on the anchors' fixed data, one JSON line per workload on stdout.

  T1  10,000 power-law fits: scipy.optimize.curve_fit loop (p0 = the log fit, as the anchor), and the
      numpy.polyfit loop (log-space OLS); per-set parameters are written to --t1-out for the optimum check.
  T2  1,000-resample bootstrap of E + A*C^-alpha with curve_fit (the anchor's fixed resamples and start).
  T3  Epoch's 240 points: the 4,500-start L-BFGS-B grid (analytic gradient) and Epoch-style bootstrap (one BFGS
      fit per resample from Hoffmann's parameters), timed on --t3-boot resamples and scaled to 1,000.
      Also the 5,400-start grid on t3_chinchilla.csv when --t3-synthetic is given (for the C floor's per start).
  T4  1,000 task resamples x 15 logistic fits (binomial aggregates, the anchor's faster variant) + OLS.

Usage: OPENBLAS_NUM_THREADS=1 python3 bench/scipy_side.py --shared ../shared [--reps 3] [--tasks T1,T2,T3,T4]
"""
import argparse
import json
import os
import sys
import time
import warnings

import numpy as np


def best_of(fn, reps):
    times, res = [], None
    for _ in range(reps):
        t0 = time.perf_counter()
        res = fn()
        times.append(time.perf_counter() - t0)
    return min(times), res


def emit(**rec):
    print(json.dumps(rec), flush=True)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--shared", default="../shared")
    ap.add_argument("--reps", type=int, default=3)
    ap.add_argument("--tasks", default="T1,T2,T3,T4")
    ap.add_argument("--t1-out", default=None)
    ap.add_argument("--t3-boot", type=int, default=250)
    ap.add_argument("--t3-synthetic", action="store_true")
    args = ap.parse_args()
    anchors = os.path.join(args.shared, "bench", "anchors")
    sys.path.insert(0, anchors)
    warnings.simplefilter("ignore")
    import scipy
    tasks = set(args.tasks.split(","))
    ver = {"scipy": scipy.__version__, "numpy": np.__version__}

    if "T1" in tasks:
        import t1_powerlaw_many as t1
        sid, x, y, xs, ys, truth = t1.load()
        s_log, est_log = best_of(lambda: t1.fit_polyfit(xs, ys), args.reps)
        s_nls, (est_nls, fails, nfev) = best_of(lambda: t1.fit_curve_fit(xs, ys, p0s=est_log), args.reps)
        if args.t1_out:
            np.savetxt(args.t1_out, np.column_stack([np.arange(len(xs)), est_log, est_nls]), delimiter=",",
                       header="set,a_logols,b_logols,a_curvefit,b_curvefit", comments="", fmt="%.17g")
        emit(task="T1", tool="scipy", work="polyfit", seconds=s_log, sets=len(xs), versions=ver)
        emit(task="T1", tool="scipy", work="curve_fit", seconds=s_nls, sets=len(xs), failures=fails, versions=ver)

    if "T2" in tasks:
        import t2_irreducible as t2
        d = np.loadtxt(t2.data_path("t2_irreducible.csv"), delimiter=",", skiprows=1)
        C, L = d[:, 0], d[:, 1]
        idx = np.loadtxt(t2.data_path("t2_bootstrap_indices.csv"), delimiter=",", skiprows=1).astype(int)
        p, half_ssr, _ = t2.fit_cf(C, L)
        s, boot = best_of(lambda: t2.bootstrap(t2.fit_cf, C, L, idx), args.reps)
        emit(task="T2", tool="scipy", work="curve_fit bootstrap", seconds=s, params=dict(zip(["E", "A", "alpha"], map(float, p))),
             objective=float(half_ssr), alpha_ci95=boot["alpha_ci95"], failures=boot["failures"], versions=ver)

    if "T3" in tasks:
        import t3_chinchilla as t3
        from scipy.optimize import minimize
        sets = [("epoch", os.path.join(args.shared, "reference-data", "epoch-chinchilla", "svg_extracted_data.csv"), 5, 1.0)]
        if args.t3_synthetic:
            sets.append(("t3", None, 0, 1.5))
        for label, csv, drop, emax in sets:
            if csv is not None and not os.path.exists(csv):
                continue
            N, D, L, _ = t3.load(csv, drop)
            starts = t3.grid(emax)
            obj = t3.Objective(N, D, L)
            t0 = time.perf_counter()
            fun, xbest, _ = t3.fit_grid(obj, starts, "analytic")
            s = time.perf_counter() - t0
            emit(task="T3", tool="scipy", work="grid", data=label, seconds=s, starts=len(starts), evals=obj.nfg,
                 objective=float(fun), params=t3.to_natural(xbest), versions=ver)
            if label != "epoch":
                continue
            hoff = np.array([np.log(406.4), np.log(410.7), np.log(1.69), 0.34, 0.28])
            rng = np.random.RandomState(42)
            n = len(N)
            fits = []
            t0 = time.perf_counter()
            for _ in range(args.t3_boot):
                ii = rng.choice(n, n, replace=True)
                o = t3.Objective(N[ii], D[ii], L[ii])
                fits.append(minimize(o.fg, hoff, method="BFGS", jac=True).x)
            dt = time.perf_counter() - t0
            fits = np.array(fits)
            emit(task="T3", tool="scipy", work="Epoch-style bootstrap", data=label, seconds=dt * 1000 / args.t3_boot,
                 resamples_run=args.t3_boot, alpha_se=float(fits[:, 3].std()), beta_se=float(fits[:, 4].std()), versions=ver)

    if "T4" in tasks:
        import t4_metr_horizon as t4
        dates, tmin, succ = t4.load()
        lx = np.log2(tmin)
        idx = np.loadtxt(t4.data_path("t4_bootstrap_task_indices.csv"), delimiter=",", skiprows=1).astype(int)
        s, ci = best_of(lambda: t4.bootstrap(t4.horizons_binom, dates, lx, succ, idx), 1)
        emit(task="T4", tool="scipy", work="task bootstrap (binomial)", seconds=s, doubling_ci95=ci["doubling_days_ci95"],
             versions=ver)


if __name__ == "__main__":
    main()
