#!/usr/bin/env python3
"""Writes datasets/epoch2024-chinchilla-runs.csv: the 245 final training runs of Hoffmann et al. (2022),
"Training Compute-Optimal Large Language Models" (arXiv 2203.15556), as digitized by Epoch AI from the
vector graphic of the paper's Figure 4 (Besiroglu, Erdil, Barnett, You 2024, "Chinchilla Scaling: A
replication attempt", arXiv 2404.10102; file data/svg_extracted_data.csv of the repository
epoch-research/analyzing-chinchilla, commit 92258837425e1b5f2851d624287f0120583a3d0e).

The numbers are Epoch's, unchanged (printed with 17 significant digits, so they round-trip exactly); this
script only renames the columns, adds the token count Epoch derives, D = C / (6 N), and two flags:
  budget           the nearest of Hoffmann's nine IsoFLOP budgets (6e18 ... 3e21 FLOP) when the run's
                   compute lies within 0.1 decade of it (|log10 C - log10 budget| <= 0.1), else empty.
                   0.1 decade is the largest round tolerance below half the closest spacing of two
                   budgets (log10(1e19 / 6e18) / 2 = 0.111), so no run can be near two budgets.
                   182 runs are assigned, 63 are not (runs of Hoffmann's Approach 1, which sit between
                   the IsoFLOP slices in Figure 4). bench/peers/chinchilla_isoflop.py uses the same rule.
  epoch_excluded   1 for the 5 runs with the highest loss, which Epoch drops before its Approach-3 fit
                   (nr_of_models_excluded = 5 in its notebook), else 0.

Standard library only. Run from the repository root:
  python3 datasets/make_epoch_chinchilla.py [path/to/svg_extracted_data.csv]
(default ../shared/reference-data/epoch-chinchilla/svg_extracted_data.csv).
"""
import csv
import math
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_SOURCE = os.path.join(HERE, "..", "..", "shared", "reference-data", "epoch-chinchilla",
                              "svg_extracted_data.csv")
OUT = os.path.join(HERE, "epoch2024-chinchilla-runs.csv")
BUDGETS = [6e18, 1e19, 3e19, 6e19, 1e20, 3e20, 6e20, 1e21, 3e21]
TOLERANCE_DECADES = 0.1
EXCLUDED_BY_EPOCH = 5


def nearest_budget(flops):
    distance, budget = min((abs(math.log10(flops) - math.log10(b)), b) for b in BUDGETS)
    return budget if distance <= TOLERANCE_DECADES else None


def main(source):
    with open(source, newline="") as f:
        rows = list(csv.DictReader(f))
    assert len(rows) == 245, len(rows)
    losses = sorted(float(r["loss"]) for r in rows)
    threshold = losses[-EXCLUDED_BY_EPOCH]          # the 5th-highest loss; Epoch keeps loss < threshold
    out = ["run,params,tokens,flops,loss,budget,epoch_excluded"]
    for i, r in enumerate(rows):
        n, c, loss = float(r["Model Size"]), float(r["Training FLOP"]), float(r["loss"])
        budget = nearest_budget(c)
        out.append(",".join([str(i), repr(n), repr(c / (6.0 * n)), repr(c), repr(loss),
                             "" if budget is None else f"{budget:.0e}".replace("+", ""),
                             "1" if loss >= threshold else "0"]))
    with open(OUT, "w", newline="\n") as f:
        f.write("\n".join(out) + "\n")
    assigned = sum(1 for line in out[1:] if line.split(",")[5])
    excluded = sum(1 for line in out[1:] if line.endswith(",1"))
    print(f"wrote {os.path.relpath(OUT)}: {len(rows)} runs, {assigned} within {TOLERANCE_DECADES} decade of a budget, "
          f"{excluded} flagged epoch_excluded")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else DEFAULT_SOURCE)
