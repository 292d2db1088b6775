#!/usr/bin/env python3
"""Writes datasets/metr-horizons.csv: METR's published per-model time horizons (TH1.0 and TH1.1).

The figures are METR's published results (Kwa et al. 2025, "Measuring AI Ability to Complete Long
Tasks", arXiv:2503.14499, and METR's benchmark result files https://metr.org/assets/
benchmark_results_1_0.yaml and .../benchmark_results_1_1.yaml). This script only re-arranges them:
one row per (benchmark version, model) with a readable model name, the release date, the 50% and
80% horizons in minutes with their 95% bootstrap intervals, the average score, METR's frontier flag
(is_sota), and which suite version measured the row (TH1.1 reuses three TH1.0 measurements of
early models: GPT-2, davinci-002, gpt-3.5-turbo-instruct).

Usage (from the project root, with PyYAML):  python3 datasets/make_metr_horizons.py [DIR_WITH_YAML]
"""
import csv
import os
import sys

import yaml

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_DIR = os.path.normpath(os.path.join(HERE, "..", "..", "shared", "reference-data", "metr"))

NAMES = {
    "gpt2": "GPT-2",
    "davinci_002": "davinci-002 (GPT-3)",
    "gpt_3_5_turbo_instruct": "gpt-3.5-turbo-instruct",
    "gpt_4": "GPT-4 0314",
    "gpt_4_1106": "GPT-4 1106", "gpt_4_1106_inspect": "GPT-4 1106",
    "gpt_4_0125": "GPT-4 0125",
    "gpt_4_turbo": "GPT-4 Turbo", "gpt_4_turbo_inspect": "GPT-4 Turbo",
    "gpt_4o": "GPT-4o", "gpt_4o_inspect": "GPT-4o",
    "claude_3_opus": "Claude 3 Opus", "claude_3_opus_inspect": "Claude 3 Opus",
    "claude_3_5_sonnet": "Claude 3.5 Sonnet (Old)", "claude_3_5_sonnet_20240620_inspect": "Claude 3.5 Sonnet (Old)",
    "claude_3_5_sonnet_20241022": "Claude 3.5 Sonnet (New)", "claude_3_5_sonnet_20241022_inspect": "Claude 3.5 Sonnet (New)",
    "claude_3_7_sonnet": "Claude 3.7 Sonnet", "claude_3_7_sonnet_inspect": "Claude 3.7 Sonnet",
    "claude_4_opus": "Claude 4 Opus", "claude_4_opus_inspect": "Claude 4 Opus",
    "claude_4_sonnet": "Claude 4 Sonnet",
    "claude_4_1_opus": "Claude 4.1 Opus",
    "claude_sonnet_4_5": "Claude Sonnet 4.5",
    "claude_opus_4_5": "Claude Opus 4.5", "claude_opus_4_5_inspect": "Claude Opus 4.5",
    "o1_preview": "o1-preview",
    "o1_elicited": "o1", "o1_inspect": "o1",
    "o3": "o3", "o3_inspect": "o3",
    "o4-mini": "o4-mini",
    "gpt_5": "GPT-5", "gpt_5_2025_08_07_inspect": "GPT-5",
    "gpt_5_1_codex_max": "GPT-5.1-Codex-Max",
    "gpt-oss-120b": "gpt-oss-120b",
    "grok_4": "Grok 4",
    "gemini_2_5_pro_preview": "Gemini 2.5 Pro Preview",
    "deepseek_v3": "DeepSeek-V3", "deepseek_v3_0324": "DeepSeek-V3-0324",
    "deepseek_r1": "DeepSeek-R1", "deepseek_r1_0528": "DeepSeek-R1-0528",
    "qwen_2_72b": "Qwen2-72B", "qwen_2_5_72b": "Qwen2.5-72B",
    "kimi_k2_thinking": "Kimi K2 Thinking",
}
SOURCE = {"TH1.0": "METR benchmark_results_1_0.yaml (Time Horizon 1.0; Kwa et al. 2025)",
          "TH1.1": "METR benchmark_results_1_1.yaml (Time Horizon 1.1, 2026-01)"}
VERSION = {"METR-Horizon-v1": "TH1.0", "METR-Horizon-v1.0": "TH1.0", "METR-Horizon-v1.1": "TH1.1"}
COLUMNS = ["benchmark_version", "model", "release_date", "p50_minutes", "p50_ci_low", "p50_ci_high",
           "p80_minutes", "p80_ci_low", "p80_ci_high", "average_score", "frontier", "measured_on", "metr_key", "source"]


def rows(path, version):
    doc = yaml.safe_load(open(path))
    out = []
    for key, r in doc["results"].items():
        m = r["metrics"]
        p50, p80 = m["p50_horizon_length"], m["p80_horizon_length"]
        out.append({
            "benchmark_version": version, "model": NAMES[key], "release_date": str(r["release_date"]),
            "p50_minutes": p50["estimate"], "p50_ci_low": p50["ci_low"], "p50_ci_high": p50["ci_high"],
            "p80_minutes": p80["estimate"], "p80_ci_low": p80["ci_low"], "p80_ci_high": p80["ci_high"],
            "average_score": m["average_score"]["estimate"], "frontier": str(bool(m["is_sota"])).lower(),
            "measured_on": VERSION[r.get("benchmark_name", doc["benchmark_name"])], "metr_key": key,
            "source": SOURCE[version]})
    out.sort(key=lambda x: (x["release_date"], x["model"]))
    return out


def main():
    d = sys.argv[1] if len(sys.argv) > 1 else DEFAULT_DIR
    all_rows = rows(os.path.join(d, "benchmark_results_1_0.yaml"), "TH1.0") + \
        rows(os.path.join(d, "benchmark_results_1_1.yaml"), "TH1.1")
    with open(os.path.join(HERE, "metr-horizons.csv"), "w", newline="") as f:
        w = csv.DictWriter(f, fieldnames=COLUMNS, lineterminator="\n")
        w.writeheader()
        w.writerows(all_rows)
    print(f"wrote {len(all_rows)} rows", file=sys.stderr)


if __name__ == "__main__":
    main()
