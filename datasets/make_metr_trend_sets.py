#!/usr/bin/env python3
"""Writes two METR files next to metr-horizons.csv (which it leaves alone):

1. datasets/metr-horizons-th1.1-latest.csv: METR's later Time Horizon 1.1 release (25 models, newest
   released 2026-03-05: Claude Opus 4.6, Gemini 3 Pro, Gemini 3.1 Pro, GPT-5.1-Codex-Max, GPT-5.2,
   GPT-5.3-Codex, GPT-5.4 added; every horizon re-estimated), from
   datasets/metr-benchmark-results-1-1-c59c78b.yaml (METR's benchmark_results_1_1.yaml as mirrored in
   IAPS-AI/METR-Time-Horizons at commit c59c78b). Same columns as metr-horizons.csv, so the same readers
   work on it; benchmark_version is TH1.1. Its trend: 187.778 days (all time, stitched) and 128.744 days
   [104.428, 158.012] from 2023 on, as METR published in that file.

2. datasets/metr-trend-sets.csv: the exact model sets of METR's published doubling-time trends, one row per
   (trend, model): trend, model, metr_key, release_date, p50_minutes, source. The rule behind every set is
   METR's: the models flagged is_sota in the results file ("frontier" in our CSVs), released in the window
   of the trend; the trend is OLS of ln(p50, clipped at 1e-3 minutes) on the release date, doubling time =
   ln 2 / slope. Non-frontier models (GPT-4 0125, Claude 3 Opus, GPT-4 Turbo, Qwen, DeepSeek, ...) are
   out; o1 is in. bench/peers/metr_trends.py recomputes each published number from these sets:
     th1.0_paper_2025_03        TH1.0, frontier, released 2019-01-01 .. 2025-02-24 (11 models; the paper's
                                headline chart, Kwa et al. 2025): 212.18 days
     th1.0_2025_04_with_o3      the same up to 2025-04-16 (12 models; METR's April 2025 chart, "Doubling
                                time: 207 days")
     th1.1_2026_01_all_time     TH1.1 (file of 2026-01), frontier, stitched with TH1.0's early models (14):
                                196.475 days
     th1.1_2026_01_from_2023    the same from 2023-01-01 (11): 130.801 days
     th1.1_latest_all_time      the later TH1.1 release, frontier (17): 187.778 days
     th1.1_latest_from_2023     the same from 2023-01-01 (14): 128.744 days

Needs PyYAML. Run from the repository root:  python3 datasets/make_metr_trend_sets.py
"""
import csv
import os
import sys

import yaml

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import make_metr_horizons as base  # noqa: E402  (reuses its model names and column order)

LATEST_YAML = os.path.join(HERE, "metr-benchmark-results-1-1-c59c78b.yaml")
LATEST_CSV = os.path.join(HERE, "metr-horizons-th1.1-latest.csv")
SETS_CSV = os.path.join(HERE, "metr-trend-sets.csv")
NEW_NAMES = {
    "claude_4_1_opus_inspect": "Claude 4.1 Opus",
    "claude_opus_4_6_inspect": "Claude Opus 4.6",
    "gemini_3_pro": "Gemini 3 Pro",
    "gemini_3_1_pro": "Gemini 3.1 Pro",
    "gpt_5_1_codex_max_inspect": "GPT-5.1-Codex-Max",
    "gpt_5_2": "GPT-5.2",
    "gpt_5_3_codex": "GPT-5.3-Codex",
    "gpt_5_4": "GPT-5.4",
}
LATEST_SOURCE = "METR benchmark_results_1_1.yaml (Time Horizon 1.1, later release; IAPS-AI mirror c59c78b)"
TRENDS = [  # name, file, version, first release date, last release date
    ("th1.0_paper_2025_03", "metr-horizons.csv", "TH1.0", "2019-01-01", "2025-02-24"),
    ("th1.0_2025_04_with_o3", "metr-horizons.csv", "TH1.0", "2019-01-01", "2025-04-16"),
    ("th1.1_2026_01_all_time", "metr-horizons.csv", "TH1.1", "2019-01-01", "9999-12-31"),
    ("th1.1_2026_01_from_2023", "metr-horizons.csv", "TH1.1", "2023-01-01", "9999-12-31"),
    ("th1.1_latest_all_time", "metr-horizons-th1.1-latest.csv", "TH1.1", "2019-01-01", "9999-12-31"),
    ("th1.1_latest_from_2023", "metr-horizons-th1.1-latest.csv", "TH1.1", "2023-01-01", "9999-12-31"),
]


def write_latest():
    base.NAMES.update(NEW_NAMES)
    base.SOURCE["TH1.1"] = LATEST_SOURCE
    rows = base.rows(LATEST_YAML, "TH1.1")
    doc = yaml.safe_load(open(LATEST_YAML))
    for r in rows:   # METR's later file has is_sota_p50 too; it equals is_sota for every model
        m = doc["results"][r["metr_key"]]["metrics"]
        assert m["is_sota"] == m["is_sota_p50"], r["metr_key"]
    with open(LATEST_CSV, "w", newline="") as f:
        w = csv.DictWriter(f, fieldnames=base.COLUMNS, lineterminator="\n")
        w.writeheader()
        w.writerows(rows)
    return len(rows)


def write_sets():
    out = []
    for name, file, version, first, last in TRENDS:
        with open(os.path.join(HERE, file), newline="") as f:
            for r in csv.DictReader(f):
                if (r["benchmark_version"] == version and r["frontier"] == "true"
                        and first <= r["release_date"] <= last):
                    out.append({"trend": name, "model": r["model"], "metr_key": r["metr_key"],
                                "release_date": r["release_date"], "p50_minutes": r["p50_minutes"],
                                "source": file})
    with open(SETS_CSV, "w", newline="") as f:
        w = csv.DictWriter(f, fieldnames=["trend", "model", "metr_key", "release_date", "p50_minutes", "source"],
                           lineterminator="\n")
        w.writeheader()
        w.writerows(out)
    return out


def main():
    n = write_latest()
    sets = write_sets()
    counts = {}
    for r in sets:
        counts[r["trend"]] = counts.get(r["trend"], 0) + 1
    print(f"wrote {os.path.relpath(LATEST_CSV)} ({n} models) and {os.path.relpath(SETS_CSV)}: "
          + ", ".join(f"{k} {v}" for k, v in counts.items()))


if __name__ == "__main__":
    main()
