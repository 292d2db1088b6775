#!/usr/bin/env python3
"""Peer: growth of the training compute of notable AI models, by era, from Epoch AI's database.

Data: datasets/epoch2026-notable-models-compute.csv (Epoch AI, "Data on AI Models", CC-BY 4.0; snapshot of
2026-04-01; the 484 notable models with a training-compute estimate). NumPy and SciPy only.

Method: ordinary least squares of ln(training compute) on the publication date in days; a year is 365.2425
days and a month a twelfth of it. From the slope k per year: growth per year = e^k, doubling time =
12 ln 2 / k months. 95% intervals two ways: the OLS t-interval of the slope (n - 2 degrees of freedom)
mapped through those functions, and a percentile bootstrap over models (2,000 resamples of the era's models
with replacement, numpy default_rng seed 2022; resamples whose slope is not positive are kept for the
growth factor and counted, the doubling time is then infinite).

Eras, as the papers define them:
  * Sevilla et al. (2022), "Compute Trends Across Three Eras of Machine Learning" (arXiv 2202.05924):
    pre-deep-learning era 1952 to 2010 (doubling about every 20 months, "in line with Moore's law"),
    deep-learning era from 2010 (about 6 months; their data end in early 2022), and a large-scale era of
    outlier models from late 2015 (not fitted here: its membership is their judgement, not a column).
    Here: 1952-01-01 <= date < 2010-01-01, and 2010-01-01 <= date < 2022-03-01.
  * Epoch AI (2024), "Training compute of frontier AI models grows by 4-5x per year" (notable models,
    2010 to May 2024; their data insight of June 2024 reports 4.7x/yr, 90% CI 4.3-5.2, R^2 0.60, on 428
    notable models since 2010): here 2010-01-01 <= date < 2024-06-01, and 2010 to the end of the
    snapshot (2025-04), and the frontier subset (compute rank <= 10 when published) since 2010.

Run from the repository root:  python3 bench/peers/compute_trends.py
Writes src/test/resources/peers/compute-trends.json. A few seconds.
"""
import csv
import datetime as dt
import json
import math
import os

import numpy as np
from scipy import stats

ROOT = os.path.abspath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
DATA = "datasets/epoch2026-notable-models-compute.csv"
OUT = "src/test/resources/peers/compute-trends.json"
YEAR = 365.2425
SEED, N_BOOT = 2022, 2000
EPOCH = dt.date(1970, 1, 1)
ERAS = [
    ("pre_deep_learning_1952_2010", "1952-01-01", "2010-01-01", False,
     {"doubling_months": 20, "source": "Sevilla et al. (2022): 'doubling roughly every 20 months' before 2010"}),
    ("deep_learning_2010_2022", "2010-01-01", "2022-03-01", False,
     {"doubling_months": 6, "source": "Sevilla et al. (2022): 'doubling approximately every 6 months' since 2010"}),
    ("deep_learning_2010_2024_05", "2010-01-01", "2024-06-01", False,
     {"growth_per_year": [4, 5], "data_insight_growth_per_year": 4.7, "data_insight_ci90": [4.3, 5.2],
      "source": "Epoch AI (2024) 'Training compute of frontier AI models grows by 4-5x per year'; data insight "
                "'The training compute of notable AI models ...' (June 2024): 4.7x/yr, 90% CI 4.3-5.2, 428 models"}),
    ("deep_learning_2010_to_2025_04", "2010-01-01", "2100-01-01", False, None),
    ("frontier_top10_2010_to_2025_04", "2010-01-01", "2100-01-01", True,
     {"growth_per_year": [4, 5], "source": "Epoch AI (2024): the running top 10 by compute grows at a similar rate"}),
]


