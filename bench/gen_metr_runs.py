#!/usr/bin/env python3
"""Writes a synthetic run file in METR's JSON Lines format (the fields of METR's all_runs.jsonl that scalefit
reads, plus run_id and score) for the memory and scaling checks of bench/memory.sh. Not committed: generate it.

Runs: --models models (aliases "model-00", ...), --tasks tasks in --families families with task lengths spread
log-uniformly over 1 minute .. 32 hours; each model has a log2 p50 horizon rising by one doubling per model, and a
run succeeds with probability sigmoid(0.6 * (h_model - log2 minutes)). Runs are spread evenly over models and
tasks until --runs rows are written. Standard-library Python, seeded: the same file everywhere.

Usage: python3 bench/gen_metr_runs.py --runs 1000000 --out /tmp/runs-1m.jsonl [--models 15 --tasks 170 --families 40 --seed 1]
"""
import argparse
import math
import random


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=1_000_000)
    ap.add_argument("--models", type=int, default=15)
    ap.add_argument("--tasks", type=int, default=170)
    ap.add_argument("--families", type=int, default=40)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--out", required=True)
    a = ap.parse_args()
    rng = random.Random(a.seed)
    minutes = [2 ** (rng.uniform(0, math.log2(32 * 60))) for _ in range(a.tasks)]
    family = [f"fam{t % a.families:03d}" for t in range(a.tasks)]
    horizon = [1.0 + m for m in range(a.models)]
    with open(a.out, "w") as f:
        for i in range(a.runs):
            m = i % a.models
            t = (i // a.models) % a.tasks
            p = 1 / (1 + math.exp(-0.6 * (horizon[m] - math.log2(minutes[t]))))
            s = 1 if rng.random() < p else 0
            f.write('{"run_id":"r%d","task_id":"%s/t%03d","task_family":"%s","alias":"model-%02d","model":"m%02d",'
                    '"human_minutes":%.4f,"score":%d,"score_binarized":%d}\n'
                    % (i, family[t], t, family[t], m, m, minutes[t], s, s))


if __name__ == "__main__":
    main()
