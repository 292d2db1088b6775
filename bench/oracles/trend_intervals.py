#!/usr/bin/env python3
"""Oracle: doubling-time intervals (OLS and draw-based), milestone dates and horizons on dates, METR table.

Reads datasets/metr-horizons.csv (METR's published TH1.0 p50 horizons with their 95% intervals and
METR's own `frontier` flag). For the models METR marks as frontier, released up to a cut-off:
- OLS: scipy.stats.linregress of ln p50 on the release date (days); the doubling time ln2/b and its
  t-interval [ln2/(b + t*se), ln2/(b - t*se)], t = scipy.stats.t.ppf(0.975, n - 2).
- Draws: each model's horizon drawn from a split normal in ln minutes (median ln p50, sd below
  (ln p50 - ln lo)/z, above (ln hi - ln p50)/z, z = 1.959964), the OLS refitted; 400,000 draws with
  NumPy's generator give the 2.5% and 97.5% percentiles of the doubling time, of the date each
  milestone is reached and of the horizon on given dates, and their Monte-Carlo standard errors
  for an estimate from R replicates (the spread of the percentile over 400 independent sets of R).
Writes src/test/resources/oracles/trend_intervals.json.  python3 bench/oracles/trend_intervals.py
"""
import csv
import datetime
import json
import math
import pathlib

import numpy as np
import scipy
from scipy import stats

ROOT = pathlib.Path(__file__).resolve().parents[2]
OUT = ROOT / "src/test/resources/oracles/trend_intervals.json"
DRAWS = 400_000
R = 20_000  # the replicate count the Java test asks for
CLIP = 1e-3


def day(text):
    return float((datetime.date.fromisoformat(text) - datetime.date(1970, 1, 1)).days)


def case(until, milestones, dates, rng):
    rows = [r for r in csv.DictReader(open(ROOT / "datasets/metr-horizons.csv"))
            if r["benchmark_version"] == "TH1.0" and r["frontier"] == "true" and day(r["release_date"]) <= day(until)]
    rows.sort(key=lambda r: day(r["release_date"]))
    t = np.array([day(r["release_date"]) for r in rows])
    c = np.log(np.maximum([float(r["p50_minutes"]) for r in rows], CLIP))
    lo = np.log(np.maximum([float(r["p50_ci_low"]) for r in rows], CLIP))
    hi = np.log(np.maximum([float(r["p50_ci_high"]) for r in rows], CLIP))
    n = len(t)
    lr = stats.linregress(t, c)
    q = stats.t.ppf(0.975, n - 2)
    ln2 = math.log(2)
    ols = [ln2 / (lr.slope + q * lr.stderr), ln2 / (lr.slope - q * lr.stderr)]
    z = stats.norm.ppf(0.975)
    g = rng.standard_normal((DRAWS, n))
    y = c + g * np.where(g < 0, c - lo, hi - c) / z
    y = np.log(np.maximum(np.exp(y), CLIP))
    tm = t - t.mean()
    slope = (y - y.mean(axis=1, keepdims=True)) @ tm / (tm @ tm)
    intercept_at_mean = y.mean(axis=1)  # ln horizon at the mean date
    doubling = np.where(slope > 0, ln2 / np.where(slope > 0, slope, 1), np.inf)
    quantities = {"doubling_days": doubling}
    for name, minutes in milestones.items():
        quantities["milestone " + name] = np.where(slope > 0, t.mean() + (math.log(minutes) - intercept_at_mean)
                                                   / np.where(slope > 0, slope, 1), np.inf)
    for d in dates:
        quantities["horizon on " + d] = np.exp(intercept_at_mean + slope * (day(d) - t.mean()))
    out = {"until": until, "models": [r["model"] for r in rows], "n": n,
           "ols": {"doubling_days": ln2 / lr.slope, "slope_per_day": lr.slope, "slope_se": lr.stderr, "t": q,
                   "interval": ols},
           "draws": {}}
    sets = DRAWS // R
    for name, v in quantities.items():
        p = np.percentile(v, [2.5, 97.5])
        # the spread of an R-replicate percentile estimate, from the 20 disjoint sets of R draws
        per = np.percentile(v[: sets * R].reshape(sets, R), [2.5, 97.5], axis=1)
        out["draws"][name] = {"interval": p.tolist(), "mc_se": per.std(axis=1, ddof=1).tolist(),
                              "median": float(np.median(v))}
    return out


def main():
    rng = np.random.default_rng(20250301)
    out = {"_source": "bench/oracles/trend_intervals.py (SciPy %s, NumPy %s)" % (scipy.__version__, np.__version__),
           "draws": DRAWS, "replicates_for_mc_se": R,
           "paper": case("2025-03-01", {"8h": 480.0}, ["2026-01-01"], rng),
           "all": case("2025-12-31", {"8h": 480.0, "40h": 2400.0, "167h": 10020.0}, ["2026-01-01", "2027-01-01"], rng)}
    OUT.write_text(json.dumps(out, indent=1) + "\n")
    print(json.dumps({k: (out[k]["ols"], out[k]["draws"]) for k in ("paper", "all")}, indent=0)[:3000])


if __name__ == "__main__":
    main()