def load():
    with open(os.path.join(ROOT, DATA), newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    day = np.array([(dt.date.fromisoformat(r["publication_date"]) - EPOCH).days for r in rows], float)
    ln_c = np.log(np.array([float(r["training_compute_flop"]) for r in rows]))
    frontier = np.array([r["frontier_top10"] == "1" for r in rows])
    return day, ln_c, frontier


def day_of(iso):
    return float((dt.date.fromisoformat(iso) - EPOCH).days)


def ols(x, y):
    res = stats.linregress(x, y)
    return res.slope, res.intercept, res.stderr, res.rvalue ** 2


def summary_from_slope_per_year(k):
    return {"growth_per_year": math.exp(k), "doubling_months": 12 * math.log(2) / k if k > 0 else math.inf,
            "orders_of_magnitude_per_year": k / math.log(10)}


def fit_era(day, ln_c, rng):
    n = day.size
    slope, intercept, se, r2 = ols(day, ln_c)
    k, k_se = slope * YEAR, se * YEAR
    t = stats.t.ppf(0.975, n - 2)
    lo, hi = k - t * k_se, k + t * k_se
    boot = np.empty(N_BOOT)
    for i in range(N_BOOT):
        pick = rng.integers(0, n, n)
        boot[i] = ols(day[pick], ln_c[pick])[0] * YEAR
    b_lo, b_hi = np.percentile(boot, [2.5, 97.5])
    point = summary_from_slope_per_year(k)
    doubling = lambda kk: 12 * math.log(2) / kk if kk > 0 else math.inf   # noqa: E731
    return {
        "models": int(n),
        "first_date": str(EPOCH + dt.timedelta(days=int(day.min()))),
        "last_date": str(EPOCH + dt.timedelta(days=int(day.max()))),
        "slope_ln_per_year": k, "slope_se_per_year": k_se, "r_squared": r2,
        **point,
        "ci95_t": {"growth_per_year": [math.exp(lo), math.exp(hi)], "doubling_months": [doubling(hi), doubling(lo)]},
        "ci95_bootstrap": {"growth_per_year": [math.exp(b_lo), math.exp(b_hi)],
                           "doubling_months": [doubling(b_hi), doubling(b_lo)],
                           "resamples_with_non_positive_slope": int((boot <= 0).sum())},
        "ci90_t_growth_per_year": [math.exp(k - stats.t.ppf(0.95, n - 2) * k_se),
                                   math.exp(k + stats.t.ppf(0.95, n - 2) * k_se)],
    }


def main():
    day, ln_c, frontier = load()
    rng = np.random.default_rng(SEED)
    eras = {}
    for name, start, end, frontier_only, published in ERAS:
        m = (day >= day_of(start)) & (day < day_of(end))
        if frontier_only:
            m &= frontier
        eras[name] = {"from": start, "before": end, "subset": "frontier_top10 == 1" if frontier_only else "all",
                      **fit_era(day[m], ln_c[m], rng), "published": published}
    result = {
        "script": "bench/peers/compute_trends.py",
        "data": DATA,
        "data_kind": "real",
        "source": "Epoch AI, 'Data on AI Models' (CC-BY 4.0), All ML Systems export of 2026-04-01 "
                  "(epoch-research/training-cost-trends 263c40a)",
        "method": "OLS of ln(training compute, FLOP) on publication date in days; year = 365.2425 days; growth/yr = "
                  "e^(slope*365.2425); doubling months = 12 ln2 / (slope*365.2425); 95% OLS t-interval and "
                  f"{N_BOOT}-resample bootstrap over models (seed {SEED})",
        "eras": eras,
        "note_on_the_talk_claim": (
            "The talk says training and inference get 3-10x cheaper per year. These data measure something else: "
            "how fast the training compute spent on notable models grows (about 4-5x a year since 2010). That "
            "is growth in spending times hardware price-performance, not a fall in the cost of reaching a fixed "
            "capability. They say nothing about inference cost, nor about algorithmic efficiency (the compute "
            "needed for a given result), which is what a 'cheaper per year' claim needs; that needs matched "
            "capability measurements (e.g. Epoch's algorithmic-progress estimates or price-per-token series), "
            "which are not in this table."),
    }
    os.makedirs(os.path.join(ROOT, os.path.dirname(OUT)), exist_ok=True)
    with open(os.path.join(ROOT, OUT), "w") as f:
        json.dump(result, f, indent=2)
        f.write("\n")
    for name, e in eras.items():
        t, b = e["ci95_t"], e["ci95_bootstrap"]
        print(f"{name}: {e['models']} models ({e['first_date']} .. {e['last_date']}), R2 {e['r_squared']:.3f}: "
              f"{e['growth_per_year']:.4f}x/yr [t {t['growth_per_year'][0]:.3f}, {t['growth_per_year'][1]:.3f}; "
              f"boot {b['growth_per_year'][0]:.3f}, {b['growth_per_year'][1]:.3f}], doubling "
              f"{e['doubling_months']:.3f} months [t {t['doubling_months'][0]:.2f}, {t['doubling_months'][1]:.2f}; "
              f"boot {b['doubling_months'][0]:.2f}, {b['doubling_months'][1]:.2f}]")
    print(f"wrote {OUT}")


if __name__ == "__main__":
    main()
