#!/usr/bin/env python3
"""Writes datasets/gadre2024-overtraining.csv and datasets/olmo-ladder2024-tasks.csv.

Both are tidy derivatives of public data (see datasets/README.md for sources and licences):

* gadre2024-overtraining.csv: the 104 runs of Gadre et al. (2024), "Language models scale reliably with
  over-training and on downstream tasks" (arXiv 2403.08540; code and data github.com/mlfoundations/scaling,
  MIT), as tabulated in ../shared/reference-data/gadre2024-overtraining/models.csv: a subset of its
  columns, values copied as written.
* olmo-ladder2024-tasks.csv: the OLMo model ladder of Bhagia et al. (2024), "Establishing Task Scaling Laws
  via Compute-Efficient Model Ladders" (arXiv 2412.04403; github.com/allenai/OLMo-ladder, Apache-2.0), as
  tabulated in ../shared/reference-data/olmo-ladder2024/: one row per ladder run's end point (the paper's
  step-1 input: task loss and accuracy averaged over the last 5 checkpoints), one row per intermediate
  checkpoint of the 16 main ladder runs as the paper's step 2 uses it (the first ceil(10%) of each run's
  checkpoints dropped, then a 5-point trailing moving average with partial windows at the start), the
  anchor point (task loss 0, accuracy 1) the paper adds to step 2, and the two targets (7B-4T, 13B-5T).

Usage (from the project root):  python3 datasets/make_downstream_datasets.py [REFERENCE_DATA_DIR]
The output is deterministic (floats written with repr, or %.12g for the moving averages).
"""
import csv
import math
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT = os.path.normpath(os.path.join(HERE, "..", "..", "shared", "reference-data"))

GADRE_COLUMNS = ["run_name", "dataset", "size_label", "params_N", "tokens_D", "token_multiplier_M", "compute_C",
                 "loss_c4_val", "err_avg_17", "err_avg_46", "err_hellaswag", "err_hellaswag_zeroshot", "err_arc_easy",
                 "err_arc_challenge", "err_piqa", "err_lambada_openai", "err_copa", "err_winogrande", "err_boolq",
                 "err_mmlu", "in_loss_fit", "in_error_fit", "is_target"]

OLMO_TASKS = ["mmlu_avg_test", "hellaswag_val", "arc_challenge_test", "arc_easy_test", "piqa_val", "csqa_val",
              "socialiqa_val", "openbookqa_test"]


def moving_average(values, n):
    """Trailing n-point mean with partial windows at the start (the OLMo ladder's smoothing)."""
    out = []
    total = 0.0
    for i, v in enumerate(values):
        total += v
        if i >= n:
            total -= values[i - n]
        out.append(total / min(i + 1, n))
    return out


def gadre(src, dst):
    with open(os.path.join(src, "gadre2024-overtraining", "models.csv"), newline="") as f:
        rows = list(csv.DictReader(f))
    with open(dst, "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(GADRE_COLUMNS)
        for r in rows:
            w.writerow([r[c] for c in GADRE_COLUMNS])


def g12(x):
    return "%.12g" % x


def olmo(src, dst):
    base = os.path.join(src, "olmo-ladder2024")
    with open(os.path.join(base, "ladder_final.csv"), newline="") as f:
        final = list(csv.DictReader(f))
    with open(os.path.join(base, "ladder_checkpoints.csv"), newline="") as f:
        checkpoints = list(csv.DictReader(f))
    header = ["run", "size", "role", "kind", "xC", "N", "D", "in_loss_fit", "in_metric_fit", "is_target"]
    for t in OLMO_TASKS:
        header += [t + "_bpb", t + "_acc"]
    out = []
    for r in final:
        row = [r["label"], r["size"], r["role"], "final", r["xC"], r["N_nonembed"], r["D_tokens"],
               "1" if r["role"] == "fit" else "0", "0", "1" if r["role"] == "target" else "0"]
        for t in OLMO_TASKS:
            row += [r[t + "_bpb_last5"], r[t + "_acc_last5"]]
        out.append(row)
    for r in final:
        if r["role"] != "fit":
            continue
        ck = sorted((c for c in checkpoints if c["run"] == r["run"]), key=lambda c: int(c["ckpt_index"]))
        skip = int(math.ceil(0.1 * len(ck)))
        ck = ck[skip:]
        smoothed = {}
        for t in OLMO_TASKS:
            smoothed[t + "_bpb"] = moving_average([float(c[t + "_bpb"]) for c in ck], 5)
            smoothed[t + "_acc"] = moving_average([float(c[t + "_acc"]) for c in ck], 5)
        for i, c in enumerate(ck):
            row = [r["run"], r["size"], "fit", "checkpoint", r["xC"], c["N_nonembed"], c["D_tokens"], "0", "1", "0"]
            for t in OLMO_TASKS:
                row += [g12(smoothed[t + "_bpb"][i]), g12(smoothed[t + "_acc"][i])]
            out.append(row)
    anchor = ["anchor", "", "anchor", "anchor", "", "", "", "0", "1", "0"]
    for t in OLMO_TASKS:
        anchor += ["0", "1"]
    out.append(anchor)
    with open(dst, "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(header)
        w.writerows(out)


def main():
    src = sys.argv[1] if len(sys.argv) > 1 else DEFAULT
    gadre(src, os.path.join(HERE, "gadre2024-overtraining.csv"))
    olmo(src, os.path.join(HERE, "olmo-ladder2024-tasks.csv"))


if __name__ == "__main__":
    main()
