#!/usr/bin/env python3
"""SciPy's side of the whole-process `fit --by` rows of bench/compare.sh: the T1 anchor's in-process curve_fit loop
(../shared/bench/anchors/t1_powerlaw_many.fit_curve_fit, p0 from its polyfit loop, as scipy_side.py times T1) on a
groups file written by bench/gen_groups.py. Only the fitting loop is timed (reading the file and the polyfit starts
are not): the reference the issue sets for the command line, JVM start included. One JSON line on stdout.

Usage: OPENBLAS_NUM_THREADS=1 python3 bench/by_scipy.py --shared ../shared --csv GROUPS.csv [--reps 1]
"""
import argparse
import json
import os
import sys
import time
import warnings

import numpy as np


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--shared", default="../shared")
    ap.add_argument("--csv", required=True)
    ap.add_argument("--reps", type=int, default=1)
    args = ap.parse_args()
    sys.path.insert(0, os.path.join(args.shared, "bench", "anchors"))
    warnings.simplefilter("ignore")
    import scipy
    import t1_powerlaw_many as t1
    pts = np.loadtxt(args.csv, delimiter=",", skiprows=1)
    bounds = np.flatnonzero(np.diff(pts[:, 0].astype(np.int64))) + 1
    xs, ys = np.split(pts[:, 1], bounds), np.split(pts[:, 2], bounds)
    p0s = t1.fit_polyfit(xs, ys)
    best = float("inf")
    fails = 0
    for _ in range(args.reps):
        t0 = time.perf_counter()
        _, fails, _ = t1.fit_curve_fit(xs, ys, p0s=p0s)
        best = min(best, time.perf_counter() - t0)
    print(json.dumps({"task": "BY", "tool": "scipy", "work": "curve_fit loop, in-process", "groups": len(xs),
                      "rows": int(len(pts)), "seconds": best, "failures": int(fails),
                      "versions": {"scipy": scipy.__version__, "numpy": np.__version__}}))


if __name__ == "__main__":
    main()
