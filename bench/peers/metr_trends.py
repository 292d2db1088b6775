#!/usr/bin/env python3
"""Peer: METR's published time-horizon doubling times, recomputed from the exact model sets of its trends.

Data: datasets/metr-trend-sets.csv (written by datasets/make_metr_trend_sets.py from metr-horizons.csv and
metr-horizons-th1.1-latest.csv, METR's published per-model horizons). Method, METR's (Kwa et al. 2025,
eval-analysis-public): OLS of ln(p50 minutes, clipped below at 1e-3) on the release date in days; doubling
time = ln 2 / slope (days), also in months of 365.2425/12 days; R^2 of that regression. The sets and the
rule behind them (is_sota, release window) are documented in the data script. METR's confidence intervals
come from its hierarchical bootstrap over tasks, which needs the per-run data; they are quoted, not
recomputed.

Run from the repository root:  python3 bench/peers/metr_trends.py
Writes src/test/resources/peers/metr-trends.json. Under a second.
"""
import csv
import datetime as dt
import json
import math
import os

import numpy as np

ROOT = os.path.abspath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
DATA = "datasets/metr-trend-sets.csv"
OUT = "src/test/resources/peers/metr-trends.json"
PUBLISHED = {
    "th1.0_paper_2025_03": {"doubling_days": 212, "source": "Kwa et al. (2025) arXiv 2503.14499: 'doubling every "
                                                            "7 months' (issue 13 quotes 212.2 days); METR's headline chart"},
    "th1.0_2025_04_with_o3": {"doubling_days": 207, "r_squared": 0.97,
                              "source": "METR's chart of April 2025 (METR/cross-domain-horizon): 'Doubling time: "
                                        "207 days, 2018-09-03+ data, R^2: 0.97'"},
    "th1.1_2026_01_all_time": {"doubling_days": 196.475,
                               "source": "benchmark_results_1_1.yaml (2026-01), doubling_time_in_days.all_time_stitched"},
    "th1.1_2026_01_from_2023": {"doubling_days": 130.801, "ci": [107.334, 161.422],
                                "source": "benchmark_results_1_1.yaml (2026-01), doubling_time_in_days.from_2023_on"},
    "th1.1_latest_all_time": {"doubling_days": 187.778,
                              "source": "benchmark_results_1_1.yaml, later release (IAPS-AI mirror c59c78b), "
                                        "all_time_stitched"},
    "th1.1_latest_from_2023": {"doubling_days": 128.744, "ci": [104.428, 158.012],
                               "source": "benchmark_results_1_1.yaml, later release (IAPS-AI mirror c59c78b), "
                                         "from_2023_on"},
}


def main():
    sets = {}
    with open(os.path.join(ROOT, DATA), newline="") as f:
        for r in csv.DictReader(f):
            sets.setdefault(r["trend"], []).append(r)
    trends = {}
    for name, rows in sets.items():
        day = np.array([(dt.date.fromisoformat(r["release_date"]) - dt.date(1970, 1, 1)).days for r in rows], float)
        y = np.log(np.maximum([float(r["p50_minutes"]) for r in rows], 1e-3))
        slope, intercept = np.polyfit(day, y, 1)
        r2 = 1 - np.sum((y - (intercept + slope * day)) ** 2) / np.sum((y - y.mean()) ** 2)
        days = math.log(2) / slope
        trends[name] = {"models": [r["model"] for r in rows], "metr_keys": [r["metr_key"] for r in rows],
                        "count": len(rows), "source_file": rows[0]["source"],
                        "doubling_days": days, "doubling_months": days / (365.2425 / 12),
                        "growth_per_year": math.exp(slope * 365.2425), "r_squared": float(r2),
                        "published": PUBLISHED[name]}
    result = {"script": "bench/peers/metr_trends.py", "data": DATA, "data_kind": "real",
              "source": "METR's published per-model horizons (benchmark_results_1_0.yaml, benchmark_results_1_1.yaml "
                        "of 2026-01 and its later release)",
              "method": "OLS of ln(max(p50 minutes, 1e-3)) on release date in days over METR's frontier (is_sota) "
                        "models in the trend's window; doubling = ln2/slope",
              "trends": trends}
    os.makedirs(os.path.join(ROOT, os.path.dirname(OUT)), exist_ok=True)
    with open(os.path.join(ROOT, OUT), "w") as f:
        json.dump(result, f, indent=2)
        f.write("\n")
    for name, t in trends.items():
        print(f"{name}: {t['count']} models, doubling {t['doubling_days']:.4f} days ({t['doubling_months']:.3f} months, "
              f"{t['growth_per_year']:.3f}x/yr), R2 {t['r_squared']:.4f}; published {t['published']['doubling_days']}")
    print(f"wrote {OUT}")


if __name__ == "__main__":
    main()
